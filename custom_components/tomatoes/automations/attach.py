"""Attach a Tomatoes trigger, and check a Tomatoes condition, for any kind of automation.

The automation editor's triggers (trigger.py) and the device triggers
(device_trigger.py) both come here with a runner, a target and options; the
conditions (condition.py, device_condition.py) likewise.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any, Protocol

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, Context, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util

from ..engine import Event
from ..models import TomatoesConfigEntry
from .kinds import (
    PHASE,
    ConditionType,
    TriggerType,
    condition_holds,
    event_variables,
    minutes_left_at,
    session_variables,
    time_left,
    trigger_matches,
)
from .watch import async_device_id, async_get_watch, async_targeted_entry_ids


class Runner(Protocol):
    """Runs an automation's actions with the trigger's variables (HA's action runner)."""

    def __call__(
        self,
        extra_trigger_payload: dict[str, Any],
        description: str,
        context: Context | None = None,
    ) -> object:
        """Start the actions."""


def _timer_variables(hass: HomeAssistant, entry: TomatoesConfigEntry) -> dict[str, Any]:
    return {
        "timer": entry.title,
        "config_entry_id": entry.entry_id,
        "device_id": async_device_id(hass, entry),
    }


def _targets(hass: HomeAssistant, target: dict[str, Any] | None, entry_id: str) -> bool:
    wanted = async_targeted_entry_ids(hass, target)
    return wanted is None or entry_id in wanted


async def async_attach(
    hass: HomeAssistant,
    kind: TriggerType,
    target: dict[str, Any] | None,
    options: Mapping[str, Any],
    run: Runner,
) -> CALLBACK_TYPE:
    """Fire ``run`` whenever a targeted timer does what the trigger describes."""
    if kind is TriggerType.MINUTES_LEFT:
        return MinutesLeft(hass, target, options, run).async_attach()

    @callback
    def on_transition(entry: TomatoesConfigEntry, event: Event) -> None:
        if not trigger_matches(kind, options, event) or not _targets(hass, target, entry.entry_id):
            return
        run(
            {**_timer_variables(hass, entry), **event_variables(event)},
            f"Tomatoes {kind.replace('_', ' ')} on {entry.title}",
        )

    return async_get_watch(hass).async_listen_transitions(on_transition)


class MinutesLeft:
    """Fires a set time before the running phase ends: scheduled for that instant, never polled.

    Each change of a timer (start, pause, resume, extend, skip, stop, a reload, a
    restart) recomputes the instant and moves the one scheduled callback per timer.
    An instant that is already past when the phase starts or resumes does not fire.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        target: dict[str, Any] | None,
        options: Mapping[str, Any],
        run: Runner,
    ) -> None:
        """Keep what the trigger asks for; nothing is scheduled before ``async_attach``."""
        self._hass = hass
        self._target = target
        self._before = time_left(options)
        self._phase = str(options.get(PHASE.key, PHASE.default))
        self._run = run
        self._scheduled: dict[str, tuple[datetime, CALLBACK_TYPE]] = {}

    @callback
    def async_attach(self) -> CALLBACK_TYPE:
        """Schedule for the timers running now and follow every change; return the detach."""
        watch = async_get_watch(self._hass)
        unsub = watch.async_listen_changes(self._update)
        for entry in watch.entries:
            self._update(entry)

        @callback
        def detach() -> None:
            unsub()
            for _, cancel in self._scheduled.values():
                cancel()
            self._scheduled.clear()

        return detach

    def _instant(self, entry: TomatoesConfigEntry) -> datetime | None:
        if entry.state is not ConfigEntryState.LOADED:
            return None
        if not _targets(self._hass, self._target, entry.entry_id):
            return None
        return minutes_left_at(entry.runtime_data.timer.session, self._before, self._phase)

    @callback
    def _update(self, entry: TomatoesConfigEntry) -> None:
        instant = self._instant(entry)
        scheduled = self._scheduled.get(entry.entry_id)
        if scheduled is not None and scheduled[0] == instant:
            return
        if scheduled is not None:
            del self._scheduled[entry.entry_id]
            scheduled[1]()
        if instant is None or instant <= dt_util.utcnow():
            return
        cancel = async_track_point_in_utc_time(self._hass, partial(self._fire, entry), instant)
        self._scheduled[entry.entry_id] = (instant, cancel)

    @callback
    def _fire(self, entry: TomatoesConfigEntry, now: datetime) -> None:
        self._scheduled.pop(entry.entry_id, None)
        session = entry.runtime_data.timer.session
        self._run(
            {**_timer_variables(self._hass, entry), **session_variables(session, now)},
            f"Tomatoes {round(self._before.total_seconds())} s left on {entry.title}",
        )


@callback
def async_check(
    hass: HomeAssistant,
    kind: ConditionType,
    target: dict[str, Any] | None,
    options: Mapping[str, Any],
) -> bool:
    """Tell whether any targeted, loaded timer meets the condition."""
    wanted = async_targeted_entry_ids(hass, target)
    return any(
        condition_holds(kind, options, entry.runtime_data.timer.session)
        for entry in async_get_watch(hass).entries
        if wanted is None or entry.entry_id in wanted
    )
