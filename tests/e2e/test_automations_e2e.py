"""Tomatoes triggers end to end: automations made through the config API, on the real clock.

Home Assistant runs as a process of its own. Two automations are created the way the
automation editor saves them (the config API): one on "focus started", one on "30
seconds left". A 45-second focus block is started; the first turns a helper on at
once, the second writes the instant it ran, which must be 30 s before the block's end
(on time, not a poll's minute late), give or take the event loop on a busy machine.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from .client import HomeAssistantClient, State
from .harness import STUDY_TIMER, HomeAssistantFactory

pytestmark = pytest.mark.e2e

HELPERS = """
input_boolean:
  focus_seen:
    name: Focus seen
input_text:
  cue:
    name: Cue
    max: 255
"""
FOCUS_SECONDS = 45
SECONDS_LEFT = 30
# How late a callback may run on a loaded 2-core machine and still count as on time.
LATENESS = timedelta(seconds=5)


def device_of(client: HomeAssistantClient, entry_id: str) -> str:
    """Return the id of the device of a config entry."""
    devices: list[dict[str, Any]] = client.websocket({"type": "config/device_registry/list"})
    (device,) = [d for d in devices if entry_id in d["config_entries"]]
    device_id: str = device["id"]
    return device_id


def save_automation(client: HomeAssistantClient, key: str, config: dict[str, Any]) -> None:
    """Save an automation as the editor does, and wait until it is on."""
    assert client.request("POST", f"/api/config/automation/config/{key}", config) == {
        "result": "ok"
    }
    client.wait_for_state(f"automation.{key}", "on", timeout=30)


def test_a_tomatoes_trigger_fires_on_focus_and_minutes_left_fires_on_time(
    home_assistant: HomeAssistantFactory,
) -> None:
    ha = home_assistant(HELPERS, start=False)
    # The editor's automations live in automations.yaml, included as on a new instance.
    with (ha.config_dir / "configuration.yaml").open("a", encoding="utf-8") as config:
        config.write("automation: !include automations.yaml\n")
    (ha.config_dir / "automations.yaml").write_text("[]\n", encoding="utf-8")
    client = ha.start()

    result = client.config_flow("tomatoes", STUDY_TIMER)
    assert result["type"] == "create_entry"
    timer = {"device_id": device_of(client, result["result"]["entry_id"])}
    client.wait_for_state("sensor.study_phase", "idle")

    save_automation(
        client,
        "focus_seen",
        {
            "alias": "focus_seen",
            "triggers": [{"trigger": "tomatoes.focus_started", "target": timer}],
            "actions": [
                {
                    "action": "input_boolean.turn_on",
                    "target": {"entity_id": "input_boolean.focus_seen"},
                }
            ],
        },
    )
    save_automation(
        client,
        "half_minute_left",
        {
            "alias": "half_minute_left",
            "triggers": [
                {
                    "trigger": "tomatoes.minutes_left",
                    "target": timer,
                    "options": {"minutes": 0, "seconds": SECONDS_LEFT},
                }
            ],
            "actions": [
                {
                    "action": "input_text.set_value",
                    "target": {"entity_id": "input_text.cue"},
                    "data": {"value": "{{ now().isoformat() }} {{ trigger.seconds_left }}"},
                }
            ],
        },
    )

    client.call_service("tomatoes", "start", {"duration": {"seconds": FOCUS_SECONDS}})
    ends_at = datetime.fromisoformat(_state(client.state("sensor.study_phase_ends_at")))
    client.wait_for_state("input_boolean.focus_seen", "on", timeout=10)

    cue = client.wait_for_state(
        "input_text.cue", lambda state: " " in state.state, timeout=FOCUS_SECONDS + 30
    )
    fired_at, seconds_left = cue.state.split(" ")
    late = datetime.fromisoformat(fired_at) - (ends_at - timedelta(seconds=SECONDS_LEFT))
    assert timedelta(0) <= late <= LATENESS, late
    assert seconds_left == str(SECONDS_LEFT)


def _state(state: State | None) -> str:
    assert state is not None
    return state.state
