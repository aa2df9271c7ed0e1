"""The transitions event entity: one event per transition, with phase, durations and task."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, HomeAssistant, callback
import pytest

from custom_components.tomatoes.const import DOMAIN

from .conftest import Advance


@pytest.mark.usefixtures("init_integration")
async def test_every_transition_fires_one_event(hass: HomeAssistant, advance: Advance) -> None:
    fired: list[dict[str, Any]] = []

    @callback
    def on_change(event: Event) -> None:
        if event.data["entity_id"] == "event.study_transition":
            fired.append(dict(event.data["new_state"].attributes))

    hass.bus.async_listen(EVENT_STATE_CHANGED, on_change)
    await hass.services.async_call(DOMAIN, "start", {"task": "Essay"}, blocking=True)
    await advance(timedelta(minutes=10))
    await hass.services.async_call(DOMAIN, "pause", {}, blocking=True)
    await hass.services.async_call(DOMAIN, "resume", {}, blocking=True)
    await hass.services.async_call(DOMAIN, "extend", {"minutes": 2}, blocking=True)
    await advance(timedelta(minutes=17))
    await advance(timedelta(minutes=5))
    await hass.services.async_call(DOMAIN, "stop", {}, blocking=True)

    assert [f["event_type"] for f in fired] == [
        "focus_started",
        "paused",
        "resumed",
        "extended",
        "focus_completed",
        "break_started",
        "break_completed",
        "stopped",
    ]
    completed = fired[4]
    assert completed["phase"] == "focus"
    assert completed["planned_minutes"] == 27
    assert completed["elapsed_minutes"] == 27
    assert completed["task"] == "Essay"
    assert fired[5]["phase"] == "short_break"
    assert fired[5]["planned_minutes"] == 5


@pytest.mark.usefixtures("init_integration")
async def test_nothing_is_written_between_transitions(
    hass: HomeAssistant, advance: Advance
) -> None:
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    writes: list[str] = []
    hass.bus.async_listen(
        EVENT_STATE_CHANGED, callback(lambda e: writes.append(e.data["entity_id"]))
    )
    for _ in range(24):
        await advance(timedelta(minutes=1))
    assert writes == []
    await advance(timedelta(minutes=1))
    assert "sensor.study_phase" in writes
