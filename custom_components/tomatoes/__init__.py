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

from .automations.install import async_install_blueprints
from .card import async_register_card
from .const import DOMAIN
from .intent import async_setup_voice
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
from .sound import (
    SoundEffect,
    async_give_back_removed as give_back_players,
    async_setup_actions as async_setup_sound_actions,
)
from .sound.library import async_get_library
from .sound.options import SoundOptions
from .sound.reachability import async_watch_player_url
from .timer import FocusTimer, timer_store
from .websocket_api import async_setup_websocket_api

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
    """Register the actions once, for every timer; copy the blueprints if not yet there."""
    async_setup_services(hass)
    async_setup_lighting_actions(hass)
    async_setup_sound_actions(hass)
    async_setup_websocket_api(hass)
    await async_register_card(hass)
    await async_install_blueprints(hass)
    async_setup_voice(hass)
    return True


async def async_migrate_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Bring an entry of an older release up to date (version 1 had presets, not modes)."""
    return await async_migrate_to_modes(hass, entry)


async def async_setup_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Load a timer, catch up on what ended while it was down, and add its entities."""
    timer = FocusTimer(hass, entry)
    entry.async_on_unload(timer.async_close)
    await timer.async_setup()
    library = await async_get_library(hass)
    library.async_set_folders(entry.entry_id, SoundOptions.from_options(entry.options).folders)
    entry.async_on_unload(lambda: library.async_set_folders(entry.entry_id, ()))
    sound = SoundEffect(hass, entry, timer, library)
    entry.async_on_unload(sound.async_close)
    lights = LightingEffect(hass, entry, timer)
    entry.async_on_unload(lights.async_close)
    await lights.async_setup()
    modes = ModeController(hass, entry, timer, sound, lights)
    entry.async_on_unload(modes.async_close)
    await modes.async_setup()
    entry.runtime_data = TomatoesData(timer=timer, sound=sound, lights=lights, modes=modes)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await sound.async_setup()
    entry.async_on_unload(async_watch_player_url(hass, entry))
    timer.async_announce_pending()
    return True


async def async_unload_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> bool:
    """Unload a timer; its session and what its effects hold stay stored for the next load."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: TomatoesConfigEntry) -> None:
    """Give back what a deleted timer held, part by part, and delete what it stored."""
    parts: tuple[tuple[str, GiveBack], ...] = (
        ("media players", give_back_players),
        ("lights", give_back_lights),
        ("session", _async_remove_session),
        ("statistics per mode", _async_remove_mode_stats),
    )
    for part, give_back in parts:
        try:
            await give_back(hass, entry.entry_id, entry.title)
        except Exception:
            # One part that cannot be given back must not keep the others.
            _LOGGER.exception("%s: the %s could not be given back", entry.title, part)
    _async_delete_issues(hass, entry.entry_id)


async def _async_remove_session(hass: HomeAssistant, entry_id: str, name: str) -> None:
    """Delete a deleted timer's stored session and the repair issue about it."""
    await timer_store(hass, entry_id).async_remove()


async def _async_remove_mode_stats(hass: HomeAssistant, entry_id: str, name: str) -> None:
    """Delete a deleted timer's statistics per mode."""
    await stats_store(hass, entry_id).async_remove()


def _async_delete_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Delete every repair issue about a deleted timer (players, lights, damaged stores)."""
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and entry_id in issue_id:
            ir.async_delete_issue(hass, DOMAIN, issue_id)
