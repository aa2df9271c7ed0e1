"""A light someone else changes during focus is left alone, reported, and can be handed back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import Context, Event, HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_capture_events,
)

from custom_components.tomatoes.logbook import async_describe_events
from tests.conftest import Advance

from .bench import BenchLight, light_calls, light_view
from .conftest import FOCUS_BRIGHTNESS
from .test_focus import start

SWITCH = "switch.study_focus_lighting"


def brightness(hass: HomeAssistant, entity_id: str) -> int | None:
    """Return a light's brightness as the state machine shows it."""
    return hass.states.get(entity_id).attributes.get("brightness")


async def call(hass: HomeAssistant, domain: str, service: str, **data: Any) -> None:
    """Call an action as the owner does from the dashboard, and let the lights follow."""
    owner = next(user for user in await hass.auth.async_get_users() if user.is_owner)
    await hass.services.async_call(
        domain, service, data, blocking=True, context=Context(user_id=owner.id)
    )
    await hass.async_block_till_done()


@pytest.fixture(autouse=True)
async def owner(hass: HomeAssistant, hass_owner_user: MockUser) -> MockUser:
    """Make sure the home has an owner who changes lights by hand."""
    return hass_owner_user


async def test_a_person_changing_a_light_takes_it_over_for_the_rest_of_the_block(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
    advance: Advance,
) -> None:
    reports = async_capture_events(hass, "tomatoes_light_taken_over")
    await start(hass)
    assert hass.states.get(SWITCH).state == STATE_ON
    await advance(timedelta(minutes=3))

    await call(hass, "light", "turn_on", entity_id="light.desk", brightness=255)

    assert len(reports) == 1
    assert reports[0].data == {
        "entry_id": "study_entry",
        "timer": "Study",
        "entity_id": "light.desk",
    }
    assert reports[0].context.user_id is not None
    switch = hass.states.get(SWITCH)
    assert switch.state == STATE_OFF
    assert switch.attributes["taken_over"] == ["light.desk"]

    service_events.clear()
    await advance(timedelta(minutes=22))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    # The desk keeps what the person chose; the others are given back.
    assert brightness(hass, "light.desk") == 255
    assert brightness(hass, "light.ceiling") == 255
    assert brightness(hass, "light.shelf_right") == 60
    assert "light.desk" not in {call.entity_id for call in light_calls(service_events)}
    assert hass.states.get(SWITCH).state == STATE_ON


@pytest.mark.parametrize(
    ("light", "change", "missed_level"),
    [
        ("ceiling", {"on": False}, False),  # the wall switch
        ("desk", {"hs_color": (200.0, 60.0)}, False),  # the bulb's app: the colour only
        ("desk", {"on": False}, True),  # its level call had failed: it kept its snapshot
    ],
)
async def test_any_change_by_someone_else_takes_the_light_over(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    light: str,
    change: dict[str, Any],
    missed_level: bool,
    advance: Advance,
) -> None:
    bench[light].fail = missed_level
    await start(hass)
    await advance(timedelta(minutes=1))
    bench[light].fail = False
    bench[light].by_hand(**change)
    await hass.async_block_till_done()
    assert hass.states.get(SWITCH).attributes["taken_over"] == [f"light.{light}"]
    left = light_view(hass, f"light.{light}")
    await advance(timedelta(minutes=24))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    # Left as the person left it, not given its snapshot back; the others are given back.
    assert light_view(hass, f"light.{light}") == left
    assert brightness(hass, "light.shelf_right") == 60


async def test_a_light_waiting_to_be_given_back_and_changed_by_hand_is_left_alone(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    advance: Advance,
) -> None:
    await start(hass)
    bench["desk"].fail = True
    await advance(timedelta(minutes=25))  # the give-back fails: the desk keeps the level
    assert brightness(hass, "light.desk") == FOCUS_BRIGHTNESS
    await advance(timedelta(minutes=1))
    bench["desk"].by_hand(on=False)  # then a person switches it off at the wall
    await hass.async_block_till_done()
    bench["desk"].fail = False
    bench["desk"].unplug()  # it reconnects
    bench["desk"].plug_in()
    await hass.async_block_till_done()
    assert hass.states.get("light.desk").state == STATE_OFF


@pytest.mark.parametrize("light_changes", [{"light_transition": 30}])
async def test_reports_on_the_way_to_the_level_are_not_a_take_over(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    advance: Advance,
) -> None:
    reports = async_capture_events(hass, "tomatoes_light_taken_over")
    await start(hass)
    # Ten seconds into a 30 s fade the bulb reports a value between where it was (255) and
    # the focus level: that is our fade, even though the report carries no context of ours.
    await advance(timedelta(seconds=10))
    bench["ceiling"].by_hand(brightness=150)
    await hass.async_block_till_done()
    # It settles at the level later.
    await advance(timedelta(seconds=25))
    bench["ceiling"].by_hand(brightness=FOCUS_BRIGHTNESS + 2)
    await hass.async_block_till_done()
    assert reports == []
    assert hass.states.get(SWITCH).state == STATE_ON
    # Long after the fade, the same value is someone else's doing.
    await advance(timedelta(minutes=1))
    bench["ceiling"].by_hand(brightness=150)
    await hass.async_block_till_done()
    assert [event.data["entity_id"] for event in reports] == ["light.ceiling"]


