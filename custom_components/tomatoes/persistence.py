"""A timer's stored session, checked field by field when it is loaded.

Pure, like the engine. `parse_session` rebuilds a `Session` from what `Session.to_dict`
wrote and names every field it found missing or wrong. What can be kept is kept: the phase,
its instants and the cycle counters only make sense together, so damage to any of them
starts the timer idle with a new cycle, while the task label and the daily statistics are
kept wherever they are intact (one bad day of the history drops that day only).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
import math
from typing import Any

from .engine import Phase, Session, Status
from .settings import Settings
from .stats import DayStats, Statistics

MAX_TASK_LENGTH = 255
"""The longest task label (the start action refuses longer ones)."""


class _DamagedFieldError(Exception):
    """A field that is missing or wrong (the problem is noted by the reader)."""


class _Reader:
    """Reads the fields of one stored mapping, noting each one that is missing or wrong."""

    def __init__(self, data: Mapping[str, Any], problems: list[str], within: str = "") -> None:
        self.data = data
        self.problems = problems
        self.within = within

    def read[T](self, key: str, convert: Callable[[Any], T]) -> T:
        if key not in self.data:
            self.problems.append(f"{self.within}{key} is missing")
            raise _DamagedFieldError
        try:
            return convert(self.data[key])
        except (TypeError, ValueError) as err:
            self.problems.append(f"{self.within}{key}: {err}")
            raise _DamagedFieldError from err


def _member[E: StrEnum](kind: type[E], *, refused: E | None = None) -> Callable[[Any], E]:
    def convert(value: Any) -> E:
        if not isinstance(value, str) or value not in kind or value == refused:
            raise ValueError(f"{value!r} is not a {kind.__name__.lower()}")
        return kind(value)

    return convert


def _text(value: Any, what: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{value!r} is not {what}")
    return value


def _instant(value: Any) -> datetime | None:
    if (text := _text(value, "a time")) is None:
        return None
    instant = datetime.fromisoformat(text)
    if instant.utcoffset() is None:
        raise ValueError(f"{value!r} has no time zone")
    return instant


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{value!r} is not a number")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{value!r} is not a length of time")
    return float(value)


def _length(value: Any) -> timedelta:
    return timedelta(seconds=_number(value))


def _duration(value: Any) -> timedelta | None:
    return None if value is None else _length(value)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} is not a whole number")
    if value < 0:
        raise ValueError(f"{value!r} is negative")
    return value


def _task(value: Any) -> str | None:
    if (text := _text(value, "a text")) is not None and len(text) > MAX_TASK_LENGTH:
        raise ValueError(f"longer than {MAX_TASK_LENGTH} characters")
    return text


def _day(value: Any) -> date | None:
    text = _text(value, "a day")
    return None if text is None else date.fromisoformat(text)


def _day_stats(value: Any) -> DayStats:
    if not isinstance(value, list | tuple) or len(value) != 2:  # noqa: PLR2004 - blocks, seconds
        raise TypeError(f"{value!r} is not [blocks, seconds]")
    return DayStats(_count(value[0]), _number(value[1]))


def _run(reader: _Reader, session: Session) -> None:
    """Read the phase, its instants and the cycle counters into ``session`` (all or nothing)."""
    readers: dict[str, Callable[[Any], Any]] = {
        "phase": _member(Phase),
        "status": _member(Status),
        "next_phase": _member(Phase, refused=Phase.IDLE),
        "ends_at": _instant,
        "remaining": _duration,
        "planned": _duration,
        "run_started": _instant,
        "elapsed": _length,
        "cycle_blocks": _count,
        "session_blocks": _count,
        "idle_since": _instant,
    }
    values: dict[str, Any] = {}
    damaged = False
    for key, convert in readers.items():
        try:
            values[key] = reader.read(key, convert)
        except _DamagedFieldError:
            damaged = True
    if damaged:
        return
    if (problem := _inconsistency(values)) is not None:
        reader.problems.append(problem)
        return
    for key, value in values.items():
        setattr(session, key, value)


def _inconsistency(values: Mapping[str, Any]) -> str | None:
    """Name what does not fit together in a stored run, or return None."""
    phase, status = values["phase"], values["status"]
    resting = status in (Status.IDLE, Status.READY)
    if resting != (phase is Phase.IDLE):
        return f"phase {phase} cannot have the status {status}"
    needed: tuple[str, ...] = ()
    if status is Status.RUNNING:
        needed = ("ends_at", "run_started", "planned")
    elif status is Status.PAUSED:
        needed = ("remaining", "planned")
    if missing := [key for key in needed if values[key] is None]:
        return f"status {status} needs {', '.join(missing)}"
    return None


def _statistics(reader: _Reader) -> Statistics:
    """Read the daily statistics, keeping every part that is intact."""
    stats = Statistics()
    try:
        stats.day = reader.read("day", _day)
        stats.today = reader.read("today", _day_stats)
    except _DamagedFieldError:
        stats.day, stats.today = None, DayStats()
    try:
        history = reader.read("history", _mapping)
    except _DamagedFieldError:
        return stats
    days = _Reader(history, reader.problems, within="history ")
    for key in history:
        try:
            _day(key)
            stats.history[key] = days.read(key, _day_stats)
        except ValueError, TypeError:
            reader.problems.append(f"history: {key!r} is not a day")
        except _DamagedFieldError:
            continue
    return stats


def _mapping(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{value!r} is not a mapping")
    return value


def parse_session(raw: Any, settings: Settings, tz: tzinfo) -> tuple[Session, list[str]]:
    """Rebuild the stored session; return it with the problems found (none when intact)."""
    session = Session(settings, tz)
    problems: list[str] = []
    try:
        data = _Reader(_mapping(raw), problems).read("session", _mapping)
    except TypeError:
        return session, ["the file holds no session"]
    except _DamagedFieldError:
        return session, problems
    reader = _Reader(data, problems)
    _run(reader, session)
    session.stats = _statistics(reader)
    try:
        session.task = reader.read("task", _task)
    except _DamagedFieldError:
        session.task = None
    return session, problems
