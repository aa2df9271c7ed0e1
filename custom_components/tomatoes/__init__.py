"""Tomatoes: Pomodoro focus timers as Home Assistant entities and actions."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN
from .light_records import async_give_back_stored, lighting_store
from .light_services import async_setup_light_services
from .lighting import FocusLights
from .models import TomatoesConfigEntry, TomatoesData
from .services import async_setup_services
from .timer import FocusTimer, timer_store

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SELECT,
    Platform.SENSOR,
    Platform.SWITCH,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions once, for every timer."""
    async_setup_services(hass)
    async_setup_light_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Load a timer, catch up on what ended while it was down, and add its entities."""
    timer = FocusTimer(hass, entry, timer_store(hass, entry.entry_id))
    await timer.async_setup()
    lights = FocusLights(hass, entry, timer, lighting_store(hass, entry.entry_id))
    await lights.async_setup()
    entry.runtime_data = TomatoesData(timer=timer, lights=lights)
    entry.async_on_unload(timer.async_shutdown)
    entry.async_on_unload(lights.async_unload)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    timer.async_announce_pending()
    return True


async def async_unload_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Unload a timer; its session stays stored for the next load."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> None:
    """Delete the stored session of a timer the user removed; give its lights back first."""
    await timer_store(hass, entry.entry_id).async_remove()
    await async_give_back_stored(hass, entry.entry_id)
