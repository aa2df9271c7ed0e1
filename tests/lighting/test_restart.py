"""Snapshots survive restarts and reloads: lights come back as if nothing had happened."""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, Event, HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from tests.conftest import NOW, Advance, async_set_up, store, store_focus

from .bench import BenchLight, light_calls, light_view
from .conftest import FOCUS_BRIGHTNESS
from .test_focus import start

LIGHTS_KEY = f"{DOMAIN}.study_entry.lights"

# What the previous run stored: the desk (colour temperature), the strip (RGB with an
# effect) and the ceiling (dimmer), each dimmed to the focus level by Tomatoes.
STORED_LIGHTS: dict[str, Any] = {
    "light.desk": {
        "snapshot": {
            "on": True,
            "brightness": 200,
            "color_mode": "color_temp",
            "color": {"color_temp_kelvin": 4000},
            "effect": None,
        },
        "expected": {
            "brightness": FOCUS_BRIGHTNESS,
            "from_brightness": 200,
            "kelvin": None,
            "from_kelvin": None,
            "settled": "2026-11-26T08:50:10+00:00",
        },
        "taken_over": False,
        "adaptive_switch": None,
    },
    "light.strip": {
        "snapshot": {
            "on": True,
            "brightness": 180,
            "color_mode": "rgb",
            "color": {"rgb_color": [255, 40, 0]},
            "effect": "candle",
        },
        "expected": {
            "brightness": FOCUS_BRIGHTNESS,
            "from_brightness": 180,
            "kelvin": None,
            "from_kelvin": None,
            "settled": "2026-11-26T08:50:10+00:00",
        },
        "taken_over": False,
        "adaptive_switch": None,
    },
    "light.ceiling": {
        "snapshot": {"on": True, "brightness": 255, "color_mode": "brightness", "color": None},
        "expected": None,
        "taken_over": True,
        "adaptive_switch": None,
    },
}


@pytest.fixture
def light_changes() -> dict[str, Any]:
    """Dim the three lights the stored run holds."""
    return {"light_entities": ["light.ceiling", "light.desk", "light.strip"], "light_areas": []}


def seed(hass_storage: dict[str, Any], focus_started: datetime) -> None:
    """Store a focus block started at ``focus_started`` and the lights it dimmed."""
    store_focus(hass_storage, focus_started)
    store(hass_storage, LIGHTS_KEY, {"mode": "focus", "lights": deepcopy(STORED_LIGHTS)})


def as_left_by_focus(bench: dict[str, BenchLight]) -> None:
    """Put the lights as the previous run left them: dimmed, the ceiling turned up by hand."""
    bench["desk"].by_hand(brightness=FOCUS_BRIGHTNESS)
    bench["strip"].by_hand(brightness=FOCUS_BRIGHTNESS)
    bench["ceiling"].by_hand(brightness=140)


async def test_restart_mid_block_restores_from_storage_at_the_end(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    service_events: list[Event[Any]],
    advance: Advance,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    as_left_by_focus(bench)
    await async_set_up(hass, mock_config_entry, freezer)
    assert hass.states.get("sensor.study_phase").state == "focus"
    # Carrying on: nothing is sent again, and the take-over of the ceiling still holds.
    assert light_calls(service_events) == []
    assert hass.states.get("switch.study_focus_lighting").attributes["taken_over"] == [
        "light.ceiling"
    ]

    await advance(timedelta(minutes=15))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    desk = light_view(hass, "light.desk")
    assert (desk["brightness"], desk["color_mode"], desk["color_temp_kelvin"]) == (
        200,
        "color_temp",
        4000,
    )
    strip = light_view(hass, "light.strip")
    assert (strip["brightness"], strip["rgb_color"], strip["effect"]) == (
        180,
        (255, 40, 0),
        "candle",
    )
    assert light_view(hass, "light.ceiling")["brightness"] == 140
    assert hass_storage[LIGHTS_KEY]["data"]["lights"] == {}


async def test_a_light_changed_while_home_assistant_was_down_is_taken_over(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    advance: Advance,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    as_left_by_focus(bench)
    bench["desk"].by_hand(on=False)  # switched off at the wall while Home Assistant was down
    await async_set_up(hass, mock_config_entry, freezer)
    assert hass.states.get("switch.study_focus_lighting").attributes["taken_over"] == [
        "light.ceiling",
        "light.desk",
    ]
    await advance(timedelta(minutes=15))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    assert hass.states.get("light.desk").state == "off"  # as the person left it
    assert light_view(hass, "light.strip")["brightness"] == 180


async def test_a_block_that_ended_while_home_assistant_was_down_is_restored_at_start(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=27))
    as_left_by_focus(bench)
    await async_set_up(hass, mock_config_entry, freezer)
    assert hass.states.get("sensor.study_phase").state == "short_break"
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert light_view(hass, "light.strip")["effect"] == "candle"
    assert light_view(hass, "light.ceiling")["brightness"] == 140


async def test_a_light_still_unavailable_after_a_restart_is_restored_when_it_returns(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=27))
    as_left_by_focus(bench)
    bench["desk"].unplug()
    await async_set_up(hass, mock_config_entry, freezer)
    assert light_view(hass, "light.strip")["brightness"] == 180
    issue = issue_registry.async_get_issue(DOMAIN, "light_study_entry_light.desk")
    assert issue is not None
    assert issue.translation_key == "light_unavailable"
    assert issue.translation_placeholders["name"] == "Desk"
    # Still stored: a snapshot is never dropped before the light got it back.
    assert "light.desk" in hass_storage[LIGHTS_KEY]["data"]["lights"]

    bench["desk"].plug_in()
    await hass.async_block_till_done()
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert issue_registry.async_get_issue(DOMAIN, "light_study_entry_light.desk") is None
    assert hass_storage[LIGHTS_KEY]["data"]["lights"] == {}


