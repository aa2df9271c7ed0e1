"""Tomatoes: Pomodoro focus timers as Home Assistant entities and actions."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, issue_registry as ir
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN
from .intent import async_setup_voice
from .lighting.actions import async_setup_light_services
from .lighting.lights import FocusLights
from .lighting.records import async_give_back_stored as give_back_lights, lighting_store
from .models import TomatoesConfigEntry, TomatoesData
from .services import async_setup_services
from .sound.actions import async_setup_sound_services
from .sound.ambience import Ambience, ambience_store, async_give_back_stored as give_back_players
from .sound.http import SoundFileView
from .sound.library import async_get_library
from .sound.options import SoundSettings
from .sound.players import issue_id
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
    async_setup_sound_services(hass)
    async_setup_voice(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Load a timer, catch up on what ended while it was down, and add its entities."""
    timer = FocusTimer(hass, entry, timer_store(hass, entry.entry_id))
    await timer.async_setup()
    library = await async_get_library(hass)
    if not library.view_registered:
        hass.http.register_view(SoundFileView(library))
        library.view_registered = True
    library.async_set_folders(entry.entry_id, SoundSettings.from_options(entry.options).folders)
    entry.async_on_unload(lambda: library.async_set_folders(entry.entry_id, ()))
    ambience = Ambience(entry, timer, library, ambience_store(hass, entry.entry_id))
    lights = FocusLights(hass, entry, timer, lighting_store(hass, entry.entry_id))
    await lights.async_setup()
    entry.runtime_data = TomatoesData(timer=timer, ambience=ambience, lights=lights)
    entry.async_on_unload(timer.async_shutdown)
    entry.async_on_unload(lights.async_unload)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await ambience.async_setup()
    entry.async_on_unload(ambience.async_shutdown)
    timer.async_announce_pending()
    return True


async def async_unload_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Unload a timer; its session stays stored for the next load."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> None:
    """Give back the players and lights a removed timer held; delete what it stored."""
    await give_back_players(hass, entry.entry_id, entry.title)
    await give_back_lights(hass, entry.entry_id)
    await timer_store(hass, entry.entry_id).async_remove()
    await ambience_store(hass, entry.entry_id).async_remove()
    issues = ir.async_get(hass).issues
    for domain, issue in list(issues):
        if domain == DOMAIN and issue.startswith(issue_id(entry.entry_id, "")):
            ir.async_delete_issue(hass, DOMAIN, issue)
