"""Voice end to end: Home Assistant as a process, text sent to its conversation API."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .client import HomeAssistantClient
from .harness import STUDY_TIMER, HomeAssistantFactory

pytestmark = pytest.mark.e2e


def _say(client: HomeAssistantClient, text: str, language: str = "en") -> str:
    """Send text to Assist (as the frontend's Assist dialog does) and return its answer."""
    result: Any = client.request(
        "POST", "/api/conversation/process", {"text": text, "language": language}
    )
    speech: str = result["response"]["speech"]["plain"]["speech"]
    return speech


def test_assist_starts_reports_and_pauses_the_timer(home_assistant: HomeAssistantFactory) -> None:
    # 2026.10 loads conversation by default; 2026.3 needs it named.
    ha = home_assistant("conversation:\n")
    client = ha.client
    assert client.config_flow("tomatoes", STUDY_TIMER)["type"] == "create_entry"
    client.wait_for_state("sensor.study_phase", "idle")

    # Home Assistant's own timer sentences stay its own.
    assert _say(client, "how long is left on my timer") == "No timers."
    assert _say(client, "how long is left on the focus timer") == "Nothing is running."

    assert _say(client, "start a 10 minute focus session") == "Focusing for 10 minutes."
    client.wait_for_state("sensor.study_phase", "focus")
    client.wait_for_state("sensor.study_status", "running")

    # The real clock moves on; however slow the machine, under a minute has passed.
    left = _say(client, "how long is left on the focus timer")
    assert re.fullmatch(r"(10|9) minutes left in your focus block\.", left), left

    paused = _say(client, "pause the focus timer")
    assert re.fullmatch(r"Paused with (10|9) minutes left\.", paused), paused
    client.wait_for_state("sensor.study_status", "paused")

    # Switched to German, Home Assistant understands Tomatoes in German.
    client.websocket({"type": "config/core/update", "language": "de"})
    assert _say(client, "wie lange läuft die Fokuszeit noch", "de") == paused.replace(
        "Paused with ", "Pausiert, noch "
    ).replace(" minutes left.", " Minuten.")

    client.websocket({"type": "config/core/update", "language": "en"})
    assert _say(client, "stop the focus timer") == "The focus timer is stopped."
    client.wait_for_state("sensor.study_phase", "idle")
    assert _say(client, "how many focus blocks have I done today") == (
        "0 focus blocks today, 0 minutes of focus."
    )
    assert not [line for line in ha.logged_errors() if "tomatoes" in line.lower()]
