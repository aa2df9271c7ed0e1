"""Volume fades pinned to their end instant, in a bounded number of steps (pure, no I/O).

A fade goes from one level to another between two instants. It is carried out in at
most ``MAX_STEPS`` volume changes, at least ``MIN_STEP_SECONDS`` apart, evenly spaced
and ending exactly at the end instant. Each step sets the level the fade should have
at the moment it actually runs, so a late step catches up instead of stretching the
fade, and a fade whose end has passed (after a restart, say) jumps to its final level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import math
from typing import Any

MAX_STEPS = 10
"""Most volume changes one fade makes (after the first level is set)."""

MIN_STEP_SECONDS = 1.0
"""Least time between two volume changes of a fade."""


@dataclass(frozen=True, slots=True)
class Fade:
    """A change of level (0 = silent, 1 = the full focus volume) between two instants."""

    start: datetime
    end: datetime
    begin: float
    target: float

    @classmethod
    def over(cls, now: datetime, seconds: float, begin: float, target: float) -> Fade:
        """Return a fade that starts now and lasts ``seconds`` (0 for an instant change)."""
        return cls(now, now + timedelta(seconds=max(seconds, 0.0)), begin, target)

    @classmethod
    def constant(cls, level: float) -> Fade:
        """Return a fade that is over: it stays at ``level`` and has no steps left."""
        return cls(EPOCH, EPOCH, level, level)

    @property
    def steps(self) -> int:
        """Return how many volume changes the fade makes after its first level."""
        seconds = (self.end - self.start).total_seconds()
        if seconds <= 0:
            return 0
        return max(1, min(MAX_STEPS, math.floor(seconds / MIN_STEP_SECONDS)))

    def level_at(self, now: datetime) -> float:
        """Return the level the fade has at ``now`` (clamped to its two ends)."""
        if now >= self.end:
            return self.target
        if now <= self.start:
            return self.begin
        done = (now - self.start) / (self.end - self.start)
        return self.begin + (self.target - self.begin) * done

    def next_step(self, now: datetime) -> datetime | None:
        """Return the first step instant after ``now``, or None once the fade is over."""
        steps = self.steps
        if steps == 0 or now >= self.end:
            return None
        span = self.end - self.start
        for index in range(1, steps + 1):
            instant = self.start + span * index / steps
            if instant > now:
                return instant
        return None  # pragma: no cover - the last step is the end, which is after now

    def as_dict(self) -> dict[str, Any]:
        """Return the fade as JSON-safe data."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "begin": self.begin,
            "target": self.target,
        }

    @classmethod
    def from_dict(cls, data: object) -> Fade:
        """Rebuild a fade from ``as_dict`` output; raise ValueError for anything else."""
        if not isinstance(data, dict):
            raise ValueError(f"not a fade: {data!r}")  # noqa: TRY004 - a damaged value
        start, end = _instant(data.get("start")), _instant(data.get("end"))
        if end < start:
            raise ValueError("ends before it starts")
        return cls(start, end, _level(data.get("begin")), _level(data.get("target")))


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _instant(value: object) -> datetime:
    """Return a stored instant, which must carry its time zone."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is no instant")  # noqa: TRY004 - a damaged value
    instant = datetime.fromisoformat(value)
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{value} has no time zone")
    return instant


def _level(value: object) -> float:
    """Return a stored level, a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"{value!r} is no level from 0 to 1")
    return float(value)
