"""Pure Pomodoro state machine: phases, counts and transitions, with the clock passed in.

Nothing here imports Home Assistant. Every operation takes ``now`` (an aware
datetime), changes the session and returns the events it caused, so the same
inputs always give the same outputs and the whole cycle can be tested without
an event loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from .settings import Settings
from .stats import DayStats, Statistics


class Phase(StrEnum):
    """What the timer is doing."""

    IDLE = "idle"
    FOCUS = "focus"
    SHORT_BREAK = "short_break"
    LONG_BREAK = "long_break"


BREAKS = (Phase.SHORT_BREAK, Phase.LONG_BREAK)


class Status(StrEnum):
    """Whether the phase is counting down, paused, or waiting for a person."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    READY = "ready"


class EventType(StrEnum):
    """One event type per transition, as automations see them."""

    FOCUS_STARTED = "focus_started"
    FOCUS_COMPLETED = "focus_completed"
    BREAK_STARTED = "break_started"
    BREAK_COMPLETED = "break_completed"
    PAUSED = "paused"
    RESUMED = "resumed"
    SKIPPED = "skipped"
    EXTENDED = "extended"
    STOPPED = "stopped"
    SESSION_COMPLETED = "session_completed"
    CAUGHT_UP = "caught_up"


class InvalidOperationError(Exception):
    """An operation that the session's current state does not allow."""

    def __init__(self, key: str) -> None:
        """Keep the translation key that names the reason."""
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class Event:
    """A transition the session went through, at the instant it happened."""

    type: EventType
    at: datetime
    phase: Phase
    data: dict[str, Any] = field(default_factory=dict)


