"""The rules of one timer (durations, long-break rhythm, auto-start), as the engine reads them.

Pure, like the engine: `const.settings_from_options` builds them from a config entry's options.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The rules of one timer: durations, long break rhythm and auto-start."""

    focus: timedelta = timedelta(minutes=25)
    short_break: timedelta = timedelta(minutes=5)
    long_break: timedelta = timedelta(minutes=15)
    long_break_every: int = 4
    auto_start_breaks: bool = True
    auto_start_focus: bool = False
    session_target: int = 0
    idle_reset: timedelta = timedelta(minutes=60)

    def __post_init__(self) -> None:
        """Refuse settings that would make the cycle meaningless."""
        for value in (self.focus, self.short_break, self.long_break):
            if value <= timedelta(0):
                raise ValueError("durations must be positive")
        if self.long_break_every < 1:
            raise ValueError("long_break_every must be at least 1")
        if self.session_target < 0:
            raise ValueError("session_target must not be negative")
