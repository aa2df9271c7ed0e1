"""What a light was and what to send it: snapshots, level and restore data, expected states.

Everything here works on Home Assistant `State` objects and plain data, so it is
easy to reason about: a snapshot is taken from a state and stored as JSON; a
command is the service data for ``light.turn_on``; an `Expected` says which
states are consistent with a command Tomatoes sent (a light reporting in the
middle of a transition is not a person taking over).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, TypeGuard

from homeassistant.components.light.const import ColorMode
from homeassistant.const import SERVICE_TURN_OFF, SERVICE_TURN_ON, STATE_OFF, STATE_ON
from homeassistant.core import State

from .options import Level

# Light state attributes and light.turn_on fields. Home Assistant moved these constants
# between modules from 2026.3 to 2026.10; the names themselves are its stable interface.
ATTR_BRIGHTNESS = "brightness"
ATTR_COLOR_MODE = "color_mode"
ATTR_COLOR_TEMP_KELVIN = "color_temp_kelvin"
ATTR_EFFECT = "effect"
ATTR_EFFECT_LIST = "effect_list"
ATTR_HS_COLOR = "hs_color"
ATTR_MAX_COLOR_TEMP_KELVIN = "max_color_temp_kelvin"
ATTR_MIN_COLOR_TEMP_KELVIN = "min_color_temp_kelvin"
ATTR_RGB_COLOR = "rgb_color"
ATTR_RGBW_COLOR = "rgbw_color"
ATTR_RGBWW_COLOR = "rgbww_color"
ATTR_SUPPORTED_COLOR_MODES = "supported_color_modes"
ATTR_TRANSITION = "transition"
ATTR_WHITE = "white"
ATTR_XY_COLOR = "xy_color"
EFFECT_OFF = "off"

BRIGHTNESS_MODES = frozenset(ColorMode) - {ColorMode.ONOFF, ColorMode.UNKNOWN}
COLOR_MODES = frozenset(
    {ColorMode.HS, ColorMode.XY, ColorMode.RGB, ColorMode.RGBW, ColorMode.RGBWW}
)


def _supports(modes: Any, wanted: frozenset[ColorMode]) -> bool:
    """Return whether a light's supported colour modes include one of ``wanted``."""
    return isinstance(modes, list | tuple | set | frozenset) and any(
        mode in wanted for mode in modes
    )


def brightness_supported(modes: Any) -> bool:
    """Return whether a light with these colour modes can be dimmed."""
    return _supports(modes, BRIGHTNESS_MODES)


def color_supported(modes: Any) -> bool:
    """Return whether a light with these colour modes shows colours."""
    return _supports(modes, COLOR_MODES)


def color_temp_supported(modes: Any) -> bool:
    """Return whether a light with these colour modes has a colour temperature of its own."""
    return _supports(modes, frozenset({ColorMode.COLOR_TEMP}))


# The state attribute (and turn_on parameter) that holds the colour of each colour mode.
COLOR_MODE_PARAMETER: dict[str, str] = {
    ColorMode.COLOR_TEMP: ATTR_COLOR_TEMP_KELVIN,
    ColorMode.HS: ATTR_HS_COLOR,
    ColorMode.XY: ATTR_XY_COLOR,
    ColorMode.RGB: ATTR_RGB_COLOR,
    ColorMode.RGBW: ATTR_RGBW_COLOR,
    ColorMode.RGBWW: ATTR_RGBWW_COLOR,
}
COLOR_ATTRIBUTES = tuple(COLOR_MODE_PARAMETER.values())

# How far a reported value may be from the one Tomatoes asked for and still be ours
# (lights round brightness and convert Kelvin to mireds and back).
BRIGHTNESS_TOLERANCE = 5
KELVIN_TOLERANCE = 100
COLOR_TOLERANCE = {
    ATTR_COLOR_TEMP_KELVIN: KELVIN_TOLERANCE,
    ATTR_HS_COLOR: 2,
    ATTR_XY_COLOR: 0.01,
    ATTR_RGB_COLOR: 3,
    ATTR_RGBW_COLOR: 3,
    ATTR_RGBWW_COLOR: 3,
}


