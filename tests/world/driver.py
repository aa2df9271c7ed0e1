"""Drives the random world: time, actions, entities, option flows, reloads and restarts.

Every step runs until Home Assistant has nothing left to do. Calls to a device that hangs
never return by themselves; while one waits, the clock moves past the effects' call
time-outs (as it would for a person waiting), so the time-outs take over. After each step
`World.check` asserts the invariants that must hold at any moment.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
import logging
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er, issue_registry as ir, storage
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.tomatoes.const import DOMAIN, settings_from_options
from custom_components.tomatoes.engine import Status
from custom_components.tomatoes.persistence import parse_session
from custom_components.tomatoes.timer import FocusTimer
from custom_components.tomatoes.toolkit import lifecycle as lifecycle_module
from tests.test_scheduling import ScheduleCounter

from .devices import GROUP_MEMBERS, Devices

HANG_WAIT = timedelta(seconds=21)
"""How far the clock moves while a call hangs: past the players' (20 s) and lights' (10 s)."""
MAX_SPINS = 200_000
"""Loop turns a step may take without finishing before the world counts as stuck."""
ISSUE_KINDS = ("player_", "light_")
TRANSITIONS = "event.study_transition"
TIMER_KEY = f"{DOMAIN}.study_entry"


def _is_timer_job(action: Callable[..., Any], depth: int = 4) -> bool:
    """Return whether a scheduled action is (or wraps) a method of a FocusTimer."""
    if isinstance(getattr(action, "__self__", None), FocusTimer):
        return True
    if depth == 0:
        return False
    for cell in getattr(action, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:
            continue
        if callable(value) and _is_timer_job(value, depth - 1):
            return True
    return False


@contextmanager
def slow_disk(turns: int = 5) -> Iterator[None]:
    """Make every Store write take a few turns of the event loop, as a slow SD card does."""
    write = storage.Store._async_write_data

    async def slow_write(store: storage.Store[Any], *args: Any) -> None:
        for _ in range(turns):
            await asyncio.sleep(0)
        await write(store, *args)

    with patch.object(storage.Store, "_async_write_data", slow_write):
        yield


class TimerDeadlines(ScheduleCounter):
    """Counts the callbacks timers keep scheduled (those of the effects are let through)."""

    def __call__(
        self, hass: HomeAssistant, action: Callable[[datetime], Any], point: datetime
    ) -> Callable[[], None]:
        """Count the timer's callbacks; schedule anything else untouched."""
        if not _is_timer_job(action):
            return self.real(hass, action, point)
        return super().__call__(hass, action, point)

    @contextmanager
    def counting(self) -> Iterator[None]:
        """Count where a timer schedules (the toolkit's lifecycle)."""
        with patch.object(lifecycle_module, "async_track_point_in_utc_time", self):
            yield


