"""Giving back the lights of a deleted timer, from its Store, then forgetting everything of it."""

from __future__ import annotations

import logging

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.core import HomeAssistant

from ..toolkit.calls import EffectCalls
from ..toolkit.failures import FailureReporter, async_delete_entry_issues
from .commands import CALL_TIMEOUT, async_give_back
from .records import lighting_store

_LOGGER = logging.getLogger(__name__)


async def async_give_back_removed(hass: HomeAssistant, entry_id: str, timer_name: str) -> None:
    """Give back every light a deleted timer held, then delete its Store and repair issues.

    Each light is given back on its own (one failing or hanging light never stops the
    others), taken-over lights stay as the person left them, and damaged data gives back
    what it still names. Never raises: a timer must always be removable.
    """
    store = lighting_store(hass, entry_id)
    try:
        stored = await store.async_load()
        if stored is not None:
            calls = EffectCalls(
                hass,
                LIGHT_DOMAIN,
                FailureReporter(hass, entry_id, timer_name, "light"),
                timeout=CALL_TIMEOUT,
            )
            ours = [light for light, record in stored.records.items() if not record.taken_over]
            await async_give_back(
                calls, stored.records, ours, transition=0, context=calls.contexts.new()
            )
    except Exception:
        _LOGGER.exception("%s: could not give back the lights of the deleted timer", timer_name)
    try:
        await store.async_remove()
    except Exception:
        _LOGGER.exception("%s: could not delete the light snapshots", timer_name)
    async_delete_entry_issues(hass, entry_id, "light")