async def test_a_reload_mid_block_keeps_snapshots_and_take_overs(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    service_events: list[Event[Any]],
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=1))
    bench["ceiling"].by_hand(brightness=140)
    await hass.async_block_till_done()

    service_events.clear()
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert light_calls(service_events) == []
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS

    await advance(timedelta(minutes=24))
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert light_view(hass, "light.ceiling")["brightness"] == 140


async def test_lights_added_in_the_options_mid_block_join_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "lighting"}
    )
    user_input = {
        key: value for key, value in init_integration.options.items() if key.startswith("light_")
    }
    user_input["light_entities"] = [*user_input["light_entities"], "light.reading"]
    await hass.config_entries.options.async_configure(result["flow_id"], user_input)
    await hass.async_block_till_done()
    assert light_view(hass, "light.reading")["brightness"] == FOCUS_BRIGHTNESS
    await advance(timedelta(minutes=25))
    assert light_view(hass, "light.reading")["brightness"] == 230


@pytest.mark.parametrize("light_changes", [{"light_entities": [], "light_areas": []}])
async def test_switching_focus_lighting_off_mid_block_gives_the_lights_back(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    as_left_by_focus(bench)
    await async_set_up(hass, mock_config_entry, freezer)
    assert hass.states.get("sensor.study_phase").state == "focus"
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert hass.states.get("switch.study_focus_lighting") is None


async def test_removing_the_timer_mid_block_gives_the_lights_back(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    assert LIGHTS_KEY in hass_storage
    assert await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert light_view(hass, "light.strip")["brightness"] == 180
    assert LIGHTS_KEY not in hass_storage


async def test_nothing_is_touched_before_home_assistant_has_started(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    service_events: list[Event[Any]],
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=27))
    as_left_by_focus(bench)
    hass.set_state(CoreState.starting)
    await async_set_up(hass, mock_config_entry, freezer)
    assert light_calls(service_events) == []
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()
    assert light_view(hass, "light.desk")["brightness"] == 200


async def test_unreadable_snapshots_do_not_stop_the_timer(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    issue_registry: ir.IssueRegistry,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    hass_storage[LIGHTS_KEY]["data"] = {"mode": "disco", "lights": {}}
    await async_set_up(hass, mock_config_entry, freezer)
    assert hass.states.get("sensor.study_phase").state == "focus"
    assert "mode: unknown 'disco'" in caplog.text
    damaged = issue_registry.async_get_issue(DOMAIN, f"damaged_{LIGHTS_KEY}")
    assert damaged is not None
    assert damaged.translation_key == "damaged_store"
    # The block goes on with fresh snapshots.
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS


async def test_removal_gives_back_what_it_can_and_leaves_what_a_person_chose(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    as_left_by_focus(bench)
    await async_set_up(hass, mock_config_entry, freezer)
    bench["strip"].fail = True
    assert await hass.config_entries.async_remove(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert light_view(hass, "light.ceiling")["brightness"] == 140
    assert light_view(hass, "light.strip")["brightness"] == FOCUS_BRIGHTNESS
    assert LIGHTS_KEY not in hass_storage


async def test_a_light_that_missed_the_level_before_a_restart_gets_it_after(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    hass_storage[LIGHTS_KEY]["data"]["lights"]["light.desk"]["expected"] = None
    as_left_by_focus(bench)
    bench["desk"].by_hand(brightness=200)  # the dim never reached it
    await async_set_up(hass, mock_config_entry, freezer)
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    assert light_view(hass, "light.ceiling")["brightness"] == 140
