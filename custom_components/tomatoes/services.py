"""Actions of the Tomatoes integration, registered once for every timer.

Each action targets timers by device or entity (areas, floors and labels work
too); where only one timer exists the target may be left out.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from homeassistant.core import (
    Context,
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import DOMAIN
from .engine import Phase
from .modes.actions import ATTR_MODE, ATTR_PRESET, start_modes
from .targeting import TARGET_SCHEMA, action_error, async_targeted_entries
from .timer import FocusTimer

SERVICE_START = "start"
SERVICE_PAUSE = "pause"
SERVICE_RESUME = "resume"
SERVICE_TOGGLE = "toggle"
SERVICE_SKIP = "skip"
SERVICE_EXTEND = "extend"
SERVICE_STOP = "stop"
SERVICE_STATUS = "status"

ATTR_PHASE = "phase"
ATTR_DURATION = "duration"
ATTR_TASK = "task"
ATTR_MINUTES = "minutes"
ATTR_RESTART = "restart"

MAX_DURATION = timedelta(hours=24)
MAX_EXTENSION_MINUTES = 240

START_SCHEMA = TARGET_SCHEMA.extend(
    {
        vol.Optional(ATTR_PHASE): cv.string,
        vol.Optional(ATTR_DURATION): cv.time_period,
        vol.Optional(ATTR_MODE): cv.string,
        vol.Optional(ATTR_PRESET): cv.string,
        vol.Optional(ATTR_TASK): vol.All(cv.string, vol.Length(max=255)),
        vol.Optional(ATTR_RESTART, default=False): cv.boolean,
    }
)
EXTEND_SCHEMA = TARGET_SCHEMA.extend({vol.Required(ATTR_MINUTES): vol.Coerce(float)})


async def _async_timers(call: ServiceCall) -> list[FocusTimer]:
    """Return the timers a call targets."""
    return [entry.runtime_data.timer for entry in await async_targeted_entries(call)]


async def _async_start(call: ServiceCall) -> None:
    phase: Phase | None = None
    if (raw_phase := call.data.get(ATTR_PHASE)) is not None:
        if raw_phase not in (Phase.FOCUS, Phase.SHORT_BREAK, Phase.LONG_BREAK):
            raise action_error("invalid_phase", phase=str(raw_phase))
        phase = Phase(raw_phase)
    duration: timedelta | None = call.data.get(ATTR_DURATION)
    if duration is not None and not timedelta(0) < duration <= MAX_DURATION:
        raise action_error("invalid_duration")
    entries = await async_targeted_entries(call)
    for modes, mode in start_modes(call.hass, call.data, entries):
        await modes.async_select(mode)
    for entry in entries:
        await entry.runtime_data.timer.async_start(
            phase,
            duration,
            call.data.get(ATTR_TASK),
            restart=call.data[ATTR_RESTART],
            context=call.context,
        )


async def _async_extend(call: ServiceCall) -> None:
    minutes: float = call.data[ATTR_MINUTES]
    if not 0 < minutes <= MAX_EXTENSION_MINUTES:
        raise action_error("invalid_extension")
    for timer in await _async_timers(call):
        await timer.async_extend(timedelta(minutes=minutes), call.context)


type Command = Callable[[FocusTimer, Context | None], Coroutine[Any, Any, None]]


def _command(command: Command) -> Callable[[ServiceCall], Coroutine[Any, Any, None]]:
    """Make an action handler that sends one command to every targeted timer."""

    async def handler(call: ServiceCall) -> None:
        for timer in await _async_timers(call):
            await command(timer, call.context)

    return handler


async def _async_status(call: ServiceCall) -> ServiceResponse:
    timers = await _async_timers(call)
    if len(timers) > 1:
        raise action_error("single_target")
    return timer_status(timers[0])


def timer_status(timer: FocusTimer) -> dict[str, Any]:
    """Describe a timer for the status action (JSON-safe, as automations receive it)."""
    session = timer.session
    left = session.time_left(dt_util.now())
    today = timer.today()
    return {
        "name": timer.name,
        "phase": str(session.phase),
        "status": str(session.status),
        "next_phase": str(session.next_phase),
        "ends_at": dt_util.as_utc(session.ends_at).isoformat() if session.ends_at else None,
        "remaining_seconds": round(left.total_seconds()) if left is not None else None,
        "completed_today": today.blocks,
        "focus_minutes_today": round(today.focus_seconds / 60, 1),
        "task": session.task,
    }


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the Tomatoes actions."""
    hass.services.async_register(DOMAIN, SERVICE_START, _async_start, schema=START_SCHEMA)
    hass.services.async_register(DOMAIN, SERVICE_EXTEND, _async_extend, schema=EXTEND_SCHEMA)
    commands: tuple[tuple[str, Command], ...] = (
        (SERVICE_PAUSE, FocusTimer.async_pause),
        (SERVICE_RESUME, FocusTimer.async_resume),
        (SERVICE_TOGGLE, FocusTimer.async_toggle),
        (SERVICE_SKIP, FocusTimer.async_skip),
        (SERVICE_STOP, FocusTimer.async_stop),
    )
    for service, command in commands:
        hass.services.async_register(DOMAIN, service, _command(command), schema=TARGET_SCHEMA)
    hass.services.async_register(
        DOMAIN,
        SERVICE_STATUS,
        _async_status,
        schema=TARGET_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
