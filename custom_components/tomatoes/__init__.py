"""Tomatoes: Pomodoro focus timers as Home Assistant entities and actions.

A timer entry is set up as a `FocusTimer` and two effects that listen to it (sound and
focus lighting). Each part's clean-up is registered before anything later can fail: Home
Assistant runs them when the set-up fails as well as on unload, so a failed set-up
leaves nothing scheduled. A deleted timer gives back each part on its own: one that
fails never keeps the others from being given back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
import logging

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, issue_registry as ir
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN
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
from .timer import FocusTimer, timer_store

_LOGGER = logging.getLogger(__name__)

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

type GiveBack = Callable[[HomeAssistant, str, str], Awaitable[None]]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions once, for every timer."""
    async_setup_services(hass)
    async_setup_light_services(hass)
    async_setup_sound_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Load a timer, catch up on what ended while it was down, and add its entities."""
    timer = FocusTimer(hass, entry)
    entry.async_on_unload(timer.async_close)
    await timer.async_setup()
    library = await async_get_library(hass)
    if not library.view_registered:
        hass.http.register_view(SoundFileView(library))
        library.view_registered = True
    library.async_set_folders(entry.entry_id, SoundSettings.from_options(entry.options).folders)
    entry.async_on_unload(lambda: library.async_set_folders(entry.entry_id, ()))
    sound = Ambience(entry, timer, library, ambience_store(hass, entry.entry_id))
    entry.async_on_unload(sound.async_shutdown)
    lights = FocusLights(hass, entry, timer, lighting_store(hass, entry.entry_id))
    await lights.async_setup()
    entry.async_on_unload(lights.async_unload)
    entry.runtime_data = TomatoesData(timer=timer, sound=sound, lights=lights)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await sound.async_setup()
    timer.async_announce_pending()
    return True


async def async_unload_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Unload a timer; its session stays stored for the next load."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> None:
    """Give back what a deleted timer held, part by part, and delete what it stored."""
    parts: tuple[tuple[str, GiveBack], ...] = (
        ("media players", _async_give_back_players),
        ("lights", _async_give_back_lights),
        ("session", _async_remove_session),
    )
    for part, give_back in parts:
        try:
            await give_back(hass, entry.entry_id, entry.title)
        except Exception:
            # One part that cannot be given back must not keep the others.
            _LOGGER.exception("%s: the %s could not be given back", entry.title, part)
    _async_delete_issues(hass, entry.entry_id)


async def _async_give_back_players(hass: HomeAssistant, entry_id: str, name: str) -> None:
    """Give back the players a deleted timer held, then delete its sound store."""
    try:
        await give_back_players(hass, entry_id, name)
    finally:
        await ambience_store(hass, entry_id).async_remove()


async def _async_give_back_lights(hass: HomeAssistant, entry_id: str, name: str) -> None:
    """Give back the lights a deleted timer held (this deletes its lighting store)."""
    await give_back_lights(hass, entry_id)


async def _async_remove_session(hass: HomeAssistant, entry_id: str, name: str) -> None:
    """Delete a deleted timer's stored session and the repair issue about it."""
    await timer_store(hass, entry_id).async_remove()


def _async_delete_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Delete every repair issue about a deleted timer (players, lights, damaged stores)."""
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and entry_id in issue_id:
            ir.async_delete_issue(hass, DOMAIN, issue_id)