def is_usable(state: State | None) -> TypeGuard[State]:
    """Return whether a light reports a state that can be read and changed (on or off)."""
    return state is not None and state.state in (STATE_ON, STATE_OFF)


def _plain(value: Any) -> Any:
    """Make attribute values JSON-safe and comparable (tuples become lists)."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True, kw_only=True)
class Snapshot:
    """What a light was before focus: on/off, brightness, colour mode and its values, effect."""

    on: bool
    brightness: int | None = None
    color_mode: str | None = None
    color: dict[str, Any] | None = None
    effect: str | None = None

    @classmethod
    def from_state(cls, state: State) -> Snapshot:
        """Take the snapshot of a light's current state."""
        if state.state != STATE_ON:
            return cls(on=False)
        attributes = state.attributes
        color_mode = attributes.get(ATTR_COLOR_MODE)
        color: dict[str, Any] | None = None
        if (parameter := COLOR_MODE_PARAMETER.get(str(color_mode))) is not None:
            if (value := attributes.get(parameter)) is not None:
                color = {parameter: _plain(value)}
        elif color_mode in (None, ColorMode.UNKNOWN):
            # A light without colour modes: keep the first colour it reports.
            for parameter in COLOR_ATTRIBUTES:
                if (value := attributes.get(parameter)) is not None:
                    color = {parameter: _plain(value)}
                    break
        effect = attributes.get(ATTR_EFFECT)
        return cls(
            on=True,
            brightness=attributes.get(ATTR_BRIGHTNESS),
            color_mode=None if color_mode is None else str(color_mode),
            color=color,
            effect=effect if effect and effect != EFFECT_OFF else None,
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the snapshot as JSON-safe data for the Store."""
        return asdict(self)

    def restore_data(self, current: State) -> dict[str, Any] | None:
        """Return ``light.turn_on`` data that brings the light back (None: turn it off).

        Values the light no longer supports are left out (a light that lost its
        effect list gets no effect).
        """
        if not self.on:
            return None
        data: dict[str, Any] = {}
        modes = current.attributes.get(ATTR_SUPPORTED_COLOR_MODES)
        if self.brightness is not None and brightness_supported(modes):
            data[ATTR_BRIGHTNESS] = self.brightness
        if self.color_mode == ColorMode.WHITE and self.brightness is not None:
            data[ATTR_WHITE] = self.brightness
        if self.color:
            data.update(self.color)
        if self.effect and self.effect in (current.attributes.get(ATTR_EFFECT_LIST) or ()):
            data[ATTR_EFFECT] = self.effect
        return data

    def matches(self, current: State) -> bool:
        """Return whether the light already looks exactly like the snapshot."""
        if not is_usable(current) or (current.state == STATE_ON) != self.on:
            return False
        if not self.on:
            return True
        return Snapshot.from_state(current) == self


@dataclass(frozen=True, kw_only=True)
class Expected:
    """The states consistent with a level command Tomatoes sent to a light.

    During the transition (until ``settled``) any value between where the
    light started and the target is consistent; afterwards only the target
    (within a small tolerance).
    """

    brightness: int | None = None
    from_brightness: int | None = None
    kelvin: int | None = None
    from_kelvin: int | None = None
    color: dict[str, Any] | None = None
    """The colour the light keeps (what Tomatoes sent set none), as a snapshot holds it."""
    settled: datetime

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-safe data for the Store."""
        data = asdict(self)
        data["settled"] = self.settled.isoformat()
        return data

    def allows(self, state: State, now: datetime) -> bool:
        """Return whether a reported state is consistent with what Tomatoes asked for."""
        moving = now <= self.settled
        if (
            state.state != STATE_ON
            or (
                self.brightness is not None
                and not _within(
                    state.attributes.get(ATTR_BRIGHTNESS),
                    self.brightness,
                    self.from_brightness if moving else None,
                    BRIGHTNESS_TOLERANCE,
                )
            )
            or (self.color is not None and not _same_color(Snapshot.from_state(state), self.color))
        ):
            return False
        if self.kelvin is not None:
            if state.attributes.get(ATTR_COLOR_MODE) != ColorMode.COLOR_TEMP:
                # Mid-transition a light may still report the colour it came from.
                return moving
            if moving and self.from_kelvin is None:
                return True
            return _within(
                state.attributes.get(ATTR_COLOR_TEMP_KELVIN),
                self.kelvin,
                self.from_kelvin if moving else None,
                KELVIN_TOLERANCE,
            )
        return True


def _same_color(now: Snapshot, expected: dict[str, Any]) -> bool:
    """Return whether a light shows the expected colour (same kind, values within rounding)."""
    color = now.color
    if color is None or color.keys() != expected.keys():
        return False
    ((key, value),) = color.items()
    values, targets = (
        (value, expected[key]) if isinstance(value, list) else ([value], [expected[key]])
    )
    tolerance = COLOR_TOLERANCE.get(key, 0)
    return all(abs(got - want) <= tolerance for got, want in zip(values, targets, strict=True))


def _within(value: Any, target: int, start: int | None, tolerance: int) -> bool:
    if not isinstance(value, int | float):
        return False
    low, high = (target, target) if start is None else sorted((start, target))
    return low - tolerance <= value <= high + tolerance


def level_data(state: State, level: Level, *, turn_on: bool) -> dict[str, Any] | None:
    """Return ``light.turn_on`` data that sets a light to a level, or None when nothing applies.

    A light that is off stays off unless ``turn_on``; a light gets only what it
    supports (an on/off light that is already on gets nothing; a colour light
    without colour temperature gets the temperature emulated by Home Assistant).
    """
    is_on = state.state == STATE_ON
    if not is_on and not turn_on:
        return None
    attributes = state.attributes
    modes = attributes.get(ATTR_SUPPORTED_COLOR_MODES)
    data: dict[str, Any] = {}
    if brightness_supported(modes):
        data[ATTR_BRIGHTNESS] = level.brightness
    if level.kelvin is not None:
        if color_temp_supported(modes):
            kelvin = level.kelvin
            if (low := attributes.get(ATTR_MIN_COLOR_TEMP_KELVIN)) is not None:
                kelvin = max(kelvin, low)
            if (high := attributes.get(ATTR_MAX_COLOR_TEMP_KELVIN)) is not None:
                kelvin = min(kelvin, high)
            data[ATTR_COLOR_TEMP_KELVIN] = kelvin
        elif color_supported(modes):
            data[ATTR_COLOR_TEMP_KELVIN] = level.kelvin
    if is_on and not data:
        return None
    return data


def expected_after(state: State, data: dict[str, Any], settled: datetime) -> Expected:
    """Describe the states consistent with sending ``data`` to a light now in ``state``."""
    is_on = state.state == STATE_ON
    modes = state.attributes.get(ATTR_SUPPORTED_COLOR_MODES)
    kelvin = data.get(ATTR_COLOR_TEMP_KELVIN) if color_temp_supported(modes) else None
    from_kelvin = None
    if kelvin is not None and state.attributes.get(ATTR_COLOR_MODE) == ColorMode.COLOR_TEMP:
        from_kelvin = state.attributes.get(ATTR_COLOR_TEMP_KELVIN)
    brightness = data.get(ATTR_BRIGHTNESS)
    from_brightness = (state.attributes.get(ATTR_BRIGHTNESS) or 0) if is_on else 0
    keeps_color = is_on and not any(key in data for key in COLOR_ATTRIBUTES)
    return Expected(
        brightness=brightness,
        from_brightness=from_brightness if brightness is not None else None,
        kelvin=kelvin,
        from_kelvin=from_kelvin,
        color=Snapshot.from_state(state).color if keeps_color else None,
        settled=settled,
    )


def give_back_call(
    snapshot: Snapshot, current: State, transition: int
) -> tuple[str, dict[str, Any]] | None:
    """Return the action (service, data) that gives a light back; None if it is as it was."""
    if snapshot.matches(current):
        return None
    extra: dict[str, Any] = {ATTR_TRANSITION: transition} if transition else {}
    data = snapshot.restore_data(current)
    if data is None:
        return SERVICE_TURN_OFF, extra
    return SERVICE_TURN_ON, {**data, **extra}
