"""The mode entities of a timer: the mode select and today's focus time in the chosen mode.

The select offers the built-in modes (their keys, translated) and the person's own (their
names). Its state stays the chosen mode when a part is changed by hand; the attributes
``modified`` and ``modified_parts`` say so. Choosing the shown mode again applies it again.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.components.sensor import SensorDeviceClass, SensorEntity, SensorEntityDescription
from homeassistant.const import UnitOfTime

from ..entity import TomatoesEntity
from .controller import ModeController

MODE = SelectEntityDescription(key="mode", translation_key="mode")
MODE_FOCUS = SensorEntityDescription(
    key="mode_focus_today",
    translation_key="mode_focus_today",
    device_class=SensorDeviceClass.DURATION,
    native_unit_of_measurement=UnitOfTime.MINUTES,
    suggested_display_precision=0,
)


class ModeEntity(TomatoesEntity):
    """An entity of a timer's modes: updated when the timer or its modes change."""

    @property
    def modes(self) -> ModeController:
        """Return the timer's mode controller."""
        return self.entry.runtime_data.modes

    async def async_added_to_hass(self) -> None:
        """Also follow the modes (added, edited, chosen) and today's focus per mode."""
        await super().async_added_to_hass()
        self.async_on_remove(self.modes.async_add_listener(self._async_timer_changed))
        self.async_on_remove(self.modes.stats.async_add_listener(self._async_timer_changed))


class ModeSelect(ModeEntity, SelectEntity):
    """The timer's mode; picking one applies its rhythm, sound and light."""

    @property
    def options(self) -> list[str]:
        """Return the modes on offer: built-in keys, then the person's modes by name."""
        return [mode.option for mode in self.modes.modes.values()]

    @property
    def current_option(self) -> str:
        """Return the chosen mode (also when a part of it was changed by hand)."""
        return self.modes.current.option

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Say whether parts of the chosen mode were changed by hand, and which."""
        parts = self.modes.modified
        return {"modified": bool(parts), "modified_parts": parts}

    def _shown(self) -> object:
        return (self.current_option, self.options, self.extra_state_attributes)

    async def async_select_option(self, option: str) -> None:
        """Apply a mode: the sound and light at once, the rhythm from the next phase."""
        if (mode := self.modes.find(option)) is not None:
            await self.modes.async_select(mode)


class ModeFocusSensor(ModeEntity, SensorEntity):
    """Minutes focused today in the chosen mode; every mode's blocks and minutes as attributes."""

    @property
    def native_value(self) -> float:
        """Return today's focused minutes in the chosen mode."""
        share = self.modes.stats.today().get(self.modes.current.id)
        return round(share.seconds / 60, 1) if share else 0.0

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return the chosen mode and, per mode focused in today, its blocks and minutes."""
        known = self.modes.modes
        return {
            "mode": self.modes.current.option,
            "modes": {
                (known[mode_id].option if mode_id in known else share.name): {
                    "blocks": share.blocks,
                    "minutes": round(share.seconds / 60, 1),
                }
                for mode_id, share in self.modes.stats.today().items()
            },
        }
