"""Base of the sound's entities (the sound select, volume number and status sensor)."""

from __future__ import annotations

from ..entity import TomatoesEntity
from .effect import SoundEffect


class SoundEntity(TomatoesEntity):
    """An entity of a timer's sound: updated when the timer or the sound changes."""

    @property
    def sound(self) -> SoundEffect:
        """Return the timer's sound effect."""
        return self.entry.runtime_data.sound

    async def async_added_to_hass(self) -> None:
        """Also follow the sound (its options, the library, what plays)."""
        await super().async_added_to_hass()
        self.async_on_remove(self.sound.async_add_listener(self._async_timer_changed))
