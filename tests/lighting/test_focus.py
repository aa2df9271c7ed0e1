"""Focus dims the chosen lights and the end of the block gives each one back exactly."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import Event, HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from tests.conftest import Advance

from .bench import BenchLight, light_calls, light_view
from .conftest import FOCUS_BRIGHTNESS

DIMMED = (
    "light.ceiling",
    "light.desk",
    "light.reading",
    "light.shelf_left",
    "light.shelf_right",
    "light.strip",
)
UNTOUCHED = ("light.fan_light", "light.floor_lamp")


async def start(hass: HomeAssistant, **data: Any) -> None:
    """Start a phase as a person would, and let the lights follow."""
    await hass.services.async_call("tomatoes", "start", data, blocking=True)
    await hass.async_block_till_done()


def views(hass: HomeAssistant) -> dict[str, dict[str, Any]]:
    """Return how every bench light looks."""
    return {entity_id: light_view(hass, entity_id) for entity_id in DIMMED + UNTOUCHED}


async def test_focus_dims_every_kind_of_light_and_the_break_restores_it_exactly(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
    advance: Advance,
) -> None:
    before = views(hass)
    await start(hass)

    during = views(hass)
    for entity_id in DIMMED:
        assert during[entity_id]["brightness"] == FOCUS_BRIGHTNESS, entity_id
    # Only the brightness changed: colour mode, colour and effect stay as they were.
    assert during["light.desk"]["color_mode"] == "color_temp"
    assert during["light.desk"]["color_temp_kelvin"] == 4000
    assert during["light.strip"]["rgb_color"] == (255, 40, 0)
    assert during["light.strip"]["effect"] == "candle"
    # An on/off light that is on has nothing to dim; a light that is off stays off.
    for entity_id in UNTOUCHED:
        assert during[entity_id] == before[entity_id]

    calls = light_calls(service_events)
    assert {(call.service, call.entity_id) for call in calls} == {
        ("turn_on", entity_id) for entity_id in DIMMED
    }
    for call in calls:
        assert call.data == {"brightness": FOCUS_BRIGHTNESS, "transition": 5}
        # Our own context: not a person's, and recorded on the light's new state.
        assert call.context.user_id is None
        assert hass.states.get(call.entity_id).context.id == call.context.id

    service_events.clear()
    await advance(timedelta(minutes=25))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    assert views(hass) == before
    restore = {call.entity_id: call for call in light_calls(service_events)}
    assert set(restore) == set(DIMMED)
    assert restore["light.desk"].data == {
        "brightness": 200,
        "color_temp_kelvin": 4000,
        "transition": 5,
    }
    assert restore["light.strip"].data == {
        "brightness": 180,
        "rgb_color": [255, 40, 0],
        "effect": "candle",
        "transition": 5,
    }
    assert restore["light.shelf_left"].data == {"brightness": 120, "transition": 5}
    assert restore["light.shelf_right"].data == {"brightness": 60, "transition": 5}


async def test_a_light_group_is_dimmed_member_by_member(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
) -> None:
    await start(hass)
    touched = {call.entity_id for call in light_calls(service_events)}
    assert "light.shelf" not in touched
    assert {"light.shelf_left", "light.shelf_right"} <= touched
    await start(hass, phase="short_break", restart=True)
    # Members differed (120 and 60): each gets its own level back.
    assert hass.states.get("light.shelf_left").attributes["brightness"] == 120
    assert hass.states.get("light.shelf_right").attributes["brightness"] == 60


@pytest.mark.parametrize("light_changes", [{"light_color_temp_kelvin": 2700}])
async def test_colour_temperature_goes_to_the_lights_that_can_show_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    service_events: list[Event[Any]],
) -> None:
    await start(hass)
    sent = {call.entity_id: call.data for call in light_calls(service_events)}
    # Colour temperature lights get the temperature; a dimmer-only light gets brightness only;
    # an RGB light gets the temperature emulated in colour by Home Assistant.
    assert sent["light.desk"] == {
        "brightness": FOCUS_BRIGHTNESS,
        "color_temp_kelvin": 2700,
        "transition": 5,
    }
    assert sent["light.ceiling"] == {"brightness": FOCUS_BRIGHTNESS, "transition": 5}
    assert sent["light.strip"]["color_temp_kelvin"] == 2700
    assert bench["strip"].received[-1]["rgb_color"] != (255, 40, 0)
    assert light_view(hass, "light.desk")["color_temp_kelvin"] == 2700

    await start(hass, phase="short_break", restart=True)
    assert light_view(hass, "light.desk")["color_temp_kelvin"] == 4000
    strip = light_view(hass, "light.strip")
    assert strip["color_mode"] == "rgb"
    assert strip["rgb_color"] == (255, 40, 0)
    assert strip["effect"] == "candle"


@pytest.mark.parametrize("light_changes", [{"light_turn_on": True}])
async def test_lights_that_were_off_are_turned_on_for_focus_and_off_again(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
) -> None:
    assert hass.states.get("light.floor_lamp").state == STATE_OFF
    await start(hass)
    lamp = hass.states.get("light.floor_lamp")
    assert lamp.state == STATE_ON
    assert lamp.attributes["brightness"] == FOCUS_BRIGHTNESS
    service_events.clear()
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hass.async_block_till_done()
    assert hass.states.get("light.floor_lamp").state == STATE_OFF
    (turn_off,) = [
        call for call in light_calls(service_events) if call.entity_id == "light.floor_lamp"
    ]
    assert turn_off.service == "turn_off"
    assert turn_off.data == {"transition": 5}


async def test_pause_keeps_focus_lighting_and_stop_restores(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await start(hass)
    await hass.services.async_call("tomatoes", "pause", {}, blocking=True)
    await hass.async_block_till_done()
    assert hass.states.get("light.desk").attributes["brightness"] == FOCUS_BRIGHTNESS
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hass.async_block_till_done()
    assert hass.states.get("light.desk").attributes["brightness"] == 200


@pytest.mark.parametrize("light_changes", [{"light_break_mode": "break_level"}])
async def test_break_level_holds_the_snapshot_until_the_lights_are_given_back(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=25))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    # 70 % during the break.
    assert hass.states.get("light.desk").attributes["brightness"] == 178
    await advance(timedelta(minutes=5))
    # The break ended and focus waits for a person: the break level stays.
    assert hass.states.get("sensor.study_status").state == "ready"
    assert hass.states.get("light.desk").attributes["brightness"] == 178
    await start(hass)
    assert hass.states.get("light.desk").attributes["brightness"] == FOCUS_BRIGHTNESS
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hass.async_block_till_done()
    assert hass.states.get("light.desk").attributes["brightness"] == 200


@pytest.mark.parametrize("light_changes", [{"light_break_mode": "focus"}])
async def test_breaks_can_keep_the_focus_level(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=25))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    assert hass.states.get("light.desk").attributes["brightness"] == FOCUS_BRIGHTNESS
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hass.async_block_till_done()
    assert hass.states.get("light.desk").attributes["brightness"] == 200


@pytest.mark.parametrize("light_changes", [{"light_focus_brightness": 100}])
async def test_a_light_already_as_it_was_gets_no_restore_call(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
) -> None:
    await start(hass)
    # The ceiling was at full brightness already; the desk went up to it.
    assert hass.states.get("light.desk").attributes["brightness"] == 255
    service_events.clear()
    await start(hass, phase="short_break", restart=True)
    restored = {call.entity_id for call in light_calls(service_events)}
    assert "light.desk" in restored
    assert "light.ceiling" not in restored
    assert hass.states.get("light.ceiling").attributes["brightness"] == 255
    assert hass.states.get("light.desk").attributes["brightness"] == 200