class Session:
    """One timer's Pomodoro state and the rules that move it on."""

    def __init__(self, settings: Settings | None = None, tz: tzinfo = UTC) -> None:
        """Start idle, ready for a focus block, with empty statistics."""
        self.settings = settings or Settings()
        self.tz = tz
        self.phase = Phase.IDLE
        self.status = Status.IDLE
        self.next_phase = Phase.FOCUS
        self.ends_at: datetime | None = None
        self.remaining: timedelta | None = None
        self.planned: timedelta | None = None
        self.run_started: datetime | None = None
        self.elapsed = timedelta(0)
        self.task: str | None = None
        self.cycle_blocks = 0
        self.session_blocks = 0
        self.idle_since: datetime | None = None
        self.stats = Statistics()

    # ----------------------------------------------------------------- queries

    def local_day(self, at: datetime) -> date:
        """Return the local calendar day of an instant."""
        return at.astimezone(self.tz).date()

    def stats_for(self, day: date) -> DayStats:
        """Return the statistics of a day (today's or a kept past day)."""
        return self.stats.for_day(day)

    def time_left(self, now: datetime) -> timedelta | None:
        """Return the time left in the phase (never negative), or None when idle."""
        if self.status is Status.PAUSED:
            return self.remaining
        if self.status is Status.RUNNING and self.ends_at is not None:
            return max(self.ends_at - now, timedelta(0))
        return None

    def next_deadline(self) -> datetime | None:
        """Return the one instant at which ``advance`` has something to do."""
        if self.status is Status.RUNNING:
            return self.ends_at
        if self.idle_since is not None and (
            self.status is Status.READY or self.cycle_blocks or self.session_blocks
        ):
            return self.idle_since + self.settings.idle_reset
        return None

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings; the current phase keeps its length, the next follows them."""
        self.settings = settings
        if self.phase is Phase.FOCUS:
            self.next_phase = self._break_after_focus(counted=True)
        elif self.status is Status.READY and self.next_phase in BREAKS:
            self.next_phase = self._break_after_focus(counted=False)

    # -------------------------------------------------------------- operations

    def start(
        self,
        now: datetime,
        phase: Phase | None = None,
        duration: timedelta | None = None,
        task: str | None = None,
        *,
        restart: bool = False,
    ) -> list[Event]:
        """Start a phase now (by default the next one), replacing a break or, on request, focus.

        A focus block that runs or is paused is kept unless ``restart`` is given: a start
        that asks for nothing else (no other phase, no duration) resumes it if paused and
        takes a new task label; anything else is refused, so no block is lost to a tap.
        """
        if phase is Phase.IDLE:
            raise InvalidOperationError("invalid_phase")
        if duration is not None and duration <= timedelta(0):
            raise InvalidOperationError("invalid_duration")
        events = self._housekeeping(now)
        if self.phase is Phase.FOCUS and not restart:
            if phase not in (None, Phase.FOCUS) or duration is not None:
                raise InvalidOperationError("focus_running")
            if task is not None:
                self.task = task.strip() or None
            return events + self.resume(now)
        if self.status in (Status.RUNNING, Status.PAUSED):
            events.append(self._event(EventType.SKIPPED, now))
            self._end_run(now)
        if task is not None:
            self.task = task.strip() or None
        events.append(self._begin(phase or self.next_phase, now, duration))
        return events

    def pause(self, now: datetime) -> list[Event]:
        """Pause the running phase, keeping what is left."""
        events = self._housekeeping(now)
        if self.status is Status.PAUSED:
            return events
        if self.status is not Status.RUNNING or self.ends_at is None:
            raise InvalidOperationError("not_running")
        self.remaining = max(self.ends_at - now, timedelta(0))
        self._end_run(now)
        self.ends_at = None
        self.status = Status.PAUSED
        events.append(self._event(EventType.PAUSED, now))
        return events

    def resume(self, now: datetime) -> list[Event]:
        """Resume a paused phase with the time it had left."""
        events = self._housekeeping(now)
        if self.status is Status.RUNNING:
            return events
        if self.status is not Status.PAUSED or self.remaining is None:
            raise InvalidOperationError("not_paused")
        self.ends_at = now + self.remaining
        self.remaining = None
        self.run_started = now
        self.status = Status.RUNNING
        events.append(self._event(EventType.RESUMED, now))
        return events

    def toggle(self, now: datetime) -> list[Event]:
        """Pause when running, resume when paused, otherwise start the next phase."""
        events = self._housekeeping(now)
        if self.status is Status.RUNNING:
            return events + self.pause(now)
        if self.status is Status.PAUSED:
            return events + self.resume(now)
        return events + self.start(now)

    def skip(self, now: datetime) -> list[Event]:
        """End the current (or waiting) phase without counting it; start the following one."""
        events = self._housekeeping(now)
        if self.status is Status.IDLE:
            raise InvalidOperationError("not_active")
        if self.status is Status.READY:
            skipped = self.next_phase
            events.append(self._event(EventType.SKIPPED, now, phase=skipped))
        else:
            skipped = self.phase
            events.append(self._event(EventType.SKIPPED, now))
            self._end_run(now)
        if skipped is Phase.LONG_BREAK:
            self.cycle_blocks = 0
        following = (
            self._break_after_focus(counted=False) if skipped is Phase.FOCUS else Phase.FOCUS
        )
        events.append(self._begin(following, now, None))
        return events

    def extend(self, now: datetime, by: timedelta) -> list[Event]:
        """Add time to the running or paused phase."""
        if by <= timedelta(0):
            raise InvalidOperationError("invalid_extension")
        events = self._housekeeping(now)
        if self.status is Status.RUNNING and self.ends_at is not None:
            self.ends_at += by
        elif self.status is Status.PAUSED and self.remaining is not None:
            self.remaining += by
        else:
            raise InvalidOperationError("not_active")
        self.planned = (self.planned or timedelta(0)) + by
        events.append(self._event(EventType.EXTENDED, now, extended_minutes=_minutes(by)))
        return events

    def stop(self, now: datetime) -> list[Event]:
        """Stop whatever is going on; a stopped timer waits for the next focus block."""
        events = self._housekeeping(now)
        if self.status is Status.IDLE:
            return events
        event = self._event(EventType.STOPPED, now)
        self._end_run(now)
        events.append(event)
        self.task = None
        self._rest(now, Status.IDLE, Phase.FOCUS)
        return events

    def advance(self, now: datetime) -> list[Event]:
        """Complete every phase that has ended by ``now`` and apply the idle reset."""
        return self._housekeeping(now)

    # ---------------------------------------------------------------- internal

    def _housekeeping(self, now: datetime) -> list[Event]:
        events: list[Event] = []
        while self.status is Status.RUNNING and self.ends_at is not None and self.ends_at <= now:
            events.extend(self._complete(self.ends_at))
        if (
            self.status in (Status.IDLE, Status.READY)
            and self.idle_since is not None
            and now - self.idle_since >= self.settings.idle_reset
        ):
            self.cycle_blocks = 0
            self.session_blocks = 0
            self.status = Status.IDLE
            self.next_phase = Phase.FOCUS
            self.idle_since = None
        return events

    def _complete(self, at: datetime) -> list[Event]:
        phase = self.phase
        self._end_run(at)
        if phase is Phase.FOCUS:
            self.cycle_blocks += 1
            self.session_blocks += 1
            self.stats.add(self.local_day(at), blocks=1)
            events = [self._event(EventType.FOCUS_COMPLETED, at)]
            target = self.settings.session_target
            if target and self.session_blocks >= target:
                events.append(
                    self._event(EventType.SESSION_COMPLETED, at, blocks=self.session_blocks)
                )
                self.session_blocks = 0
                self.cycle_blocks = 0
                self.task = None
                self._rest(at, Status.IDLE, Phase.FOCUS)
                return events
            following = self._break_after_focus(counted=False)
            auto = self.settings.auto_start_breaks
        else:
            events = [self._event(EventType.BREAK_COMPLETED, at)]
            following = Phase.FOCUS
            auto = self.settings.auto_start_focus
        if auto:
            events.append(self._begin(following, at, None))
        else:
            self._rest(at, Status.READY, following)
        return events

    def _begin(self, phase: Phase, at: datetime, duration: timedelta | None) -> Event:
        planned = duration or self.length(phase)
        if phase is Phase.LONG_BREAK:
            self.cycle_blocks = 0
        self.phase = phase
        self.status = Status.RUNNING
        self.planned = planned
        self.ends_at = at + planned
        self.remaining = None
        self.run_started = at
        self.elapsed = timedelta(0)
        self.idle_since = None
        self.next_phase = (
            self._break_after_focus(counted=True) if phase is Phase.FOCUS else Phase.FOCUS
        )
        kind = EventType.FOCUS_STARTED if phase is Phase.FOCUS else EventType.BREAK_STARTED
        return self._event(kind, at)

    def _rest(self, at: datetime, status: Status, following: Phase) -> None:
        self.phase = Phase.IDLE
        self.status = status
        self.next_phase = following
        self.ends_at = None
        self.remaining = None
        self.planned = None
        self.run_started = None
        self.elapsed = timedelta(0)
        self.idle_since = at

    def length(self, phase: Phase) -> timedelta:
        """Return the configured length of a phase."""
        if phase is Phase.FOCUS:
            return self.settings.focus
        return self.settings.long_break if phase is Phase.LONG_BREAK else self.settings.short_break

    def _break_after_focus(self, *, counted: bool) -> Phase:
        blocks = self.cycle_blocks + (1 if counted else 0)
        if blocks >= self.settings.long_break_every:
            return Phase.LONG_BREAK
        return Phase.SHORT_BREAK

    def _end_run(self, at: datetime) -> None:
        """Close the running stretch at ``at``, crediting focused time to its day."""
        if self.run_started is None:
            return
        ran = max(at - self.run_started, timedelta(0))
        self.elapsed += ran
        self.run_started = None
        if self.phase is Phase.FOCUS:
            self.stats.add(self.local_day(at), seconds=ran.total_seconds())

    def _event(
        self, kind: EventType, at: datetime, phase: Phase | None = None, **extra: Any
    ) -> Event:
        phase = phase or self.phase
        elapsed = self.elapsed
        if self.run_started is not None:
            elapsed += max(at - self.run_started, timedelta(0))
        data: dict[str, Any] = {
            "phase": str(phase),
            "planned_minutes": _minutes(self.planned) if self.planned else None,
            "elapsed_minutes": _minutes(elapsed),
            "task": self.task,
            "cycle_blocks": self.cycle_blocks,
            **extra,
        }
        return Event(kind, at, phase, data)

    # ------------------------------------------------------------- persistence

    def to_dict(self) -> dict[str, Any]:
        """Return the state as JSON-safe data (settings are stored elsewhere)."""
        return {
            "phase": str(self.phase),
            "status": str(self.status),
            "next_phase": str(self.next_phase),
            "ends_at": self.ends_at.isoformat() if self.ends_at else None,
            "remaining": self.remaining.total_seconds() if self.remaining is not None else None,
            "planned": self.planned.total_seconds() if self.planned is not None else None,
            "run_started": self.run_started.isoformat() if self.run_started else None,
            "elapsed": self.elapsed.total_seconds(),
            "task": self.task,
            "cycle_blocks": self.cycle_blocks,
            "session_blocks": self.session_blocks,
            "idle_since": self.idle_since.isoformat() if self.idle_since else None,
            **self.stats.as_dict(),
        }


def _minutes(value: timedelta) -> float:
    return round(value.total_seconds() / 60, 2)
