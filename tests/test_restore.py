"""Restarts: a running block resumes, missed transitions are caught up once, pauses stay."""

from __future__ import annotations

import asyncio
from datetime import UTC, timedelta
from typing import Any

from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import HomeAssistant, callback
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.engine import Session, Settings

from .conftest import NOW, TIMER_KEY, Advance, async_set_up, state, store_session
from .world.driver import slow_disk


async def setup(hass: HomeAssistant, entry: MockConfigEntry, freezer: Any) -> list[Any]:
    """Start Home Assistant's side of the timer at NOW; return the transition events seen."""
    events = async_capture_events(hass, EVENT_STATE_CHANGED)
    await async_set_up(hass, entry, freezer)
    return [
        e.data["new_state"]
        for e in events
        if e.data["entity_id"] == "event.study_transition"
        and e.data["new_state"].state not in ("unknown", "unavailable")
    ]


async def test_restart_in_the_middle_of_a_focus_block(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: Any,
    advance: Advance,
) -> None:
    before = Session(Settings())
    before.start(NOW - timedelta(minutes=10), task="Report")
    store_session(hass_storage, before)
    fired = await setup(hass, mock_config_entry, freezer)
    assert fired == [], "nothing ended while Home Assistant was down"
    assert state(hass, "sensor.study_phase") == "focus"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:15:00+00:00"
    assert hass.states.get("sensor.study_status").attributes["task"] == "Report"
    await advance(timedelta(minutes=15))
    assert state(hass, "sensor.study_phase") == "short_break"
    assert state(hass, "sensor.study_focus_blocks_today") == "1"
    assert state(hass, "sensor.study_focus_time_today") == "25.0"


async def test_restart_across_one_transition(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: Any,
) -> None:
    before = Session(Settings())
    before.start(NOW - timedelta(minutes=28))  # ended at 08:57; the break runs to 09:02
    store_session(hass_storage, before)
    fired = await setup(hass, mock_config_entry, freezer)
    assert state(hass, "sensor.study_phase") == "short_break"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:02:00+00:00"
    assert state(hass, "sensor.study_focus_blocks_today") == "1"
    assert len(fired) == 1
    assert fired[0].attributes["event_type"] == "caught_up"
    assert fired[0].attributes["missed"] == ["focus_completed", "break_started"]
    assert fired[0].attributes["focus_completed"] == 1


async def test_restart_across_several_transitions(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    freezer: Any,
) -> None:
    options = {**DEFAULT_OPTIONS, "auto_start_focus": True}
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options=options,
        entry_id="study_entry",
    )
    before = Session(Settings(auto_start_focus=True))
    # Down since 07:00: 25+5+25+5+25+5+25 = 115 min, long break 15 min to 09:10.
    before.start(NOW - timedelta(hours=2))
    store_session(hass_storage, before)
    fired = await setup(hass, entry, freezer)
    assert state(hass, "sensor.study_phase") == "long_break"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:10:00+00:00"
    # Home Assistant's test clock runs on US/Pacific time: the blocks that ended at
    # 07:25 and 07:55 UTC belong to the day before, locally.
    assert state(hass, "sensor.study_focus_blocks_today") == "2"
    assert [f.attributes["event_type"] for f in fired] == ["caught_up"]
    assert fired[0].attributes["focus_completed"] == 4
    assert fired[0].attributes["since"] == "2026-11-26T07:25:00+00:00"


async def test_restart_while_paused(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: Any,
    advance: Advance,
) -> None:
    before = Session(Settings())
    before.start(NOW - timedelta(hours=3))
    before.pause(NOW - timedelta(hours=3) + timedelta(minutes=13))
    store_session(hass_storage, before)
    fired = await setup(hass, mock_config_entry, freezer)
    assert fired == []
    assert state(hass, "sensor.study_status") == "paused"
    assert hass.states.get("sensor.study_status").attributes["time_left"] == 12.0
    await hass.services.async_call(DOMAIN, "resume", {}, blocking=True)
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:12:00+00:00"


