"""Numbers of a Tomatoes timer: phase durations, long break rhythm, session target, sound volume."""

from __future__ import annotations

from dataclasses import dataclass
import math

from homeassistant.components.number import (
    NumberDeviceClass,
    NumberEntity,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.const import PERCENTAGE, EntityCategory, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import (
    CONF_FOCUS_MINUTES,
    CONF_LONG_BREAK_EVERY,
    CONF_LONG_BREAK_MINUTES,
    CONF_SESSION_TARGET,
    CONF_SHORT_BREAK_MINUTES,
    DEFAULT_OPTIONS,
    DOMAIN,
    LIMITS,
)
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry
from .sound.entity import SoundEntity
from .sound.options import CONF_SOUND_VOLUME, SOUND_LIMITS

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class TomatoesNumberEntityDescription(NumberEntityDescription):
    """Describes a number that edits one option of the timer."""

    option: str


def _option(key: str, *, minutes: bool) -> TomatoesNumberEntityDescription:
    """Describe the number of one timer option (a duration in minutes, or a count)."""
    return TomatoesNumberEntityDescription(
        key=key,
        translation_key=key,
        option=key,
        device_class=NumberDeviceClass.DURATION if minutes else None,
        native_unit_of_measurement=UnitOfTime.MINUTES if minutes else None,
        native_min_value=LIMITS[key][0],
        native_max_value=LIMITS[key][1],
        native_step=1,
        mode=NumberMode.BOX,
        entity_category=EntityCategory.CONFIG,
    )


NUMBERS: tuple[TomatoesNumberEntityDescription, ...] = (
    _option(CONF_FOCUS_MINUTES, minutes=True),
    _option(CONF_SHORT_BREAK_MINUTES, minutes=True),
    _option(CONF_LONG_BREAK_MINUTES, minutes=True),
    _option(CONF_LONG_BREAK_EVERY, minutes=False),
    _option(CONF_SESSION_TARGET, minutes=False),
)


SOUND_VOLUME = TomatoesNumberEntityDescription(
    key=CONF_SOUND_VOLUME,
    translation_key=CONF_SOUND_VOLUME,
    option=CONF_SOUND_VOLUME,
    native_unit_of_measurement=PERCENTAGE,
    native_min_value=SOUND_LIMITS[CONF_SOUND_VOLUME][0],
    native_max_value=SOUND_LIMITS[CONF_SOUND_VOLUME][1],
    native_step=1,
    mode=NumberMode.SLIDER,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the setting numbers of a timer."""
    async_add_entities(
        [
            *(TomatoesNumber(entry, description) for description in NUMBERS),
            SoundVolumeNumber(entry, SOUND_VOLUME),
        ]
    )


class TomatoesNumber(TomatoesEntity, NumberEntity):
    """A number bound to one option; a change applies from the next phase on."""

    entity_description: TomatoesNumberEntityDescription

    @property
    def native_value(self) -> float:
        """Return the option's current value."""
        key = self.entity_description.option
        return float(self.entry.options.get(key, DEFAULT_OPTIONS[key]))

    async def async_set_native_value(self, value: float) -> None:
        """Store the new value in the entry's options (a value that is not a number is refused)."""
        if not math.isfinite(value):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_number",
                translation_placeholders={"value": str(value)},
            )
        await self.timer.async_update_options(
            {self.entity_description.option: int(value)}, self._context
        )


class SoundVolumeNumber(SoundEntity, NumberEntity):
    """The focus volume of the ambient sound; during focus the players follow at once."""

    entity_description: TomatoesNumberEntityDescription

    @property
    def native_value(self) -> float:
        """Return the focus volume in percent."""
        return round(self.sound.options.volume * 100)

    async def async_set_native_value(self, value: float) -> None:
        """Store the new volume in the options; the players that play now follow at once."""
        if not math.isfinite(value):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_sound_volume",
                translation_placeholders={"value": str(value)},
            )
        options = {**self.entry.options, CONF_SOUND_VOLUME: round(value)}
        self.hass.config_entries.async_update_entry(self.entry, options=options)
        await self.sound.async_apply_options(options)
