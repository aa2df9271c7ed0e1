"""The Tomatoes actions: what each does, how targets resolve, and refused input."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from .conftest import Advance, state


async def call(hass: HomeAssistant, service: str, data: dict[str, Any] | None = None) -> Any:
    """Call a Tomatoes action and wait for it."""
    return await hass.services.async_call(DOMAIN, service, data or {}, blocking=True)


@pytest.mark.usefixtures("init_integration")
async def test_start_pause_resume_extend_skip_stop(hass: HomeAssistant, advance: Advance) -> None:
    await call(hass, "start", {"task": "Write the report"})
    assert state(hass, "sensor.study_phase") == "focus"
    assert state(hass, "sensor.study_status") == "running"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:25:00+00:00"
    assert hass.states.get("sensor.study_status").attributes["task"] == "Write the report"
    assert state(hass, "binary_sensor.study_focusing") == "on"

    await advance(timedelta(minutes=10))
    await call(hass, "pause")
    assert state(hass, "sensor.study_status") == "paused"
    assert hass.states.get("sensor.study_status").attributes["time_left"] == 15.0
    assert state(hass, "sensor.study_phase_ends_at") == "unknown"
    assert state(hass, "binary_sensor.study_focusing") == "off"

    await advance(timedelta(minutes=30))
    await call(hass, "resume")
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:55:00+00:00"
    await call(hass, "extend", {"minutes": 5})
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T10:00:00+00:00"

    await call(hass, "skip")
    assert state(hass, "sensor.study_phase") == "short_break"
    assert state(hass, "sensor.study_focus_blocks_today") == "0"
    assert state(hass, "sensor.study_focus_time_today") == "10.0"

    await call(hass, "stop")
    assert state(hass, "sensor.study_phase") == "idle"
    assert state(hass, "sensor.study_status") == "idle"
    assert "task" not in hass.states.get("sensor.study_status").attributes


@pytest.mark.usefixtures("init_integration")
async def test_start_a_phase_with_its_own_duration(hass: HomeAssistant, advance: Advance) -> None:
    await call(hass, "start", {"phase": "long_break", "duration": {"minutes": 2}})
    assert state(hass, "sensor.study_phase") == "long_break"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:02:00+00:00"
    await advance(timedelta(minutes=2))
    assert state(hass, "sensor.study_status") == "ready"
    assert state(hass, "sensor.study_next_phase") == "focus"


@pytest.mark.usefixtures("init_integration")
async def test_start_with_a_mode_switches_the_timer(hass: HomeAssistant) -> None:
    await call(hass, "start", {"mode": "deep_focus"})
    assert state(hass, "select.study_mode") == "deep_focus"
    assert state(hass, "number.study_focus_duration") == "50.0"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:50:00+00:00"


@pytest.mark.usefixtures("init_integration")
async def test_toggle(hass: HomeAssistant) -> None:
    await call(hass, "toggle")
    assert state(hass, "sensor.study_status") == "running"
    await call(hass, "toggle")
    assert state(hass, "sensor.study_status") == "paused"
    await call(hass, "toggle")
    assert state(hass, "sensor.study_status") == "running"


@pytest.mark.usefixtures("init_integration")
async def test_status_returns_what_a_person_asks(hass: HomeAssistant, advance: Advance) -> None:
    await call(hass, "start", {"task": "Plan"})
    await advance(timedelta(minutes=5))
    response = await hass.services.async_call(
        DOMAIN, "status", {}, blocking=True, return_response=True
    )
    assert response == {
        "name": "Study",
        "phase": "focus",
        "status": "running",
        "next_phase": "short_break",
        "ends_at": "2026-11-26T09:25:00+00:00",
        "remaining_seconds": 1200,
        "completed_today": 0,
        "focus_minutes_today": 0.0,
        "task": "Plan",
    }


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize(
    ("service", "data", "key"),
    [
        ("start", {"phase": "nap"}, "invalid_phase"),
        ("start", {"preset": "marathon"}, "invalid_preset"),
        ("start", {"duration": "-00:05:00"}, "invalid_duration"),
        ("start", {"duration": {"seconds": 0}}, "invalid_duration"),
        ("start", {"duration": {"hours": 25}}, "invalid_duration"),
        ("extend", {"minutes": 0}, "invalid_extension"),
        ("extend", {"minutes": -5}, "invalid_extension"),
        ("extend", {"minutes": 241}, "invalid_extension"),
        ("extend", {"minutes": 5}, "not_active"),
        ("pause", {}, "not_running"),
        ("resume", {}, "not_paused"),
        ("skip", {}, "not_active"),
        ("start", {"entity_id": "sensor.not_a_timer"}, "invalid_target"),
    ],
)
async def test_refused_input_changes_nothing(
    hass: HomeAssistant, service: str, data: dict[str, Any], key: str
) -> None:
    before = {s.entity_id: s.state for s in hass.states.async_all()}
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, service, data)
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    assert {s.entity_id: s.state for s in hass.states.async_all()} == before


async def test_no_timer_set_up(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    await hass.config_entries.async_unload(init_integration.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "start")
    assert err.value.translation_key == "no_timers"


@pytest.fixture
async def two_timers(hass: HomeAssistant, init_integration: MockConfigEntry) -> MockConfigEntry:
    """Add a second timer, Kitchen, beside Study."""
    kitchen = MockConfigEntry(
        domain=DOMAIN,
        title="Kitchen",
        data={"name": "Kitchen"},
        options=dict(DEFAULT_OPTIONS),
        entry_id="kitchen_entry",
    )
    kitchen.add_to_hass(hass)
    assert await hass.config_entries.async_setup(kitchen.entry_id)
    await hass.async_block_till_done()
    return kitchen


async def test_with_several_timers_a_target_is_needed(
    hass: HomeAssistant, two_timers: MockConfigEntry, device_registry: dr.DeviceRegistry
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "start")
    assert err.value.translation_key == "target_required"

    (device,) = dr.async_entries_for_config_entry(device_registry, two_timers.entry_id)
    await call(hass, "start", {"device_id": device.id})
    assert state(hass, "sensor.kitchen_phase") == "focus"
    assert state(hass, "sensor.study_phase") == "idle"

    await call(hass, "start", {"entity_id": "sensor.study_phase", "phase": "short_break"})
    assert state(hass, "sensor.study_phase") == "short_break"
    assert state(hass, "sensor.kitchen_phase") == "focus"

    await call(hass, "stop", {"entity_id": ["sensor.study_phase", "sensor.kitchen_phase"]})
    assert state(hass, "sensor.study_phase") == "idle"
    assert state(hass, "sensor.kitchen_phase") == "idle"

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "status",
            {"entity_id": ["sensor.study_phase", "sensor.kitchen_phase"]},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_key == "single_target"
    response = await hass.services.async_call(
        DOMAIN, "status", {"device_id": device.id}, blocking=True, return_response=True
    )
    assert response is not None
    assert response["name"] == "Kitchen"


@pytest.mark.usefixtures("init_integration")
async def test_a_running_focus_block_is_not_lost_to_a_tap(
    hass: HomeAssistant, advance: Advance
) -> None:
    """Issue 8: "Start focus" during a block keeps it; replacing it takes restart."""
    await call(hass, "start", {"task": "Report"})
    await advance(timedelta(minutes=10))
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.study_start_focus"}, blocking=True
    )
    assert state(hass, "sensor.study_phase") == "focus"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:25:00+00:00"

    before = {s.entity_id: s.state for s in hass.states.async_all()}
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "start", {"phase": "short_break"})
    assert err.value.translation_key == "focus_running"
    assert err.value.translation_placeholders == {"name": "Study"}
    assert {s.entity_id: s.state for s in hass.states.async_all()} == before

    # A paused block is resumed by "Start focus", not started afresh.
    await call(hass, "pause")
    await advance(timedelta(minutes=5))
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.study_start_focus"}, blocking=True
    )
    assert state(hass, "sensor.study_status") == "running"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:30:00+00:00"

    # Restarting is an explicit choice: the block is replaced and not counted.
    await call(hass, "start", {"phase": "focus", "duration": {"minutes": 50}, "restart": True})
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T10:05:00+00:00"
    assert state(hass, "sensor.study_focus_blocks_today") == "0"
    assert state(hass, "sensor.study_focus_time_today") == "10.0"


@pytest.mark.usefixtures("init_integration")
async def test_entities_changed_by_an_action_carry_its_context(hass: HomeAssistant) -> None:
    context = Context()
    await hass.services.async_call(
        DOMAIN, "start", {"task": "Plan"}, blocking=True, context=context
    )
    for entity_id in ("sensor.study_phase", "sensor.study_status", "event.study_transition"):
        changed = hass.states.get(entity_id)
        assert changed is not None
        assert changed.context.id == context.id, entity_id
