"""Tomatoes: Pomodoro focus timers as Home Assistant entities and actions."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .card import async_register_card
from .const import DOMAIN
from .lighting import (
    LightingEffect,
    async_give_back_removed as give_back_lights,
    async_setup_actions as async_setup_lighting_actions,
)
from .models import TomatoesConfigEntry, TomatoesData
from .modes import ModeController
from .modes.migration import async_migrate_to_modes
from .modes.stats import stats_store
from .services import async_setup_services
from .sound import SoundEffect, async_give_back_removed, async_setup_actions as setup_sound
from .sound.library import async_get_library
from .sound.options import SoundOptions
from .timer import FocusTimer, timer_store
from .websocket_api import async_setup_websocket_api

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
    async_setup_lighting_actions(hass)
    setup_sound(hass)
    async_setup_websocket_api(hass)
    await async_register_card(hass)
    return True


async def async_migrate_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Bring an entry of an older release up to date (version 1 had presets, not modes)."""
    return await async_migrate_to_modes(hass, entry)


async def async_setup_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Load a timer, catch up on what ended while it was down, and add its entities."""
    timer = FocusTimer(hass, entry, timer_store(hass, entry.entry_id))
    await timer.async_setup()
    library = await async_get_library(hass)
    library.async_set_folders(entry.entry_id, SoundOptions.from_options(entry.options).folders)
    entry.async_on_unload(lambda: library.async_set_folders(entry.entry_id, ()))
    sound = SoundEffect(hass, entry, timer, library)
    lights = LightingEffect(hass, entry, timer)
    await lights.async_setup()
    modes = ModeController(hass, entry, timer, sound, lights)
    await modes.async_setup()
    entry.runtime_data = TomatoesData(timer=timer, sound=sound, lights=lights, modes=modes)
    entry.async_on_unload(timer.async_shutdown)
    entry.async_on_unload(lights.async_close)
    entry.async_on_unload(modes.async_close)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await sound.async_setup()
    timer.async_announce_pending()
    return True


async def async_unload_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Unload a timer; its session stays stored for the next load."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    await entry.runtime_data.sound.async_close()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> None:
    """Give back the players and lights a removed timer held; delete what it stored."""
    await async_give_back_removed(hass, entry.entry_id, entry.title)
    await give_back_lights(hass, entry.entry_id, entry.title)
    await timer_store(hass, entry.entry_id).async_remove()
    await stats_store(hass, entry.entry_id).async_remove()
