"""Selects of a Tomatoes timer: the preset (Classic, Deep Focus, ...) and the focus sound."""

from __future__ import annotations

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import PRESET_CUSTOM, PRESETS, preset_of
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry
from .sound.entity import SoundEntity
from .sound.options import CONF_SOUND_SOURCE, sound_choices

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
