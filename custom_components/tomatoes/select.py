"""Selects of a Tomatoes timer: the preset (Classic, Deep Focus, ...) and the focus sound."""

from __future__ import annotations

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import PRESET_CUSTOM, PRESETS, preset_of
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry
from .sound.options import sound_choices

PARALLEL_UPDATES = 0

PRESET = SelectEntityDescription(
    key="preset",
    translation_key="preset",
    options=[*PRESETS, PRESET_CUSTOM],
)
SOUND = SelectEntityDescription(key="sound", translation_key="sound")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the preset and sound selects of a timer."""
    async_add_entities([PresetSelect(entry, PRESET), SoundSelect(entry, SOUND)])


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


class SoundSelect(TomatoesEntity, SelectEntity):
    """The focus sound: a bundled loop, a folder (shuffled) or a file; applies at once."""

    async def async_added_to_hass(self) -> None:
        """Also follow the sound options and the library."""
        await super().async_added_to_hass()
        ambience = self.entry.runtime_data.sound
        self.async_on_remove(ambience.async_add_listener(self._async_timer_changed))

    def _choices(self) -> dict[str, str]:
        ambience = self.entry.runtime_data.sound
        return sound_choices(ambience.library, (ambience.settings.source,))

    @property
    def options(self) -> list[str]:
        """Return the labels of the sounds on offer."""
        return list(self._choices())

    @property
    def current_option(self) -> str | None:
        """Return the label of the sound in use."""
        source = self.entry.runtime_data.sound.settings.source
        return next((label for label, ref in self._choices().items() if ref == source), None)

    def _shown(self) -> object:
        return (self.current_option, self.options)

    async def async_select_option(self, option: str) -> None:
        """Use the chosen sound (during focus the players switch to it at once)."""
        await self.entry.runtime_data.sound.async_set_source(self._choices()[option])
