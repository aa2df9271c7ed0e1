"""What a mode holds, the built-in modes, names and checks (no Home Assistant needed)."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

import pytest

from custom_components.tomatoes.const import DEFAULT_OPTIONS
from custom_components.tomatoes.modes.catalogue import (
    BUILT_IN,
    MODE_CLASSIC,
    MODE_DEEP_FOCUS,
    MODE_SPRINT,
    PARTS,
    Bundle,
    Mode,
    builtin_for_rhythm,
    bundle_errors,
    current_bundle,
    find_mode,
    name_error,
    parse_bundle,
    rhythm_name,
    with_edit,
    with_mode,
)
from custom_components.tomatoes.sound.library import SOUNDS_DIR

CLASSIC = BUILT_IN[MODE_CLASSIC]
WRITING = Bundle(
    focus_minutes=40,
    short_break_minutes=8,
    long_break_minutes=20,
    long_break_every=3,
    sound_source="media-source://tomatoes/bundled/stream.flac",
    sound_volume=20,
    sound_break_source="https://radio.example/calm",
    light_focus_brightness=55,
    light_color_temp_kelvin=3500,
)
MODES = {
    **{
        key: Mode(id=key, option=key, bundle=bundle, builtin=True)
        for key, bundle in BUILT_IN.items()
    },
    "sub1": Mode(id="sub1", option="Writing", bundle=WRITING, builtin=False),
}


def test_the_parts_are_the_option_keys_a_mode_sets() -> None:
    assert [field.name for field in fields(Bundle)] == list(PARTS)


def test_classic_is_what_a_new_timer_has() -> None:
    assert current_bundle({}) == CLASSIC
    assert CLASSIC.differences(DEFAULT_OPTIONS) == []
    assert (CLASSIC.focus_minutes, CLASSIC.light_color_temp_kelvin) == (25, None)


@pytest.mark.parametrize("key", list(BUILT_IN))
def test_each_built_in_mode_has_its_own_sound_and_light_from_the_bundled_loops(key: str) -> None:
    bundle = BUILT_IN[key]
    assert bundle_errors(bundle.as_options()) == {}
    for sound in (bundle.sound_source, bundle.sound_break_source):
        assert (SOUNDS_DIR / "loops" / sound.rsplit("/", 1)[1]).is_file()
    others = [other for name, other in BUILT_IN.items() if name != key]
    assert all(bundle.sound_source != other.sound_source for other in others)
    assert all(bundle.light_focus_brightness != other.light_focus_brightness for other in others)


def test_the_built_in_rhythms_are_the_former_presets() -> None:
    rhythms = {
        key: (b.focus_minutes, b.short_break_minutes, b.long_break_minutes, b.long_break_every)
        for key, b in BUILT_IN.items()
    }
    assert rhythms == {
        MODE_CLASSIC: (25, 5, 15, 4),
        MODE_DEEP_FOCUS: (50, 10, 30, 3),
        MODE_SPRINT: (15, 3, 10, 4),
    }


def test_differences_name_the_parts_changed_by_hand() -> None:
    options = with_mode(DEFAULT_OPTIONS, MODES["sub1"])
    assert WRITING.differences(options) == []
    options["sound_volume"] = 35
    options.pop("light_color_temp_kelvin")
    assert WRITING.differences(options) == ["sound_volume", "light_color_temp_kelvin"]


def test_with_mode_sets_every_part_and_drops_a_colour_temperature_classic_has_not() -> None:
    options = with_mode({**DEFAULT_OPTIONS, "session_target": 4}, MODES["sub1"])
    assert options["light_color_temp_kelvin"] == 3500
    assert options["session_target"] == 4
    options = with_mode(options, MODES[MODE_CLASSIC])
    assert "light_color_temp_kelvin" not in options
    assert options["mode"] == MODE_CLASSIC
    assert current_bundle(options) == CLASSIC


def test_an_edit_reaches_the_parts_not_changed_by_hand() -> None:
    options = with_mode(DEFAULT_OPTIONS, MODES["sub1"])
    options["sound_volume"] = 35  # by hand
    edited = replace(WRITING, sound_volume=10, focus_minutes=45, light_color_temp_kelvin=None)
    after = with_edit(options, WRITING, edited)
    assert (after["sound_volume"], after["focus_minutes"]) == (35, 45)
    assert "light_color_temp_kelvin" not in after
    assert edited.differences(after) == ["sound_volume"]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({}, {}),
        ({"focus_minutes": 0}, {"focus_minutes": "out_of_range"}),
        ({"long_break_minutes": 5}, {"long_break_minutes": "long_break_too_short"}),
        (
            {"short_break_minutes": 90, "long_break_minutes": 5},
            {"short_break_minutes": "out_of_range"},
        ),
        ({"sound_volume": 101}, {"sound_volume": "out_of_range"}),
        ({"sound_volume": True}, {"sound_volume": "out_of_range"}),
        ({"sound_source": "rain"}, {"sound_source": "invalid_sound"}),
        ({"sound_break_source": None}, {"sound_break_source": "invalid_sound"}),
        ({"light_focus_brightness": 0}, {"light_focus_brightness": "out_of_range"}),
        ({"light_color_temp_kelvin": 12000}, {"light_color_temp_kelvin": "out_of_range"}),
        ({"light_color_temp_kelvin": None}, {}),
    ],
)
def test_bundle_errors(changes: dict[str, Any], errors: dict[str, str]) -> None:
    assert bundle_errors({**WRITING.as_options(), **changes}) == errors


def test_damaged_stored_parts_take_classic_values() -> None:
    data = {**WRITING.as_options(), "sound_volume": "loud", "short_break_minutes": 30}
    del data["focus_minutes"]
    bundle = parse_bundle(data)
    assert bundle.sound_volume == CLASSIC.sound_volume
    assert bundle.focus_minutes == CLASSIC.focus_minutes
    # A long break shorter than the short one is stretched, so the timer can run it.
    assert (bundle.short_break_minutes, bundle.long_break_minutes) == (30, 30)
    assert parse_bundle({**WRITING.as_options(), "sound_volume": 20.0}) == WRITING


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("deep_focus", MODE_DEEP_FOCUS),
        ("Deep Focus", MODE_DEEP_FOCUS),
        ("deep  focus", MODE_DEEP_FOCUS),
        ("SPRINT", MODE_SPRINT),
        ("writing", "sub1"),
        ("sub1", "sub1"),
        ("marathon", None),
    ],
)
def test_find_mode_by_key_name_or_id(text: str, found: str | None) -> None:
    mode = find_mode(MODES, text)
    assert (mode.id if mode else None) == found


@pytest.mark.parametrize(
    ("name", "own", "error"),
    [
        ("Reading", None, None),
        ("", None, "name_required"),
        ("x" * 51, None, "name_too_long"),
        ("WRITING", None, "name_exists"),
        ("Writing", "sub1", None),
        ("Classic", None, "name_exists"),
        ("deep_focus", None, "name_exists"),
    ],
)
def test_name_error(name: str, own: str | None, error: str | None) -> None:
    assert name_error(MODES, name, own) == error


def test_rhythms_and_names_for_timers_of_earlier_releases() -> None:
    assert builtin_for_rhythm({}) == MODE_CLASSIC
    assert (
        builtin_for_rhythm(
            {
                "focus_minutes": 50,
                "short_break_minutes": 10,
                "long_break_minutes": 30,
                "long_break_every": 3,
            }
        )
        == MODE_DEEP_FOCUS
    )
    assert builtin_for_rhythm({"focus_minutes": 40}) is None
    assert rhythm_name(WRITING) == "40/8/20 \N{MULTIPLICATION SIGN}3"