async def test_hand_back_action_returns_a_light_to_the_timer(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=1))
    await call(hass, "light", "turn_on", entity_id="light.desk", brightness=255)
    assert hass.states.get(SWITCH).state == STATE_OFF

    await call(hass, "tomatoes", "hand_back_lights", lights=["light.desk"])
    assert brightness(hass, "light.desk") == FOCUS_BRIGHTNESS
    assert hass.states.get(SWITCH).state == STATE_ON
    # Handed back means restored at the end, to how it was before focus.
    await advance(timedelta(minutes=24))
    assert brightness(hass, "light.desk") == 200


async def test_the_switch_hands_back_and_lets_go(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=1))
    await call(hass, "light", "turn_on", entity_id="light.desk", brightness=255)
    await call(hass, "light", "turn_off", entity_id="light.ceiling")
    assert hass.states.get(SWITCH).attributes["taken_over"] == ["light.ceiling", "light.desk"]

    await call(hass, "switch", "turn_on", entity_id=SWITCH)
    assert brightness(hass, "light.desk") == FOCUS_BRIGHTNESS
    assert brightness(hass, "light.ceiling") == FOCUS_BRIGHTNESS
    assert hass.states.get(SWITCH).state == STATE_ON

    # Off: every light goes back now, and the timer leaves them alone for this block.
    await call(hass, "switch", "turn_off", entity_id=SWITCH)
    assert brightness(hass, "light.desk") == 200
    assert brightness(hass, "light.shelf_left") == 120
    assert hass.states.get(SWITCH).state == STATE_OFF
    service_events.clear()
    await advance(timedelta(minutes=24))
    assert light_calls(service_events) == []
    assert hass.states.get(SWITCH).state == STATE_ON


async def test_a_taken_over_light_joins_the_next_block_with_a_fresh_snapshot(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=1))
    await call(hass, "light", "turn_on", entity_id="light.desk", brightness=240)
    await advance(timedelta(minutes=24))
    assert brightness(hass, "light.desk") == 240
    await start(hass, phase="focus", restart=True)
    assert brightness(hass, "light.desk") == FOCUS_BRIGHTNESS
    await start(hass, phase="short_break", restart=True)
    assert brightness(hass, "light.desk") == 240


@pytest.mark.parametrize("light_changes", [{"light_break_mode": "focus"}])
async def test_a_new_block_takes_lights_back_even_when_breaks_keep_the_level(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=1))
    await call(hass, "light", "turn_on", entity_id="light.desk", brightness=240)
    await start(hass, phase="focus", restart=True)
    assert brightness(hass, "light.desk") == FOCUS_BRIGHTNESS
    assert hass.states.get(SWITCH).state == STATE_ON
    await call(hass, "tomatoes", "stop")
    assert brightness(hass, "light.desk") == 240


async def test_hand_back_refuses_what_it_cannot_do(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "tomatoes", "hand_back_lights")
    assert err.value.translation_key == "lighting_not_active"
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "switch", "turn_off", entity_id=SWITCH)
    assert err.value.translation_key == "lighting_not_active"

    await start(hass)
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "tomatoes", "hand_back_lights", lights=["light.kitchen"])
    assert err.value.translation_key == "light_not_managed"
    assert err.value.translation_placeholders == {"name": "Study", "lights": "light.kitchen"}
    # Nothing taken over: handing back changes nothing.
    await call(hass, "tomatoes", "hand_back_lights")
    await call(hass, "switch", "turn_on", entity_id=SWITCH)
    assert brightness(hass, "light.desk") == FOCUS_BRIGHTNESS


async def test_the_logbook_names_the_light_and_the_timer(
    hass: HomeAssistant, init_integration: MockConfigEntry, advance: Advance
) -> None:
    described: dict[str, Any] = {}

    def register(domain: str, event_type: str, describe: Any) -> None:
        described[event_type] = describe

    async_describe_events(hass, register)
    reports = async_capture_events(hass, "tomatoes_light_taken_over")
    await start(hass)
    await advance(timedelta(minutes=1))
    await call(hass, "light", "turn_on", entity_id="light.desk", brightness=255)
    line = described["tomatoes_light_taken_over"](reports[0])
    assert line == {
        "name": "Desk",
        "message": "was taken over during focus (Study); "
        "Tomatoes leaves it alone until the block ends",
        "entity_id": "light.desk",
    }
