"""Unavailable or failing lights: the timer and other lights carry on; one warning, one issue."""

from __future__ import annotations

import asyncio
from datetime import timedelta
import logging
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.lighting.commands import CALL_TIMEOUT
from tests.conftest import Advance

from .bench import BenchLight, light_view
from .conftest import FOCUS_BRIGHTNESS
from .test_focus import start


def issue(registry: ir.IssueRegistry, entity_id: str) -> ir.IssueEntry | None:
    """Return the repair issue about one light of the Study timer."""
    return registry.async_get_issue(DOMAIN, f"light_study_entry_{entity_id}")


def warnings_about(caplog: pytest.LogCaptureFixture, entity_id: str) -> list[str]:
    """Return the warnings logged about a light."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and entity_id in record.getMessage()
    ]


async def test_an_unavailable_light_is_skipped_reported_and_joins_when_it_returns(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    advance: Advance,
) -> None:
    bench["strip"].unplug()
    await start(hass)
    assert hass.states.get("sensor.study_phase").state == "focus"
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    assert len(warnings_about(caplog, "light.strip")) == 1
    found = issue(issue_registry, "light.strip")
    assert found is not None
    assert found.translation_key == "light_unavailable"
    assert found.translation_placeholders == {
        "timer": "Study",
        "name": "Strip",
        "entity_id": "light.strip",
        "detail": "-",
    }

    await advance(timedelta(minutes=5))
    bench["strip"].plug_in()
    await hass.async_block_till_done()
    assert issue(issue_registry, "light.strip") is None
    assert light_view(hass, "light.strip")["brightness"] == FOCUS_BRIGHTNESS

    await advance(timedelta(minutes=20))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    strip = light_view(hass, "light.strip")
    assert (strip["brightness"], strip["effect"]) == (180, "candle")
    assert len(warnings_about(caplog, "light.strip")) == 1


async def test_a_failing_light_never_stops_the_timer_and_is_restored_once_it_works(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    advance: Advance,
) -> None:
    transitions = async_capture_events(hass, "state_changed")
    await start(hass)
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    bench["desk"].fail = True

    await advance(timedelta(minutes=25))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    # The others are back; the desk could not be restored and keeps its snapshot.
    assert light_view(hass, "light.ceiling")["brightness"] == 255
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    found = issue(issue_registry, "light.desk")
    assert found is not None
    assert found.translation_key == "light_call_failed"

    # Still failing at the next focus block and its break: no second warning.
    await advance(timedelta(minutes=5))
    await start(hass)
    await advance(timedelta(minutes=25))
    assert hass.states.get("sensor.study_focus_blocks_today").state == "2"
    assert len(warnings_about(caplog, "light.desk")) == 1

    bench["desk"].fail = False
    await advance(timedelta(minutes=5))
    await start(hass)
    await advance(timedelta(minutes=25))
    # Fixed: the desk gets the snapshot from before the first block, and the issue is gone.
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert issue(issue_registry, "light.desk") is None
    phases = [
        event.data["new_state"].state
        for event in transitions
        if event.data["entity_id"] == "sensor.study_phase"
    ]
    assert phases == ["focus", "short_break", "idle"] * 2 + ["focus", "short_break"]


async def test_a_light_that_drops_off_and_returns_as_it_was_is_still_ours(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=2))
    bench["desk"].unplug()
    await hass.async_block_till_done()
    bench["desk"].plug_in()
    await hass.async_block_till_done()
    assert hass.states.get("switch.study_focus_lighting").state == "on"
    await advance(timedelta(minutes=23))
    assert light_view(hass, "light.desk")["brightness"] == 200


async def test_a_light_that_does_not_answer_in_time_is_given_up_on(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    issue_registry: ir.IssueRegistry,
    monkeypatch: pytest.MonkeyPatch,
    advance: Advance,
) -> None:
    called, stuck = asyncio.Event(), asyncio.Event()

    async def hang(**kwargs: Any) -> None:
        called.set()
        await stuck.wait()

    monkeypatch.setattr(bench["desk"], "async_turn_on", hang)
    await hass.services.async_call("tomatoes", "start", {}, blocking=True)
    await called.wait()
    await advance(timedelta(seconds=CALL_TIMEOUT + 1))
    assert hass.states.get("sensor.study_phase").state == "focus"
    assert light_view(hass, "light.ceiling")["brightness"] == FOCUS_BRIGHTNESS
    found = issue(issue_registry, "light.desk")
    assert found is not None
    assert found.translation_key == "light_no_answer"


@pytest.mark.parametrize("light_changes", [{"light_break_mode": "break_level"}])
async def test_a_light_that_was_away_when_the_break_began_gets_the_break_level_on_return(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=20))
    bench["desk"].unplug()
    await advance(timedelta(minutes=5))
    assert light_view(hass, "light.ceiling")["brightness"] == 178
    bench["desk"].plug_in()
    await hass.async_block_till_done()
    assert light_view(hass, "light.desk")["brightness"] == 178
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hass.async_block_till_done()
    assert light_view(hass, "light.desk")["brightness"] == 200


@pytest.mark.parametrize("light_changes", [{"light_entities": ["light.desk", "light.gone"]}])
async def test_a_chosen_light_that_does_not_exist_is_reported(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
) -> None:
    await start(hass)
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    found = issue(issue_registry, "light.gone")
    assert found is not None
    assert found.translation_placeholders["name"] == "light.gone"
    # Unloading the timer takes its issues with it.
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert issue(issue_registry, "light.gone") is None
