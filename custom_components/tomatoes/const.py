"""Constants of the Tomatoes integration: domain, option keys, limits, rhythms and defaults."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Final

from .settings import Settings

DOMAIN: Final = "tomatoes"

CONF_FOCUS_MINUTES: Final = "focus_minutes"
CONF_SHORT_BREAK_MINUTES: Final = "short_break_minutes"
CONF_LONG_BREAK_MINUTES: Final = "long_break_minutes"
CONF_LONG_BREAK_EVERY: Final = "long_break_every"
CONF_AUTO_START_BREAKS: Final = "auto_start_breaks"
CONF_AUTO_START_FOCUS: Final = "auto_start_focus"
CONF_SESSION_TARGET: Final = "session_target"
CONF_IDLE_RESET_MINUTES: Final = "idle_reset_minutes"
CONF_MODE: Final = "mode"
"""The chosen focus mode: a built-in key or the id of the timer's own mode (modes/)."""

# Inclusive (minimum, maximum) of every numeric option.
LIMITS: Final[dict[str, tuple[int, int]]] = {
    CONF_FOCUS_MINUTES: (1, 240),
    CONF_SHORT_BREAK_MINUTES: (1, 60),
    CONF_LONG_BREAK_MINUTES: (1, 120),
    CONF_LONG_BREAK_EVERY: (1, 12),
    CONF_SESSION_TARGET: (0, 24),
    CONF_IDLE_RESET_MINUTES: (5, 1440),
}

PRESET_CLASSIC: Final = "classic"
PRESET_DEEP_FOCUS: Final = "deep_focus"
PRESET_SPRINT: Final = "sprint"

# The rhythms of the built-in focus modes (modes/catalogue.py adds their sound and light).
PRESETS: Final[dict[str, dict[str, int]]] = {
    PRESET_CLASSIC: {
        CONF_FOCUS_MINUTES: 25,
        CONF_SHORT_BREAK_MINUTES: 5,
        CONF_LONG_BREAK_MINUTES: 15,
        CONF_LONG_BREAK_EVERY: 4,
    },
    PRESET_DEEP_FOCUS: {
        CONF_FOCUS_MINUTES: 50,
        CONF_SHORT_BREAK_MINUTES: 10,
        CONF_LONG_BREAK_MINUTES: 30,
        CONF_LONG_BREAK_EVERY: 3,
    },
    PRESET_SPRINT: {
        CONF_FOCUS_MINUTES: 15,
        CONF_SHORT_BREAK_MINUTES: 3,
        CONF_LONG_BREAK_MINUTES: 10,
        CONF_LONG_BREAK_EVERY: 4,
    },
}

DEFAULT_OPTIONS: Final[dict[str, Any]] = {
    **PRESETS[PRESET_CLASSIC],
    CONF_AUTO_START_BREAKS: True,
    CONF_AUTO_START_FOCUS: False,
    CONF_SESSION_TARGET: 0,
    CONF_IDLE_RESET_MINUTES: 60,
}

STORAGE_VERSION: Final = 1


def settings_from_options(options: Mapping[str, Any]) -> Settings:
    """Build the engine's settings from an entry's options (defaults fill gaps)."""
    merged = {**DEFAULT_OPTIONS, **options}
    return Settings(
        focus=timedelta(minutes=merged[CONF_FOCUS_MINUTES]),
        short_break=timedelta(minutes=merged[CONF_SHORT_BREAK_MINUTES]),
        long_break=timedelta(minutes=merged[CONF_LONG_BREAK_MINUTES]),
        long_break_every=int(merged[CONF_LONG_BREAK_EVERY]),
        auto_start_breaks=bool(merged[CONF_AUTO_START_BREAKS]),
        auto_start_focus=bool(merged[CONF_AUTO_START_FOCUS]),
        session_target=int(merged[CONF_SESSION_TARGET]),
        idle_reset=timedelta(minutes=merged[CONF_IDLE_RESET_MINUTES]),
    )


VERSION: Final = "0.1.0"


def option_errors(options: Mapping[str, Any]) -> dict[str, str]:
    """Return {option: error key} for settings that cannot work together."""
    merged = {**DEFAULT_OPTIONS, **options}
    errors: dict[str, str] = {}
    for key, (low, high) in LIMITS.items():
        if not low <= merged[key] <= high:
            errors[key] = "out_of_range"
    if merged[CONF_LONG_BREAK_MINUTES] < merged[CONF_SHORT_BREAK_MINUTES]:
        errors.setdefault(CONF_LONG_BREAK_MINUTES, "long_break_too_short")
    return errors
