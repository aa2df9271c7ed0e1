"""The mode of ``tomatoes.start``, checked for every targeted timer before anything changes.

``mode`` names a built-in mode (its key such as ``deep_focus``, or its name such as
"Deep Focus") or one of the timer's own modes (its name, in any case). ``preset`` is the
field of earlier releases: it still takes ``classic``, ``deep_focus`` or ``sprint`` and
applies that mode, whole; a repair issue asks to write ``mode`` instead.
"""

from __future__ import annotations

from collections.abc import Mapping
import logging
from typing import Any, Final

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

from ..const import DOMAIN
from ..models import TomatoesConfigEntry
from ..targeting import action_error
from .catalogue import BUILT_IN, Mode
from .controller import ModeController

_LOGGER = logging.getLogger(__name__)

ATTR_MODE: Final = "mode"
ATTR_PRESET: Final = "preset"
"""Deprecated: the field ``mode`` replaces it."""
ISSUE_PRESET: Final = "deprecated_preset"


def start_modes(
    hass: HomeAssistant, data: Mapping[str, Any], entries: list[TomatoesConfigEntry]
) -> list[tuple[ModeController, Mode]]:
    """Return the mode to choose on each targeted timer (none when the call names none).

    Raises a translated error, before any timer changes, when the mode is unknown to one
    of the timers or both ``mode`` and ``preset`` are given.
    """
    wanted: str | None = data.get(ATTR_MODE)
    if (preset := data.get(ATTR_PRESET)) is not None:
        if wanted is not None:
            raise action_error("mode_and_preset")
        if preset not in BUILT_IN:
            raise action_error("invalid_preset", preset=preset, presets=", ".join(BUILT_IN))
        _report_preset(hass)
        wanted = preset
    if wanted is None:
        return []
    chosen: list[tuple[ModeController, Mode]] = []
    for entry in entries:
        modes = entry.runtime_data.modes
        if (mode := modes.find(wanted)) is None:
            raise action_error(
                "invalid_mode",
                mode=wanted,
                name=entry.title,
                modes=", ".join(mode.option for mode in modes.modes.values()),
            )
        chosen.append((modes, mode))
    return chosen


def _report_preset(hass: HomeAssistant) -> None:
    """Ask, once, for ``mode`` instead of the deprecated ``preset`` (a repair issue)."""
    if ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_PRESET) is None:
        _LOGGER.warning("tomatoes.start: the field preset is deprecated; use mode instead")
    ir.async_create_issue(
        hass,
        DOMAIN,
        ISSUE_PRESET,
        is_fixable=False,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=ISSUE_PRESET,
    )
