"""The timer end to end: Home Assistant as a process, driven only through its HTTP APIs.

The 3-second focus block may be over before a poll could see it on a busy machine, so
its states are recorded from a WebSocket subscription; every other check waits for the
state it expects, with a deadline.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .client import State, WebSocketError
from .harness import STUDY_TIMER, HomeAssistantFactory

pytestmark = pytest.mark.e2e

# The short break outlasts a restart on a busy machine.
TIMER = {**STUDY_TIMER, "focus_minutes": 1, "short_break_minutes": 15}


def test_focus_block_runs_on_the_real_clock_and_its_count_survives_a_restart(
    home_assistant: HomeAssistantFactory,
) -> None:
    ha = home_assistant()
    client = ha.client

    result = client.config_flow("tomatoes", TIMER)
    assert result["type"] == "create_entry"
    assert result["title"] == "Study"
    entry_id = result["result"]["entry_id"]
    entries = client.config_entries("tomatoes")
    assert [(entry["entry_id"], entry["title"]) for entry in entries] == [(entry_id, "Study")]
    client.wait_for_state("sensor.study_phase", "idle")
    client.wait_for_state("number.study_focus_duration", _number(1))

    # Bad input gets a translated error (over the WebSocket API, as the frontend calls
    # actions) and changes nothing.
    with pytest.raises(WebSocketError) as refused:
        client.websocket(
            {
                "type": "call_service",
                "domain": "tomatoes",
                "service": "start",
                "service_data": {"preset": "marathon"},
            }
        )
    assert refused.value.translation_key == "invalid_preset"
    assert _state(client.state("sensor.study_phase")) == "idle"

    phase, focusing, blocks = (
        "sensor.study_phase",
        "binary_sensor.study_focusing",
        "sensor.study_focus_blocks_today",
    )
    client.wait_for_state(blocks, "0")
    with client.record_states(phase, focusing, blocks) as seen:
        client.call_service("tomatoes", "start", {"duration": {"seconds": 3}})
        # The block starts, ends on the real clock, and is counted once.
        seen.wait_for(phase, ["focus", "short_break"])
        seen.wait_for(focusing, ["on", "off"])
        seen.wait_for(blocks, ["1"])  # it was 0 (idle) until the block was completed
    status = client.call_service("tomatoes", "status", return_response=True).response
    assert status is not None
    assert status["name"] == "Study"
    assert status["phase"] == "short_break"
    assert status["status"] == "running"
    assert status["completed_today"] == 1
    assert 0 < status["remaining_seconds"] <= 15 * 60

    client = ha.restart()
    client.wait_for_state("sensor.study_focus_blocks_today", "1")
    client.wait_for_state("sensor.study_phase", "short_break")
    assert [entry["state"] for entry in client.config_entries("tomatoes")] == ["loaded"]

    # The options flow (a menu once there is more than the timer) reloads the entry;
    # the running break carries on.
    result = client.options_flow(
        entry_id, {"next_step_id": "timer"}, {**_options(TIMER), "focus_minutes": 2}
    )
    assert result["type"] == "create_entry"
    client.wait_for_state("number.study_focus_duration", _number(2))
    client.wait_for_state("sensor.study_phase", "short_break")
    client.wait_for_state("sensor.study_focus_blocks_today", "1")


def _number(value: float) -> Callable[[State], bool]:
    """Return a check that a number entity shows value (not unavailable while reloading)."""

    def check(state: State) -> bool:
        try:
            return float(state.state) == value
        except ValueError:
            return False

    return check


def _state(state: State | None) -> str | None:
    return None if state is None else state.state


def _options(timer: dict[str, object]) -> dict[str, object]:
    """Return the options form's input: the timer's rules without its name, plus the extras."""
    options = {key: value for key, value in timer.items() if key != "name"}
    return {**options, "session_target": 0, "idle_reset_minutes": 60}
