"""The "Focus lighting" switch: on while every chosen light follows the timer.

It turns off when someone takes a light over during focus (its attribute
``taken_over`` names the lights). Turning it on hands those lights back to the
timer; turning it off during focus gives every light back now and leaves them
alone for the rest of the block.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription

from .entity import TomatoesEntity
from .models import TomatoesConfigEntry

FOCUS_LIGHTING = SwitchEntityDescription(key="focus_lighting", translation_key="focus_lighting")


class FocusLightingSwitch(TomatoesEntity, SwitchEntity):
    """Whether the timer is in charge of all of its lights."""

    def __init__(self, entry: TomatoesConfigEntry) -> None:
        """Bind the switch to the timer's lights."""
        super().__init__(entry, FOCUS_LIGHTING)
        self.lights = entry.runtime_data.lights

    async def async_added_to_hass(self) -> None:
        """Follow take-overs and hand-backs as well as the timer."""
        await super().async_added_to_hass()
        self.async_on_remove(self.lights.async_add_listener(self._async_timer_changed))

    @property
    def is_on(self) -> bool:
        """Return whether no light is taken over."""
        return not self.lights.taken_over

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Name the lights someone took over in this block."""
        return {"taken_over": self.lights.taken_over}

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Hand every taken-over light back to the timer."""
        if self.lights.taken_over:
            await self.lights.async_hand_back()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Give every light back now and leave them alone until the block ends."""
        await self.lights.async_let_go()
