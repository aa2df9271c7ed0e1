"""Volume fades pinned to their end instant, in a bounded number of steps (pure, no I/O).

A fade goes from one level to another between two instants. It is carried out in at
most ``MAX_STEPS`` volume changes, at least ``MIN_STEP_SECONDS`` apart, evenly spaced
and ending exactly at the end instant. Each step sets the level the fade should have
at the moment it actually runs, so a late step catches up instead of stretching the
fade, and a fade whose end has passed (after a restart, say) jumps to its final level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
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
    def from_dict(cls, data: dict[str, Any]) -> Fade:
        """Rebuild a fade from ``as_dict`` output."""
        return cls(
            datetime.fromisoformat(data["start"]),
            datetime.fromisoformat(data["end"]),
            float(data["begin"]),
            float(data["target"]),
        )
