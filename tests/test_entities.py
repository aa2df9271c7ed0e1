"""Buttons, numbers, select, switches and the focusing sensor, as a user works them."""

from __future__ import annotations

from datetime import timedelta

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.components.number import ATTR_VALUE, DOMAIN as NUMBER_DOMAIN, SERVICE_SET_VALUE
from homeassistant.components.switch import DOMAIN as SWITCH_DOMAIN
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import Advance, state


async def press(hass: HomeAssistant, key: str) -> None:
    """Press one of the Study timer's buttons."""
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: f"button.study_{key}"}, blocking=True
    )


async def test_one_device_with_all_entities(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    (device,) = dr.async_entries_for_config_entry(device_registry, init_integration.entry_id)
    assert device.name == "Study"
    assert device.entry_type is None
    entities = er.async_entries_for_config_entry(entity_registry, init_integration.entry_id)
    assert all(entity.device_id == device.id for entity in entities)
    assert len({entity.unique_id for entity in entities}) == len(entities) == 27
    assert {entity.translation_key for entity in entities} >= {
        "phase",
        "ends_at",
        "remaining",
        "completed_today",
        "focus_minutes_today",
        "task",
        "focusing",
        "transition",
        "start_focus",
        "pause_resume",
        "mode",
        "mode_focus_today",
        "auto_start_breaks",
        "sound",
        "sound_volume",
    }


@pytest.mark.usefixtures("init_integration")
async def test_buttons(hass: HomeAssistant) -> None:
    await press(hass, "start_focus")
    assert state(hass, "sensor.study_phase") == "focus"
    await press(hass, "skip_phase")
    assert state(hass, "sensor.study_phase") == "short_break"
    await press(hass, "stop")
    assert state(hass, "sensor.study_phase") == "idle"
    with pytest.raises(ServiceValidationError) as err:
        await press(hass, "skip_phase")
    assert err.value.translation_key == "not_active"


@pytest.mark.usefixtures("init_integration")
async def test_numbers_change_the_next_phase(hass: HomeAssistant, advance: Advance) -> None:
    await hass.services.async_call("tomatoes", "start", {}, blocking=True)
    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: "number.study_short_break_duration", ATTR_VALUE: 8},
        blocking=True,
    )
    assert state(hass, "number.study_short_break_duration") == "8.0"
    mode = hass.states.get("select.study_mode")
    assert mode.state == "classic"
    assert mode.attributes["modified_parts"] == ["short_break_minutes"]
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:25:00+00:00"
    await advance(timedelta(minutes=25))
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:33:00+00:00"

    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: "number.study_long_break_every", ATTR_VALUE: 1},
        blocking=True,
    )
    await hass.services.async_call("tomatoes", "start", {"phase": "focus"}, blocking=True)
    assert state(hass, "sensor.study_next_phase") == "long_break"


@pytest.mark.usefixtures("init_integration")
async def test_number_refuses_a_long_break_shorter_than_the_short_one(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            NUMBER_DOMAIN,
            SERVICE_SET_VALUE,
            {ATTR_ENTITY_ID: "number.study_long_break_duration", ATTR_VALUE: 2},
            blocking=True,
        )
    assert err.value.translation_key == "long_break_too_short"
    assert state(hass, "number.study_long_break_duration") == "15.0"
    assert init_integration.options["long_break_minutes"] == 15


@pytest.mark.usefixtures("init_integration")
async def test_auto_start_switches(hass: HomeAssistant, advance: Advance) -> None:
    await hass.services.async_call(
        SWITCH_DOMAIN,
        SERVICE_TURN_OFF,
        {ATTR_ENTITY_ID: "switch.study_start_breaks_automatically"},
        blocking=True,
    )
    await hass.services.async_call(
        SWITCH_DOMAIN,
        SERVICE_TURN_ON,
        {ATTR_ENTITY_ID: "switch.study_start_focus_automatically"},
        blocking=True,
    )
    assert state(hass, "switch.study_start_breaks_automatically") == "off"
    await hass.services.async_call("tomatoes", "start", {}, blocking=True)
    await advance(timedelta(minutes=25))
    assert state(hass, "sensor.study_status") == "ready"
    assert state(hass, "sensor.study_next_phase") == "short_break"
    assert state(hass, "binary_sensor.study_focusing") == "off"
    await hass.services.async_call("tomatoes", "start", {}, blocking=True)
    await advance(timedelta(minutes=5))
    assert state(hass, "sensor.study_phase") == "focus", "focus started by itself"


@pytest.mark.usefixtures("init_integration")
async def test_daily_counts_fall_back_to_zero_at_midnight(
    hass: HomeAssistant, advance: Advance
) -> None:
    # The test instance runs on US/Pacific time: 09:00 UTC is 01:00 there.
    await hass.services.async_call("tomatoes", "start", {}, blocking=True)
    await advance(timedelta(minutes=25))
    assert state(hass, "sensor.study_focus_blocks_today") == "1"
    assert state(hass, "sensor.study_focus_time_today") == "25.0"
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await advance(timedelta(hours=22, minutes=34))  # 23:59:00 local
    assert state(hass, "sensor.study_focus_blocks_today") == "1"
    await advance(timedelta(minutes=1))  # midnight local
    assert state(hass, "sensor.study_focus_blocks_today") == "0"
    assert state(hass, "sensor.study_focus_time_today") == "0.0"
