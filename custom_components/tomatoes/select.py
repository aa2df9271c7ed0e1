"""Selects of a Tomatoes timer: the mode (Classic, Deep Focus, ... and your own) and the sound."""

from __future__ import annotations

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .models import TomatoesConfigEntry
from .modes.entities import MODE, ModeSelect
from .sound.entity import SoundEntity
from .sound.options import CONF_SOUND_SOURCE, sound_choices

PARALLEL_UPDATES = 0

SOUND = SelectEntityDescription(key="sound", translation_key="sound")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the mode and sound selects of a timer."""
    async_add_entities([ModeSelect(entry, MODE), SoundSelect(entry, SOUND)])


class SoundSelect(SoundEntity, SelectEntity):
    """The focus sound: a bundled loop, a folder (shuffled) or a file; applies at once."""

    def _choices(self) -> dict[str, str]:
        return sound_choices(self.sound.library, (self.sound.options.source,))

    @property
    def options(self) -> list[str]:
        """Return the labels of the sounds on offer."""
        return list(self._choices())

    @property
    def current_option(self) -> str | None:
        """Return the label of the sound in use."""
        source = self.sound.options.source
        return next((label for label, ref in self._choices().items() if ref == source), None)

    def _shown(self) -> object:
        return (self.current_option, self.options)

    async def async_select_option(self, option: str) -> None:
        """Store the chosen sound in the options; during focus the players switch at once."""
        options = {**self.entry.options, CONF_SOUND_SOURCE: self._choices()[option]}
        self.hass.config_entries.async_update_entry(self.entry, options=options)
        await self.sound.async_apply_options(options)
