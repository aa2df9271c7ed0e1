"""Snapshots, level data and expected states, on light states of many shapes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from homeassistant.core import State
import pytest

from custom_components.tomatoes.lighting.options import BreakAction, Level, LightingOptions
from custom_components.tomatoes.lighting.state import Expected, Snapshot, expected_after, level_data

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)
WARM = Level(brightness_pct=30, kelvin=2700)


def light(state: str = "on", **attributes: Any) -> State:
    """Return a light state with the given attributes."""
    return State("light.test", state, attributes)


def test_an_off_light_is_snapshotted_as_off_and_turned_off_again() -> None:
    snapshot = Snapshot.from_state(light("off", supported_color_modes=["brightness"]))
    assert snapshot == Snapshot(on=False)
    assert snapshot.restore_data(light("on")) is None
    assert snapshot.matches(light("off"))
    assert not snapshot.matches(light("on"))
    assert not snapshot.matches(light("unavailable"))


def test_a_light_without_a_colour_mode_keeps_the_first_colour_it_reports() -> None:
    snapshot = Snapshot.from_state(light(brightness=100, hs_color=(30.0, 80.0)))
    assert snapshot.color == {"hs_color": [30.0, 80.0]}
    restored = snapshot.restore_data(light(supported_color_modes=["hs"], effect_list=[]))
    assert restored == {"brightness": 100, "hs_color": [30.0, 80.0]}


def test_white_mode_comes_back_as_white() -> None:
    state = light(
        brightness=90,
        color_mode="white",
        supported_color_modes=["hs", "white"],
        effect="off",
    )
    snapshot = Snapshot.from_state(state)
    assert snapshot.effect is None
    assert snapshot.restore_data(state) == {"brightness": 90, "white": 90}
    assert snapshot.matches(state)


def test_an_effect_the_light_no_longer_offers_is_left_out() -> None:
    snapshot = Snapshot(on=True, brightness=50, color_mode="hs", effect="rainbow")
    assert snapshot.restore_data(light(supported_color_modes=["hs"], effect_list=["off"])) == {
        "brightness": 50
    }


def test_a_colour_mode_without_its_value_stores_no_colour() -> None:
    assert Snapshot.from_state(light(brightness=10, color_mode="xy")).color is None


@pytest.mark.parametrize(
    ("state", "turn_on", "expected"),
    [
        # Colour temperature lights get the temperature, clamped to what they can do.
        (
            light(supported_color_modes=["color_temp"], min_color_temp_kelvin=3000),
            False,
            {"brightness": 76, "color_temp_kelvin": 3000},
        ),
        # A colour light without colour temperature gets it emulated by Home Assistant.
        (light(supported_color_modes=["hs"]), False, {"brightness": 76, "color_temp_kelvin": 2700}),
        # An on/off light that is on has nothing to change; one that is off is switched on.
        (light(supported_color_modes=["onoff"]), False, None),
        (light("off", supported_color_modes=["onoff"]), True, {}),
        (light("off", supported_color_modes=["onoff"]), False, None),
        # A light that reports no colour modes is left alone.
        (light(), False, None),
    ],
)
def test_level_data_gives_each_light_what_it_supports(
    state: State, turn_on: bool, expected: dict[str, Any] | None
) -> None:
    assert level_data(state, WARM, turn_on=turn_on) == expected


def test_expectations_follow_the_transition_then_the_target() -> None:
    start = light(
        brightness=200,
        color_mode="color_temp",
        color_temp_kelvin=4000,
        supported_color_modes=["color_temp", "hs"],
    )
    data = level_data(start, WARM, turn_on=False)
    assert data is not None
    settled = NOW + timedelta(seconds=10)
    expected = expected_after(start, data, settled)
    assert expected == Expected(
        brightness=76, from_brightness=200, kelvin=2700, from_kelvin=4000, settled=settled
    )
    halfway = light(brightness=140, color_mode="color_temp", color_temp_kelvin=3300)
    assert expected.allows(halfway, NOW)
    assert not expected.allows(halfway, NOW + timedelta(seconds=11))
    there = light(brightness=78, color_mode="color_temp", color_temp_kelvin=2730)
    assert expected.allows(there, NOW + timedelta(minutes=5))
    # Still showing its old colour: fine while fading, someone else's doing afterwards.
    coloured = light(brightness=78, color_mode="hs", hs_color=(10, 90))
    assert expected.allows(coloured, NOW)
    assert not expected.allows(coloured, NOW + timedelta(minutes=5))
    assert not expected.allows(light("off"), NOW)
    assert not expected.allows(light(color_mode="color_temp"), NOW)


def test_leaving_a_colour_for_a_temperature_allows_any_temperature_on_the_way() -> None:
    start = light(
        brightness=200, color_mode="hs", hs_color=(10, 90), supported_color_modes=["color_temp"]
    )
    expected = expected_after(start, {"brightness": 76, "color_temp_kelvin": 2700}, NOW)
    assert expected.from_kelvin is None
    assert expected.allows(
        light(brightness=100, color_mode="color_temp", color_temp_kelvin=6000), NOW
    )


def test_a_light_dimmed_without_a_colour_keeps_its_colour() -> None:
    start = light(
        brightness=200, color_mode="hs", hs_color=(10.0, 90.0), supported_color_modes=["hs"]
    )
    expected = expected_after(start, {"brightness": 76}, NOW)
    assert expected.color == {"hs_color": [10.0, 90.0]}
    assert expected.allows(light(brightness=76, color_mode="hs", hs_color=(10.5, 89.6)), NOW)
    # Recoloured by someone else: not what Tomatoes asked for, even at the same brightness.
    assert not expected.allows(light(brightness=76, color_mode="hs", hs_color=(200, 60)), NOW)
    assert not expected.allows(
        light(brightness=76, color_mode="color_temp", color_temp_kelvin=3000), NOW
    )


def test_options_fall_back_to_defaults() -> None:
    options = LightingOptions.from_options(
        {"light_break_mode": "disco", "light_color_temp_kelvin": 3000}
    )
    assert options.break_action is BreakAction.RESTORE
    assert options.focus == Level(brightness_pct=35, kelvin=3000)
    assert not options.enabled
