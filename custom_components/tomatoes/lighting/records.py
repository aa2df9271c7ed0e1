"""What Tomatoes keeps about each light it holds, and the checked Store that keeps it.

The Store (``tomatoes.<entry_id>.lights``) holds the program and, per light, its snapshot,
what was last asked of it, whether it was taken over, the Adaptive Lighting switch it was
paused on and the choice (entity or area) that brought it in. Loading checks every field:
a light whose snapshot cannot be read is dropped (nothing can give it back); any other
field that is wrong falls back to its safe value and the rest of the light is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN, ColorMode
from homeassistant.core import HomeAssistant, split_entity_id, valid_entity_id

from ..const import DOMAIN
from ..toolkit.store import DamagedDataError, Parsed, VersionedStore
from .policy import Held, Program
from .state import Expected, Snapshot

# The colour values a snapshot may hold: (how many numbers, lowest, highest).
COLOR_SHAPES: dict[str, tuple[int, float, float]] = {
    "color_temp_kelvin": (1, 1, 100_000),
    "hs_color": (2, 0, 360),
    "xy_color": (2, 0, 1),
    "rgb_color": (3, 0, 255),
    "rgbw_color": (4, 0, 255),
    "rgbww_color": (5, 0, 255),
}
PROGRAM_OFF = "off"
"""How the Store names "no program" (the key and values are users' data from earlier releases)."""


@dataclass
class LightRecord:
    """One light Tomatoes is responsible for: its snapshot and what was last asked of it."""

    snapshot: Snapshot
    expected: Expected | None = None
    taken_over: bool = False
    adaptive_switch: str | None = None
    chosen_as: str | None = None

    @property
    def held(self) -> Held:
        """Return what the policy needs to know of this light."""
        return Held(taken_over=self.taken_over, has_level=self.expected is not None)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-safe data for the Store."""
        return {
            "snapshot": self.snapshot.as_dict(),
            "expected": self.expected.as_dict() if self.expected else None,
            "taken_over": self.taken_over,
            "adaptive_switch": self.adaptive_switch,
            "chosen_as": self.chosen_as,
        }


@dataclass
class Stored:
    """What the lighting of one timer keeps across restarts."""

    program: Program | None
    records: dict[str, LightRecord]


def stored_data(program: Program | None, records: dict[str, LightRecord]) -> dict[str, Any]:
    """Return the JSON-safe form of what the Store keeps."""
    return {
        "mode": PROGRAM_OFF if program is None else str(program),
        "lights": {light: record.as_dict() for light, record in records.items()},
    }


def lighting_store(hass: HomeAssistant, entry_id: str) -> VersionedStore[Stored]:
    """Return the checked Store that keeps one timer's light snapshots."""
    return VersionedStore(hass, f"{DOMAIN}.{entry_id}.lights", parse_stored)


def parse_stored(raw: Any) -> Parsed[Stored]:
    """Check stored lighting data; keep what can be kept and list what could not."""
    if not isinstance(raw, dict):
        raise DamagedDataError(f"expected an object, found {type(raw).__name__}")
    problems: list[str] = []
    mode = raw.get("mode", PROGRAM_OFF)
    program: Program | None = None
    if mode != PROGRAM_OFF:
        try:
            program = Program(mode)
        except ValueError:
            problems.append(f"mode: unknown {mode!r}")
    lights = raw.get("lights", {})
    if not isinstance(lights, dict):
        problems.append("lights: not an object")
        lights = {}
    records: dict[str, LightRecord] = {}
    for light, data in lights.items():
        if not _is_light(light):
            problems.append(f"{light!r}: not a light")
            continue
        record = _parse_record(light, data, problems)
        if record is not None:
            records[light] = record
    return Parsed(Stored(program, records), problems)


def _is_light(entity_id: Any) -> bool:
    return (
        isinstance(entity_id, str)
        and valid_entity_id(entity_id)
        and split_entity_id(entity_id)[0] == LIGHT_DOMAIN
    )


def _is_number(value: Any, low: float, high: float, *, whole: bool = True) -> bool:
    kinds = int if whole else int | float
    return isinstance(value, kinds) and not isinstance(value, bool) and low <= value <= high


def _optional(data: dict[str, Any], key: str, check: Any, problems: list[str], name: str) -> Any:
    """Return ``data[key]`` when it is None or passes ``check``; else note it and return None."""
    value = data.get(key)
    if value is None or check(value):
        return value
    problems.append(f"{name}: {key} {value!r} is invalid")
    return None


def _parse_record(light: str, data: Any, problems: list[str]) -> LightRecord | None:
    if not isinstance(data, dict):
        problems.append(f"{light}: not an object")
        return None
    snapshot = _parse_snapshot(light, data.get("snapshot"), problems)
    if snapshot is None:
        return None
    taken_over = data.get("taken_over", False)
    if not isinstance(taken_over, bool):
        problems.append(f"{light}: taken_over {taken_over!r} is invalid")
        taken_over = False
    return LightRecord(
        snapshot=snapshot,
        expected=_parse_expected(light, data.get("expected"), problems),
        taken_over=taken_over,
        adaptive_switch=_optional(
            data,
            "adaptive_switch",
            lambda value: isinstance(value, str) and valid_entity_id(value),
            problems,
            light,
        ),
        chosen_as=_optional(
            data, "chosen_as", lambda value: isinstance(value, str) and value, problems, light
        ),
    )


def _parse_snapshot(light: str, data: Any, problems: list[str]) -> Snapshot | None:
    """Return a checked snapshot; None (the light is dropped) when on/off cannot be read."""
    if not isinstance(data, dict) or not isinstance(data.get("on"), bool):
        problems.append(f"{light}: snapshot cannot be read")
        return None
    if not data["on"]:
        return Snapshot(on=False)
    name = f"{light} snapshot"
    color_mode = _optional(
        data, "color_mode", lambda value: value in set(ColorMode), problems, name
    )
    color = data.get("color")
    if color is not None and not _valid_color(color):
        problems.append(f"{name}: color {color!r} is invalid")
        color = None
    return Snapshot(
        on=True,
        brightness=_optional(
            data, "brightness", lambda value: _is_number(value, 0, 255), problems, name
        ),
        color_mode=None if color_mode is None else str(color_mode),
        color=color,
        effect=_optional(data, "effect", lambda value: isinstance(value, str), problems, name),
    )


def _valid_color(color: Any) -> bool:
    if not isinstance(color, dict) or len(color) != 1:
        return False
    ((key, value),) = color.items()
    if key not in COLOR_SHAPES:
        return False
    count, low, high = COLOR_SHAPES[key]
    if count == 1:
        return _is_number(value, low, high)
    return (
        isinstance(value, list)
        and len(value) == count
        and all(_is_number(item, low, high, whole=False) for item in value)
    )


def _parse_expected(light: str, data: Any, problems: list[str]) -> Expected | None:
    """Return checked expectations; None (the light gets the level again) when unreadable."""
    if data is None:
        return None
    settled = data.get("settled") if isinstance(data, dict) else None
    try:
        when = datetime.fromisoformat(settled) if isinstance(settled, str) else None
    except ValueError:
        when = None
    if not isinstance(data, dict) or when is None or when.tzinfo is None:
        problems.append(f"{light}: expected state cannot be read")
        return None
    name = f"{light} expected"
    limits = {"brightness": 255, "from_brightness": 255, "kelvin": 100_000, "from_kelvin": 100_000}
    values = {
        key: _optional(data, key, lambda value, top=top: _is_number(value, 0, top), problems, name)
        for key, top in limits.items()
    }
    color = data.get("color")
    if color is not None and not _valid_color(color):
        problems.append(f"{name}: color {color!r} is invalid")
        color = None
    return Expected(
        brightness=values["brightness"],
        from_brightness=values["from_brightness"],
        kelvin=values["kelvin"],
        from_kelvin=values["from_kelvin"],
        color=color,
        settled=when,
    )