async def test_transitions_are_stored_before_they_are_announced(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    stored_when_announced: list[tuple[str, str]] = []

    @callback
    def on_change(event: Any) -> None:
        new_state = event.data["new_state"]
        if event.data["entity_id"] == "event.study_transition" and (
            "event_type" in new_state.attributes
        ):
            session = hass_storage[TIMER_KEY]["data"]["session"]
            stored_when_announced.append((new_state.attributes["event_type"], session["phase"]))

    hass.bus.async_listen(EVENT_STATE_CHANGED, on_change)
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await advance(timedelta(minutes=25))
    assert stored_when_announced == [
        ("focus_started", "focus"),
        ("focus_completed", "short_break"),
        ("break_started", "short_break"),
    ]


async def test_reload_keeps_the_running_block(
    hass: HomeAssistant, init_integration: MockConfigEntry, advance: Advance
) -> None:
    await hass.services.async_call(DOMAIN, "start", {"task": "Slides"}, blocking=True)
    await advance(timedelta(minutes=5))
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert state(hass, "sensor.study_phase") == "focus"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:25:00+00:00"
    assert hass.states.get("sensor.study_status").attributes["task"] == "Slides"


async def test_an_action_saving_while_the_timer_reloads_is_kept(
    hass: HomeAssistant, hass_storage: dict[str, Any], init_integration: MockConfigEntry
) -> None:
    with slow_disk():
        start = hass.async_create_task(hass.services.async_call(DOMAIN, "start", {}, blocking=True))
        await asyncio.sleep(0)  # the start is saving when the reload begins
        assert await hass.config_entries.async_reload(init_integration.entry_id)
        await hass.async_block_till_done()
        await start
    # The new instance shows what a restart would load: the block the start began.
    assert state(hass, "sensor.study_status") == "running"
    assert hass_storage[TIMER_KEY]["data"]["session"]["status"] == "running"


async def test_reload_keeps_the_next_phase_a_setting_changed(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    assert state(hass, "sensor.study_next_phase") == "short_break"
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.study_long_break_every", "value": 1},
        blocking=True,
    )
    assert state(hass, "sensor.study_next_phase") == "long_break"
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert state(hass, "sensor.study_next_phase") == "long_break"


async def test_an_idle_reset_at_start_is_kept(
    hass: HomeAssistant, hass_storage: dict[str, Any], freezer: Any
) -> None:
    before = Session(Settings(auto_start_breaks=False))
    before.start(NOW - timedelta(minutes=70))
    before.advance(NOW - timedelta(minutes=44))  # the block ended 45 minutes ago: ready
    store_session(hass_storage, before)
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={**DEFAULT_OPTIONS, "idle_reset_minutes": 30},
        entry_id="study_entry",
    )
    await async_set_up(hass, entry, freezer)
    assert state(hass, "sensor.study_status") == "idle"  # reset: nobody came back in time
    # A longer idle reset set afterwards does not bring the old cycle back.
    hass.config_entries.async_update_entry(
        entry, options={**DEFAULT_OPTIONS, "idle_reset_minutes": 60}
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert state(hass, "sensor.study_status") == "idle"
    assert state(hass, "sensor.study_next_phase") == "focus"


@pytest.mark.usefixtures("init_integration")
async def test_removing_the_timer_deletes_its_stored_session(
    hass: HomeAssistant, hass_storage: dict[str, Any], init_integration: MockConfigEntry
) -> None:
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    assert TIMER_KEY in hass_storage
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert TIMER_KEY not in hass_storage


async def test_stored_session_from_utc_instants(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: Any,
) -> None:
    before = Session(Settings(), tz=UTC)
    before.start(NOW - timedelta(minutes=1))
    store_session(hass_storage, before)
    await setup(hass, mock_config_entry, freezer)
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:24:00+00:00"
