"""The calls focus lighting makes on lights: the level, and giving each light back.

Every call goes through the toolkit's `EffectCalls` (our Context, a timeout, failures
reported, never raised); lights are called side by side, so one slow light costs one
timeout, not one per light. Adaptive Lighting is paused before a light gets the level and
handed the light back after it was given back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping
from datetime import timedelta

from homeassistant.const import SERVICE_TURN_ON
from homeassistant.core import Context, HomeAssistant
from homeassistant.util import dt as dt_util

from ..toolkit.calls import EffectCalls
from ..toolkit.failures import Reason
from . import adaptive_lighting
from .options import Level
from .records import LightRecord
from .state import ATTR_TRANSITION, expected_after, give_back_call, is_usable, level_data

CALL_TIMEOUT = 10.0
"""Seconds a light (or Adaptive Lighting) has to answer a call."""
SETTLE_GRACE = timedelta(seconds=5)
"""State reports this long after a transition should have ended still count as the transition."""


async def async_pause_adaptive(
    hass: HomeAssistant,
    records: Mapping[str, LightRecord],
    lights: Collection[str],
    context: Context,
) -> None:
    """Pause Adaptive Lighting on lights it manages, for as long as the timer holds them."""
    wanted = [light for light in lights if records[light].adaptive_switch is None]
    switches = adaptive_lighting.managing_switches(hass, wanted)
    done = await adaptive_lighting.async_set_manual_control(
        hass, switches, manual=True, context=context, seconds=CALL_TIMEOUT
    )
    for light in done:
        records[light].adaptive_switch = switches[light]


async def async_set_level(
    calls: EffectCalls,
    records: Mapping[str, LightRecord],
    lights: Collection[str],
    level: Level,
    *,
    transition: int,
    context: Context,
) -> None:
    """Set lights to a level; each remembers what was asked of it when the call worked."""

    async def one(light: str) -> None:
        record = records[light]
        record.expected = None
        state = calls.hass.states.get(light)
        if state is None or not is_usable(state):
            calls.failures.failed(light, Reason.UNAVAILABLE)
            return
        settled = dt_util.utcnow() + timedelta(seconds=transition) + SETTLE_GRACE
        data = level_data(state, level, turn_on=True)
        if data is None:  # an on/off light that is already on: nothing to send
            record.expected = expected_after(state, {}, settled)
            return
        extra = {ATTR_TRANSITION: transition} if transition else {}
        expected = expected_after(state, data, settled)
        if await calls.async_call(light, SERVICE_TURN_ON, {**data, **extra}, context=context):
            record.expected = expected

    await asyncio.gather(*(one(light) for light in lights))


async def async_give_back(
    calls: EffectCalls,
    records: Mapping[str, LightRecord],
    lights: Collection[str],
    *,
    transition: int,
    context: Context,
) -> list[str]:
    """Give lights back from their snapshots, each on its own; return those given back.

    Adaptive Lighting gets the lights given back afterwards (it adapts them again).
    """

    async def one(light: str) -> bool:
        state = calls.hass.states.get(light)
        if state is None or not is_usable(state):
            calls.failures.failed(light, Reason.UNAVAILABLE)
            return False
        call = give_back_call(records[light].snapshot, state, transition)
        if call is None:
            calls.failures.works(light)
            return True
        service, data = call
        return await calls.async_call(light, service, data, context=context)

    ordered = sorted(lights)
    results = await asyncio.gather(*(one(light) for light in ordered))
    given = [light for light, done in zip(ordered, results, strict=True) if done]
    handed = {
        light: switch for light in given if (switch := records[light].adaptive_switch) is not None
    }
    await adaptive_lighting.async_set_manual_control(
        calls.hass, handed, manual=False, context=context, seconds=CALL_TIMEOUT
    )
    for light in given:
        records[light].adaptive_switch = None
        records[light].expected = None
    return given
