"""Switches of a Tomatoes timer: auto-start breaks, auto-start focus, focus lighting."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import CONF_AUTO_START_BREAKS, CONF_AUTO_START_FOCUS, DEFAULT_OPTIONS
from .entity import TomatoesEntity
from .light_switch import FocusLightingSwitch
from .models import TomatoesConfigEntry

PARALLEL_UPDATES = 0

SWITCHES: tuple[SwitchEntityDescription, ...] = (
    SwitchEntityDescription(
        key=CONF_AUTO_START_BREAKS,
        translation_key=CONF_AUTO_START_BREAKS,
        entity_category=EntityCategory.CONFIG,
    ),
    SwitchEntityDescription(
        key=CONF_AUTO_START_FOCUS,
        translation_key=CONF_AUTO_START_FOCUS,
        entity_category=EntityCategory.CONFIG,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the auto-start switches of a timer, and its focus lighting switch if it has lights."""
    switches: list[SwitchEntity] = [AutoStartSwitch(entry, description) for description in SWITCHES]
    if entry.runtime_data.lights.options.enabled:
        switches.append(FocusLightingSwitch(entry))
    async_add_entities(switches)


class AutoStartSwitch(TomatoesEntity, SwitchEntity):
    """Whether the next phase starts by itself or waits for a person."""

    @property
    def is_on(self) -> bool:
        """Return the option's current value."""
        key = self.entity_description.key
        return bool(self.entry.options.get(key, DEFAULT_OPTIONS[key]))

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Let the phase start by itself."""
        await self.timer.async_update_options({self.entity_description.key: True})

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Make the phase wait for a person."""
        await self.timer.async_update_options({self.entity_description.key: False})
