"""Daily statistics of a timer: completed focus blocks and focused time per local day.

Pure, like the engine that owns them: the day of each figure is given by the caller (the
local calendar day of the instant the time was focused or the block completed). Today's
figures and the last `HISTORY_DAYS` days with activity are kept; a clock that goes back
never rewrites a day already counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

HISTORY_DAYS = 31
"""How many past days of statistics are kept (older days are dropped)."""


@dataclass(frozen=True)
class DayStats:
    """Completed focus blocks and focused seconds of one local day."""

    blocks: int = 0
    focus_seconds: float = 0.0


class Statistics:
    """Today's figures and those of the last days with activity."""

    def __init__(
        self,
        day: date | None = None,
        today: DayStats | None = None,
        history: dict[str, DayStats] | None = None,
    ) -> None:
        """Start from stored figures, or empty."""
        self.day = day
        self.today = today or DayStats()
        self.history: dict[str, DayStats] = history or {}

    def for_day(self, day: date) -> DayStats:
        """Return the figures of a day (today's or a kept past day)."""
        if day == self.day:
            return self.today
        return self.history.get(day.isoformat(), DayStats())

    def add(self, day: date, *, blocks: int = 0, seconds: float = 0.0) -> None:
        """Count blocks and focused seconds on a day (on today's figures if the clock went back)."""
        self._roll(day)
        self.today = DayStats(self.today.blocks + blocks, self.today.focus_seconds + seconds)

    def as_dict(self) -> dict[str, Any]:
        """Return the figures as JSON-safe data (the keys of the stored session)."""
        return {
            "day": self.day.isoformat() if self.day else None,
            "today": [self.today.blocks, self.today.focus_seconds],
            "history": {
                day: [stats.blocks, stats.focus_seconds] for day, stats in self.history.items()
            },
        }

    def _roll(self, day: date) -> None:
        if self.day is not None and self.day >= day:
            # Same day, or a clock that went backwards: never rewrite a day already counted.
            return
        if self.day is not None and (self.today.blocks or self.today.focus_seconds):
            self.history[self.day.isoformat()] = self.today
            for old in sorted(self.history)[:-HISTORY_DAYS]:
                del self.history[old]
        self.day = day
        self.today = DayStats()
