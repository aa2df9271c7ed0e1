"""Tomatoes triggers: each fires once per transition with the timer's variables, never between."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import CONF_DEVICE_ID, CONF_ENTITY_ID
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import area_registry as ar, device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.engine import Session, Settings

from ..conftest import NOW, Advance, state, store_session
from .conftest import async_automations, call, device_id, recorded

pytestmark = pytest.mark.usefixtures("init_integration")

FIELDS = ("event", "phase", "planned_minutes", "elapsed_minutes", "task", "block", "ended")


def automation(alias: str, trigger: str, **config: object) -> dict[str, object]:
    """Return an automation on one Tomatoes trigger."""
    return {"alias": alias, "triggers": [{"trigger": f"tomatoes.{trigger}", **config}]}


async def test_each_trigger_fires_once_per_transition_with_its_variables(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(
        hass,
        automation("focus started", "focus_started"),
        automation("focus ended", "focus_ended"),
        automation("break started", "break_started"),
        automation("break ended", "break_ended"),
        automation("paused", "paused"),
        automation("resumed", "resumed"),
        automation("session completed", "session_completed"),
    )

    await call(hass, "start", task="Essay")
    await advance(timedelta(minutes=10))
    await call(hass, "pause")
    await call(hass, "resume")
    await call(hass, "extend", minutes=2)
    await advance(timedelta(minutes=17))  # the block completes; the break starts by itself
    await advance(timedelta(minutes=5))  # the break completes; focus waits for a person
    await call(hass, "start")
    await advance(timedelta(minutes=3))
    await call(hass, "skip")  # focus cut short, a break starts
    await call(hass, "stop")  # the break cut short

    assert recorded(calls, *FIELDS) == [
        ("focus started", "focus_started", "focus", 25, 0, "Essay", 1, "-"),
        ("paused", "paused", "focus", 25, 10, "Essay", 1, "-"),
        ("resumed", "resumed", "focus", 25, 10, "Essay", 1, "-"),
        ("focus ended", "focus_completed", "focus", 27, 27, "Essay", 1, "completed"),
        ("break started", "break_started", "short_break", 5, 0, "Essay", 2, "-"),
        ("break ended", "break_completed", "short_break", 5, 5, "Essay", 2, "completed"),
        ("focus started", "focus_started", "focus", 25, 0, "Essay", 2, "-"),
        ("focus ended", "skipped", "focus", 25, 3, "Essay", 2, "cut_short"),
        ("break started", "break_started", "short_break", 5, 0, "Essay", 2, "-"),
        ("break ended", "stopped", "short_break", 5, 0, "Essay", 2, "cut_short"),
    ]
    first = calls[0].data
    assert first["platform"] == "tomatoes.focus_started"
    assert first["timer"] == "Study"
    assert first["config_entry_id"] == "study_entry"
    assert first["device_id"] == device_id(hass)


async def test_nothing_fires_between_transitions(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(
        hass,
        automation("focus started", "focus_started"),
        automation("focus ended", "focus_ended"),
        automation("break started", "break_started"),
        automation("last minute", "minutes_left"),
    )
    await call(hass, "start")
    for _ in range(23):
        await advance(timedelta(minutes=1))
    assert recorded(calls) == [("focus started",)]
    await advance(timedelta(minutes=1))
    assert recorded(calls) == [("focus started",), ("last minute",)]
    await advance(timedelta(minutes=1))
    assert recorded(calls) == [
        ("focus started",),
        ("last minute",),
        ("focus ended",),
        ("break started",),
    ]


async def test_options_choose_how_a_phase_ended_and_which_break(
    hass: HomeAssistant,
    calls: list[ServiceCall],
    advance: Advance,
    mock_config_entry: MockConfigEntry,
) -> None:
    await async_automations(
        hass,
        automation("completed", "focus_ended", options={"ended": "completed"}),
        automation("cut short", "focus_ended", options={"ended": "cut_short"}),
        automation("long break", "break_started", options={"break": "long_break"}),
        automation("short break", "break_started", options={"break": "short_break"}),
        automation("long break done", "break_ended", options={"break": "long_break"}),
    )
    hass.config_entries.async_update_entry(
        mock_config_entry, options={**mock_config_entry.options, "long_break_every": 1}
    )
    await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    await call(hass, "start")
    await advance(timedelta(minutes=25))  # completed, then the long break (every block)
    await advance(timedelta(minutes=15))  # the long break completes
    await call(hass, "start")
    await call(hass, "skip")  # cut short, not counted: a short break starts
    await call(hass, "stop")

    assert recorded(calls, "event", "phase") == [
        ("completed", "focus_completed", "focus"),
        ("long break", "break_started", "long_break"),
        ("long break done", "break_completed", "long_break"),
        ("cut short", "skipped", "focus"),
        ("short break", "break_started", "short_break"),
    ]


async def test_skipping_or_stopping_a_waiting_phase_ends_nothing(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(
        hass,
        automation("focus ended", "focus_ended"),
        automation("break ended", "break_ended"),
        automation("break started", "break_started"),
    )
    await call(hass, "start", phase="short_break")
    await advance(timedelta(minutes=5))  # the break completes, the focus block waits
    calls.clear()
    await call(hass, "skip")  # skips the waiting focus block: a break starts, nothing ended
    await call(hass, "stop")  # the break that ran is cut short
    await call(hass, "stop")  # nothing runs: nothing ends
    assert recorded(calls, "event", "ended") == [
        ("break started", "break_started", "-"),
        ("break ended", "stopped", "cut_short"),
    ]


async def test_session_completed_fires_after_the_last_block(
    hass: HomeAssistant,
    calls: list[ServiceCall],
    advance: Advance,
    mock_config_entry: MockConfigEntry,
) -> None:
    await async_automations(hass, automation("done", "session_completed"))
    await call(hass, "start")
    hass.config_entries.async_update_entry(
        mock_config_entry, options={**mock_config_entry.options, "session_target": 1}
    )
    await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await advance(timedelta(minutes=25))
    assert recorded(calls, "event", "phase", "block") == [("done", "session_completed", "focus", 1)]
    await advance(timedelta(hours=2))
    assert len(calls) == 1


async def test_a_target_chooses_the_timer(
    hass: HomeAssistant, calls: list[ServiceCall], area_registry: ar.AreaRegistry
) -> None:
    other = MockConfigEntry(
        domain=DOMAIN, title="Desk", options=dict(DEFAULT_OPTIONS), entry_id="desk_entry"
    )
    other.add_to_hass(hass)
    assert await hass.config_entries.async_setup(other.entry_id)
    await hass.async_block_till_done()
    office = area_registry.async_create("Office")
    dr.async_get(hass).async_update_device(device_id(hass, "desk_entry"), area_id=office.id)

    await async_automations(
        hass,
        automation("any timer", "focus_started"),
        automation("study device", "focus_started", target={CONF_DEVICE_ID: device_id(hass)}),
        automation("desk entity", "focus_started", target={CONF_ENTITY_ID: "sensor.desk_phase"}),
        automation("office", "focus_started", target={"area_id": office.id}),
        automation("nowhere", "focus_started", target={"area_id": "nowhere"}),
    )
    await hass.services.async_call(
        DOMAIN, "start", {CONF_DEVICE_ID: device_id(hass)}, blocking=True
    )
    await hass.async_block_till_done()
    assert sorted(recorded(calls, "timer")) == [("any timer", "Study"), ("study device", "Study")]
    calls.clear()
    await hass.services.async_call(
        DOMAIN, "start", {CONF_DEVICE_ID: device_id(hass, "desk_entry")}, blocking=True
    )
    await hass.async_block_till_done()
    assert sorted(recorded(calls, "timer")) == [
        ("any timer", "Desk"),
        ("desk entity", "Desk"),
        ("office", "Desk"),
    ]


async def test_triggers_follow_a_reloaded_timer(
    hass: HomeAssistant, calls: list[ServiceCall], mock_config_entry: MockConfigEntry
) -> None:
    await async_automations(hass, automation("focus started", "focus_started"))
    await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await call(hass, "start")
    assert recorded(calls, "event") == [("focus started", "focus_started")]
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await call(hass, "stop")
    await call(hass, "start", phase="focus")
    assert recorded(calls, "event") == [("focus started", "focus_started")] * 2


async def test_a_catch_up_after_a_restart_fires_no_trigger(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    calls: list[ServiceCall],
    mock_config_entry: MockConfigEntry,
) -> None:
    await async_automations(hass, automation("focus ended", "focus_ended"))
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    session = Session(Settings())
    session.start(NOW - timedelta(hours=1))
    store_session(hass_storage, session)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert state(hass, "sensor.study_focus_blocks_today") == "1"
    assert calls == []