@dataclass(eq=False)
class World:
    """One timer (Study) with sound and lights in a world of players, lights and people."""

    hass: HomeAssistant
    freezer: FrozenDateTimeFactory
    caplog: pytest.LogCaptureFixture
    devices: Devices
    entry: MockConfigEntry
    deadlines: TimerDeadlines
    storage: dict[str, Any]
    """Home Assistant's storage as the test harness keeps it (what a restart loads)."""
    trace: tuple[str, ...] = ()
    """Devices whose state each line of the step list shows (to follow a replay)."""
    steps: list[str] = field(default_factory=list)
    taking_back: bool = False
    """Whether the step under way takes taken-over lights back (switch on, the action)."""
    unanswered: set[str] = field(default_factory=set)
    """Lights held without an answer on record when Home Assistant went down (see restart)."""
    _logged: int = 0
    _counts: tuple[date, int, float, int, int] | None = None
    _resets: bool = False
    """Whether a transition of the step may reset the cycle (a long break, a session end)."""

    def __post_init__(self) -> None:
        """Follow the timer's transitions (they tell when its counts may fall)."""
        async_track_state_change_event(self.hass, TRANSITIONS, self._on_transition)

    @callback
    def _on_transition(self, event: Event[EventStateChangedData]) -> None:
        """Note transitions that start a new cycle or session (the only way counts fall)."""
        if (new := event.data["new_state"]) is None:
            return
        kind, phase = new.attributes.get("event_type"), new.attributes.get("phase")
        if kind in ("session_completed", "caught_up") or (
            kind == "break_started" and phase == "long_break"
        ):
            self._resets = True

    # ----------------------------------------------------------------- running

    @property
    def loaded(self) -> bool:
        """Return whether the timer is set up."""
        return self.entry.state is ConfigEntryState.LOADED

    @property
    def timer(self) -> FocusTimer:
        """Return the loaded timer."""
        assert self.loaded
        return self.entry.runtime_data.timer

    async def run[T](self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine to its end, moving the clock past time-outs while a device hangs."""
        task = asyncio.ensure_future(coro)
        spins = 0
        while not task.done():
            if self.devices.hanging_calls():
                self.freezer.tick(HANG_WAIT)
                async_fire_time_changed(self.hass)
            await asyncio.sleep(0)
            spins += 1
            assert spins < MAX_SPINS, f"stuck: {task}"
        return task.result()

    async def settle(self) -> None:
        """Let Home Assistant finish everything it started."""
        await self.run(self.hass.async_block_till_done())

    async def tick(self, delta: timedelta) -> None:
        """Let time pass and run what became due."""
        self.freezer.tick(delta)
        async_fire_time_changed(self.hass)
        await self.settle()

    async def call(self, domain: str, service: str, data: dict[str, Any] | None = None) -> str:
        """Call an action as a person would; a refusal must be a translated validation error."""
        outcome = "done"
        try:
            await self.run(
                self.hass.services.async_call(domain, service, data or {}, blocking=True)
            )
        except ServiceValidationError as err:
            outcome = f"refused ({err.translation_key})"
        assert outcome != "refused (None)", "a refusal without a translated reason"
        await self.settle()
        return f"{domain}.{service} {data or ''}: {outcome}"

    async def options(self, step: str, user_input: dict[str, Any]) -> str:
        """Change options through the options flow (the entry reloads)."""
        flows = self.hass.config_entries.options
        result = await self.run(flows.async_init(self.entry.entry_id))
        result = await self.run(flows.async_configure(result["flow_id"], {"next_step_id": step}))
        before, chosen = self._session(), self.chosen()
        result = await self.run(flows.async_configure(result["flow_id"], user_input))
        assert result["type"] is FlowResultType.CREATE_ENTRY, result
        await self.settle()
        self._check_reloaded(before)
        devices = self.devices
        for entity_id in set(chosen) - set(self.chosen()):
            # Taken out of the options, a device Tomatoes holds gets one attempt to be given
            # back (docs/decisions.md); whether that worked depends on the device then.
            if entity_id in devices.gone or devices.view(entity_id) != devices.expected[entity_id]:
                devices.expected[entity_id] = None
        return f"options {step}: {user_input}"

    async def reload(self) -> str:
        """Reload the timer's entry."""
        before = self._session()
        assert await self.run(self.hass.config_entries.async_reload(self.entry.entry_id))
        await self.settle()
        self._check_reloaded(before)
        return "reload"

    async def reload_during(self, service: str, turns: int) -> str:
        """Reload the timer while an action is on its way (``turns`` loop turns in)."""
        hass = self.hass
        action = asyncio.ensure_future(hass.services.async_call(DOMAIN, service, {}, blocking=True))
        for _ in range(turns):
            await asyncio.sleep(0)
        assert await self.run(hass.config_entries.async_reload(self.entry.entry_id))
        await self.settle()
        (result,) = await asyncio.gather(action, return_exceptions=True)
        if isinstance(result, ServiceValidationError):
            return f"{service} during a reload: refused ({result.translation_key})"
        if isinstance(result, BaseException):
            raise result
        return f"{service} during a reload: done"

    async def restart(
        self, downtime: timedelta, meanwhile: Callable[[], Coroutine[Any, Any, list[str]]]
    ) -> str:
        """Restart Home Assistant as far as the timer can tell.

        With ``hass_storage`` the Stores live in memory for the whole test, so unloading
        the entry, letting time pass (the world may change meanwhile: ``meanwhile``) and
        setting it up again from storage is how a restart is simulated in the harness.
        """
        before = self._session()
        lights = self.entry.runtime_data.lights.diagnostics()["lights"]
        self.unanswered = {light for light, held in lights.items() if held["expected"] is None}
        assert await self.run(self.hass.config_entries.async_unload(self.entry.entry_id))
        await self.settle()
        assert not self.deadlines.pending, "an unloaded timer keeps a callback scheduled"
        await self.tick(downtime)
        changes = await meanwhile()
        assert not self.deadlines.pending, "an unloaded timer keeps a callback scheduled"
        assert await self.run(self.hass.config_entries.async_setup(self.entry.entry_id))
        await self.settle()
        self._check_reloaded(before)
        return f"restart after {downtime}; meanwhile {changes}"

    def traced(self) -> str:
        """Return each traced device: as it is, as expected, and what the timer holds of it."""
        lines = []
        for entity_id in self.trace:
            devices = self.devices
            now = "gone" if entity_id in devices.gone else devices.view(entity_id)
            lines.append(f"{entity_id}: {now}; expected {devices.expected.get(entity_id)}")
            if self.loaded:
                data = self.entry.runtime_data
                playback = data.sound.diagnostics()["playback"]
                held = {**playback["pending"], **playback["players"]}.get(entity_id)
                light = data.lights.diagnostics()["lights"].get(entity_id)
                lines.append(f"  held: {held or light}")
        return "".join(f"\n        {line}" for line in lines)

    # -------------------------------------------------------------- invariants

    def _session(self) -> dict[str, Any]:
        return self.timer.session.to_dict()

    def _check_reloaded(self, before: dict[str, Any]) -> None:
        """The timer set up again continues the session it had, caught up to now."""
        assert self.loaded
        self._check_session(before, "the session changed across a load", caught_up=True)

    def _check_session(self, data: dict[str, Any], what: str, *, caught_up: bool) -> None:
        """The live session is ``data`` (caught up to now) under today's settings."""
        settings = settings_from_options(self.entry.options)
        expected, problems = parse_session({"session": data}, settings, self.timer.session.tz)
        assert not problems, f"{what}: the stored session is damaged: {problems}"
        expected.apply_settings(settings)
        if caught_up:
            expected.advance(dt_util.now())
        live, wanted = self.timer.session.to_dict(), expected.to_dict()
        changed = {key: (live[key], wanted[key]) for key in wanted if live[key] != wanted[key]}
        assert not changed, f"{what} (live, expected): {changed}"

    @property
    def warm(self) -> bool:
        """Return whether focus lighting sets a colour temperature."""
        return "light_color_temp_kelvin" in self.entry.options

    def check(self) -> None:
        """Assert what must hold after every step."""
        self.devices.follow_sound()
        if self.loaded:
            switch = self.hass.states.get("switch.study_focus_lighting")
            taken = set(switch.attributes.get("taken_over", [])) if switch else set()
            self.devices.follow_take_overs(taken, took_back=self.taking_back)
        self.taking_back = False
        self._check_log()
        self._check_issues(final=False)
        if not self.loaded:
            assert not self.deadlines.pending
            return
        # What a restart would load now is what the timer shows.
        stored = self.storage[TIMER_KEY]["data"]["session"] if TIMER_KEY in self.storage else None
        if stored is not None:
            self._check_session(stored, "the stored session is not the live one", caught_up=False)
        session = self.timer.session
        pending = len(self.deadlines.pending)
        assert pending <= 1, f"{pending} deadlines scheduled"
        assert pending == (session.next_deadline() is not None), (
            f"{pending} deadlines scheduled while {session.status} (next {session.next_deadline()})"
        )
        if session.status is Status.RUNNING:
            assert pending == 1
        if session.status is Status.PAUSED:
            assert pending == 0
        self._check_counts()

    def _check_counts(self) -> None:
        """Today's figures (sensors) never fall within a day; the cycle's only with a new cycle."""
        session = self.timer.session
        blocks = int(self._state("sensor.study_focus_blocks_today"))
        minutes = float(self._state("sensor.study_focus_time_today"))
        today = dt_util.now().date()
        counts = (today, blocks, minutes, session.cycle_blocks, session.session_blocks)
        if self._counts is not None and self._counts[0] == today:
            _, old_blocks, old_minutes, old_cycle, old_session = self._counts
            assert blocks >= old_blocks, f"blocks today fell from {old_blocks} to {blocks}"
            assert minutes >= old_minutes, f"focus time fell from {old_minutes} to {minutes}"
            for name, old, new in (
                ("cycle", old_cycle, session.cycle_blocks),
                ("session", old_session, session.session_blocks),
            ):
                assert new >= old or new == 0 or self._resets, (
                    f"{name} blocks fell from {old} to {new}"
                )
        self._counts = counts
        self._resets = False

    def _state(self, entity_id: str) -> str:
        state = self.hass.states.get(entity_id)
        assert state is not None, entity_id
        return state.state

    def _check_log(self) -> None:
        """No error was logged and no exception went unhandled."""
        records = self.caplog.records[self._logged :]
        self._logged = len(self.caplog.records)
        for record in records:
            message = record.getMessage()
            assert record.levelno < logging.ERROR, f"{record.levelname}: {message}"
            for sign in ("Error doing job", "exception was never retrieved", "Exception in"):
                assert sign not in message, message

    def issues(self) -> dict[str, str]:
        """Return the Tomatoes repair issues: {issue id: translation key}."""
        return {
            issue_id: str(issue.translation_key)
            for (domain, issue_id), issue in ir.async_get(self.hass).issues.items()
            if domain == DOMAIN and issue.active
        }

    def _check_issues(self, *, final: bool) -> None:
        """Only failing devices are issues; at the end (every device back) none is left."""
        prefix = f"_{self.entry.entry_id}_"
        for issue_id, key in self.issues().items():
            assert issue_id.startswith(ISSUE_KINDS), (issue_id, key)
            assert prefix in issue_id, (issue_id, key)
            assert not final, f"stale repair issue {issue_id} ({key})"

    # ------------------------------------------------------------------ the end

    def chosen(self) -> list[str]:
        """Return the players and lights the options choose now (groups and areas resolved)."""
        options = self.entry.options
        chosen = set(options.get("sound_players", []))
        for light in options.get("light_entities", []):
            chosen.update(GROUP_MEMBERS.get(light, (light,)))
        registry = er.async_get(self.hass)
        for area in options.get("light_areas", []):
            chosen.update(
                entry.entity_id
                for entry in er.async_entries_for_area(registry, area)
                if entry.domain == "light"
            )
        return sorted(chosen & self.devices.expected.keys())

    async def finish(self) -> None:
        """Stop, let fades end, bring every device back, rest; everything is given back."""
        self.steps.append(await self.call(DOMAIN, "stop"))
        await self.tick(timedelta(minutes=6))
        devices = self.devices
        for entity_id in list(devices.gone):
            await devices.async_return(entity_id)
        for entity_id in devices.expected:
            if devices.is_failing(entity_id) or not devices.available(entity_id):
                devices.reconnect(entity_id)
        self.steps.append("every device back")
        for _ in range(3):
            await self.tick(timedelta(minutes=1))
        self.check()
        for entity_id in self.chosen():
            expected = devices.expected[entity_id]
            if expected is not None:
                view = devices.view(entity_id)
                assert view == expected, f"{entity_id} not given back: {view} != {expected}"
        self._check_issues(final=True)
