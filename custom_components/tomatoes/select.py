"""The preset select of a Tomatoes timer: Classic, Deep Focus, Sprint (or custom values)."""

from __future__ import annotations

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import PRESET_CUSTOM, PRESETS, preset_of
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry

PARALLEL_UPDATES = 0

PRESET = SelectEntityDescription(
    key="preset",
    translation_key="preset",
    options=[*PRESETS, PRESET_CUSTOM],
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the preset select of a timer."""
    async_add_entities([PresetSelect(entry, PRESET)])


class PresetSelect(TomatoesEntity, SelectEntity):
    """Shows which preset the durations match; picking one applies its durations."""

    @property
    def current_option(self) -> str:
        """Return the preset the current settings match, or custom."""
        return preset_of(self.entry.options)

    async def async_select_option(self, option: str) -> None:
        """Apply a preset's durations; picking custom keeps the current values."""
        if option in PRESETS:
            await self.timer.async_update_options(PRESETS[option])
