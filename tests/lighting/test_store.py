"""What the lighting Store keeps, checked field by field: damage drops only what it must."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from custom_components.tomatoes.lighting.policy import Program
from custom_components.tomatoes.lighting.records import LightRecord, parse_stored, stored_data
from custom_components.tomatoes.lighting.state import Expected, Snapshot
from custom_components.tomatoes.toolkit.store import DAMAGE_ERRORS

SETTLED = datetime(2026, 11, 26, 9, 0, 10, tzinfo=UTC)
DESK = LightRecord(
    snapshot=Snapshot(
        on=True, brightness=200, color_mode="color_temp", color={"color_temp_kelvin": 4000}
    ),
    expected=Expected(brightness=76, from_brightness=200, settled=SETTLED),
    adaptive_switch="switch.adaptive_lighting_study",
    chosen_as="light.desk",
)
STRIP = LightRecord(
    snapshot=Snapshot(
        on=True,
        brightness=180,
        color_mode="rgb",
        color={"rgb_color": [255, 40, 0]},
        effect="candle",
    ),
    taken_over=True,
    chosen_as="study_room",
)
LAMP = LightRecord(snapshot=Snapshot(on=False))


def stored(**lights: dict[str, Any]) -> dict[str, Any]:
    """Return stored data with the desk, the strip and the lamp, some fields replaced."""
    data = stored_data(
        Program.FOCUS, {"light.desk": DESK, "light.strip": STRIP, "light.lamp": LAMP}
    )
    for light, changes in lights.items():
        data["lights"][f"light.{light}"].update(changes)
    return data


def test_what_is_stored_reads_back_the_same() -> None:
    parsed = parse_stored(stored())
    assert parsed.problems == []
    assert parsed.value.program is Program.FOCUS
    assert parsed.value.records == {"light.desk": DESK, "light.strip": STRIP, "light.lamp": LAMP}


def test_older_records_without_newer_fields_read_as_before() -> None:
    data = stored()
    del data["lights"]["light.desk"]["chosen_as"]
    del data["mode"]
    parsed = parse_stored(data)
    assert parsed.problems == []
    assert parsed.value.program is None
    assert parsed.value.records["light.desk"].chosen_as is None


@pytest.mark.parametrize("raw", [[], "lights", 3, None])
def test_data_that_is_no_object_cannot_be_kept(raw: Any) -> None:
    with pytest.raises(DAMAGE_ERRORS):
        parse_stored(raw)


@pytest.mark.parametrize(
    ("damage", "problem", "desk"),
    [
        # A field that cannot be read falls back to its safe value; the light is kept.
        ({"taken_over": "yes"}, "taken_over", DESK),
        ({"adaptive_switch": 5}, "adaptive_switch", replace(DESK, adaptive_switch=None)),
        ({"chosen_as": ["light.desk"]}, "chosen_as", replace(DESK, chosen_as=None)),
        # An expectation that cannot be read: the light gets the level again.
        ({"expected": {"settled": "2026-11-26T09:00"}}, "expected", replace(DESK, expected=None)),
        ({"expected": "soon"}, "expected", replace(DESK, expected=None)),
        (
            {"expected": {"brightness": "2.5", "settled": SETTLED.isoformat()}},
            "brightness",
            replace(DESK, expected=Expected(settled=SETTLED)),
        ),
    ],
)
def test_a_damaged_field_is_repaired_and_the_light_kept(
    damage: dict[str, Any], problem: str, desk: LightRecord
) -> None:
    parsed = parse_stored(stored(desk=damage))
    assert len(parsed.problems) == 1
    assert problem in parsed.problems[0]
    assert parsed.value.records["light.desk"] == desk
    assert parsed.value.records["light.strip"] == STRIP


@pytest.mark.parametrize(
    ("snapshot", "expected"),
    [
        (
            {"on": True, "brightness": 2.5, "color_mode": "color_temp", "color": None},
            Snapshot(on=True, color_mode="color_temp"),
        ),
        (
            {"on": True, "brightness": 200, "color_mode": "disco"},
            Snapshot(on=True, brightness=200),
        ),
        (
            {"on": True, "brightness": 200, "color": {"rgb_color": [255, 40]}},
            Snapshot(on=True, brightness=200),
        ),
        (
            {"on": True, "brightness": 200, "color": {"hs_color": [30, 80], "xy_color": [0, 1]}},
            Snapshot(on=True, brightness=200),
        ),
        ({"on": True, "brightness": True, "effect": 3}, Snapshot(on=True)),
    ],
)
def test_a_damaged_snapshot_value_is_left_out(snapshot: dict[str, Any], expected: Snapshot) -> None:
    parsed = parse_stored(stored(desk={"snapshot": snapshot}))
    assert parsed.problems
    assert parsed.value.records["light.desk"].snapshot == expected


@pytest.mark.parametrize(
    "record",
    [
        "desk",
        {"snapshot": "on"},
        {"snapshot": {"brightness": 200}},
        {"snapshot": {"on": "yes"}},
        {"expected": None},
    ],
)
def test_a_light_whose_snapshot_cannot_be_read_is_dropped(record: Any) -> None:
    data = stored()
    data["lights"]["light.desk"] = record
    parsed = parse_stored(data)
    assert [problem.split(":")[0] for problem in parsed.problems] == ["light.desk"]
    assert set(parsed.value.records) == {"light.strip", "light.lamp"}


def test_keys_that_are_no_lights_and_an_unknown_mode_are_dropped() -> None:
    data = stored()
    data["mode"] = "disco"
    data["lights"]["switch.kettle"] = data["lights"]["light.lamp"]
    data["lights"]["light"] = data["lights"]["light.lamp"]
    parsed = parse_stored(data)
    assert len(parsed.problems) == 3
    assert parsed.value.program is None
    assert set(parsed.value.records) == {"light.desk", "light.strip", "light.lamp"}


def test_lights_that_are_no_object_leave_nothing_to_give_back() -> None:
    parsed = parse_stored({"mode": "focus", "lights": ["light.desk"]})
    assert parsed.problems == ["lights: not an object"]
    assert parsed.value.records == {}
