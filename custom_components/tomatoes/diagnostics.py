"""Diagnostics of a Tomatoes timer: settings, session, schedule, effects, modes (task redacted)."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .models import TomatoesConfigEntry

TO_REDACT = {"task"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: TomatoesConfigEntry
) -> dict[str, Any]:
    """Return what helps to understand a timer's behaviour, without personal labels."""
    timer = entry.runtime_data.timer
    deadline = timer.session.next_deadline()
    return {
        "entry": {"title": entry.title, "options": dict(entry.options)},
        "session": async_redact_data(timer.session.to_dict(), TO_REDACT),
        "next_deadline": deadline.isoformat() if deadline else None,
        "sound": entry.runtime_data.sound.diagnostics(),
        "lighting": entry.runtime_data.lights.diagnostics(),
        "modes": entry.runtime_data.modes.diagnostics(),
    }
