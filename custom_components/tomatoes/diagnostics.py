"""Diagnostics of a Tomatoes timer: settings, session, schedule, sound, lights and modes.

Redacted everywhere in the result (Home Assistant's `async_redact_data` over the whole of it):
the task label, sounds given as references (a stream URL can carry credentials), the user's
folder paths and what players were playing. The sections are named so that no section's
name is one of those keys.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .models import TomatoesConfigEntry
from .sound.options import CONF_SOUND_BREAK_SOURCE, CONF_SOUND_FOLDERS, CONF_SOUND_SOURCE

TO_REDACT = {
    "task",
    CONF_SOUND_SOURCE,
    CONF_SOUND_BREAK_SOURCE,
    CONF_SOUND_FOLDERS,
    "sound",
    "switch_to",
    "content_id",
    "media_content_id",
    "url",
    "path",
    "folders",
}
"""Keys whose values are personal at any depth: labels, sound references, paths, content."""


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: TomatoesConfigEntry
) -> dict[str, Any]:
    """Return what helps to understand a timer's behaviour, without personal data."""
    data = entry.runtime_data
    return async_redact_data(
        {
            "entry": {"title": entry.title, "options": dict(entry.options)},
            "timer": data.timer.diagnostics(),
            "ambient_sound": data.sound.diagnostics(),
            "lighting": data.lights.diagnostics(),
            "modes": data.modes.diagnostics(),
        },
        TO_REDACT,
    )
