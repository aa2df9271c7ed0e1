"""A deleted timer's sound: every player it still held is given back, then its data goes.

Each player is given back on its own: one that fails, hangs or has a damaged snapshot never
keeps the others (or the rest of the timer's removal: its lights, its stores) from being
cleaned up. Nothing here raises.
"""

from __future__ import annotations

import asyncio
import logging

from homeassistant.components.media_player.const import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.core import HomeAssistant

from ..toolkit.calls import EffectCalls
from ..toolkit.failures import FailureReporter, async_delete_entry_issues
from .players import CALL_TIMEOUT, async_give_back
from .store import sound_store

_LOGGER = logging.getLogger(__name__)


async def async_give_back_removed(hass: HomeAssistant, entry_id: str, timer_name: str) -> None:
    """Give back every player a deleted timer held, then delete its sound data and issues."""
    store = sound_store(hass, entry_id)
    try:
        playback = await store.async_load()
    except Exception:
        _LOGGER.exception(
            "%s: the sound's data could not be read; nothing to give back", timer_name
        )
        playback = None
    if playback is not None:
        calls = EffectCalls(
            hass,
            MEDIA_PLAYER_DOMAIN,
            FailureReporter(hass, entry_id, timer_name, "player"),
            timeout=CALL_TIMEOUT,
        )
        held = playback.held
        results = await asyncio.gather(
            *(async_give_back(hass, calls, entity_id, snap) for entity_id, snap in held.items()),
            return_exceptions=True,
        )
        for entity_id, result in zip(held, results, strict=True):
            if isinstance(result, Exception):
                _LOGGER.warning("%s: %s could not be given back: %s", timer_name, entity_id, result)
    try:
        await store.async_remove()
    except Exception:
        _LOGGER.exception("%s: the sound's data could not be deleted", timer_name)
    async_delete_entry_issues(hass, entry_id, "player")
