"""Focus lighting options: keys, defaults, limits, the form that edits them, a parsed view.

`LightingOptions.from_options` reads what the entry holds and checks every value: a value
of the wrong type or out of range falls back to its default, so hand-edited or older
options never stop a timer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.helpers.selector import (
    AreaSelector,
    AreaSelectorConfig,
    BooleanSelector,
    ColorTempSelector,
    ColorTempSelectorConfig,
    ColorTempSelectorUnit,
    EntitySelector,
    EntitySelectorConfig,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
)
import voluptuous as vol

from ..selectors import whole_number

CONF_LIGHT_ENTITIES: Final = "light_entities"
CONF_LIGHT_AREAS: Final = "light_areas"
CONF_LIGHT_FOCUS_BRIGHTNESS: Final = "light_focus_brightness"
CONF_LIGHT_COLOR_TEMP: Final = "light_color_temp_kelvin"
CONF_LIGHT_SET_COLOR_TEMP: Final = "light_set_color_temp"
"""Form only (never stored): whether the focus level sets a colour temperature at all."""
CONF_LIGHT_TRANSITION: Final = "light_transition"
CONF_LIGHT_BREAK_MODE: Final = "light_break_mode"
CONF_LIGHT_BREAK_BRIGHTNESS: Final = "light_break_brightness"
CONF_LIGHT_TURN_ON: Final = "light_turn_on"


class BreakAction(StrEnum):
    """What the chosen lights do while a break runs (stored values: users' data)."""

    RESTORE = "restore"
    BREAK_LEVEL = "break_level"
    FOCUS = "focus"


# Inclusive (minimum, maximum) of every numeric lighting option.
LIGHT_LIMITS: Final[dict[str, tuple[int, int]]] = {
    CONF_LIGHT_FOCUS_BRIGHTNESS: (1, 100),
    CONF_LIGHT_BREAK_BRIGHTNESS: (1, 100),
    CONF_LIGHT_TRANSITION: (0, 300),
    CONF_LIGHT_COLOR_TEMP: (1500, 9000),
}

SUGGESTED_KELVIN: Final = 2700
"""Where the colour temperature slider starts while no temperature is set (warm white)."""

LIGHT_DEFAULTS: Final[dict[str, Any]] = {
    CONF_LIGHT_ENTITIES: [],
    CONF_LIGHT_AREAS: [],
    CONF_LIGHT_FOCUS_BRIGHTNESS: 35,
    CONF_LIGHT_TRANSITION: 5,
    CONF_LIGHT_BREAK_MODE: BreakAction.RESTORE.value,
    CONF_LIGHT_BREAK_BRIGHTNESS: 70,
    CONF_LIGHT_TURN_ON: False,
}


@dataclass(frozen=True, kw_only=True)
class Level:
    """A lighting level: brightness in percent and an optional colour temperature."""

    brightness_pct: int
    kelvin: int | None

    @property
    def brightness(self) -> int:
        """Return the brightness on Home Assistant's 0-255 scale (as light.turn_on rounds it)."""
        return round(255 * self.brightness_pct / 100)


def _names(value: Any) -> tuple[str, ...]:
    """Return the text items of a stored list (anything else counts as nothing chosen)."""
    if not isinstance(value, list | tuple):
        return ()
    return tuple(item for item in value if isinstance(item, str) and item)


def _in_range(value: Any, key: str) -> int | None:
    """Return a number option as a whole number if it is within its limits, else None."""
    low, high = LIGHT_LIMITS[key]
    if isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high:
        return int(value)
    return None


def _number(options: Mapping[str, Any], key: str) -> int:
    """Return a whole number option within its limits, or its default."""
    value = _in_range(options.get(key), key)
    return int(LIGHT_DEFAULTS[key]) if value is None else value


@dataclass(frozen=True, kw_only=True)
class LightingOptions:
    """The focus lighting settings of one timer, read from its entry's options."""

    entities: tuple[str, ...]
    areas: tuple[str, ...]
    focus: Level
    break_level: Level
    transition: int
    break_action: BreakAction
    turn_on: bool

    @property
    def enabled(self) -> bool:
        """Return whether any light or area was chosen."""
        return bool(self.entities or self.areas)

    @property
    def chosen(self) -> frozenset[str]:
        """Return the chosen entities and areas as the options name them."""
        return frozenset((*self.entities, *self.areas))

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> LightingOptions:
        """Read the lighting part of the options; a missing or invalid value is its default."""
        kelvin = _in_range(options.get(CONF_LIGHT_COLOR_TEMP), CONF_LIGHT_COLOR_TEMP)
        action = options.get(CONF_LIGHT_BREAK_MODE)
        break_action = BreakAction(action) if action in set(BreakAction) else BreakAction.RESTORE
        turn_on = options.get(CONF_LIGHT_TURN_ON)
        return cls(
            entities=_names(options.get(CONF_LIGHT_ENTITIES)),
            areas=_names(options.get(CONF_LIGHT_AREAS)),
            focus=Level(
                brightness_pct=_number(options, CONF_LIGHT_FOCUS_BRIGHTNESS), kelvin=kelvin
            ),
            break_level=Level(
                brightness_pct=_number(options, CONF_LIGHT_BREAK_BRIGHTNESS), kelvin=kelvin
            ),
            transition=_number(options, CONF_LIGHT_TRANSITION),
            break_action=break_action,
            turn_on=turn_on if isinstance(turn_on, bool) else LIGHT_DEFAULTS[CONF_LIGHT_TURN_ON],
        )


def lighting_schema() -> vol.Schema:
    """Build the options form of the lighting step.

    A colour temperature slider cannot be emptied once moved, so a switch before it says
    whether the lights take a colour temperature at all; off leaves their colour alone.
    """
    low_k, high_k = LIGHT_LIMITS[CONF_LIGHT_COLOR_TEMP]
    return vol.Schema(
        {
            vol.Optional(CONF_LIGHT_ENTITIES): EntitySelector(
                EntitySelectorConfig(domain=LIGHT_DOMAIN, multiple=True)
            ),
            vol.Optional(CONF_LIGHT_AREAS): AreaSelector(AreaSelectorConfig(multiple=True)),
            vol.Required(CONF_LIGHT_FOCUS_BRIGHTNESS): whole_number(
                LIGHT_LIMITS[CONF_LIGHT_FOCUS_BRIGHTNESS], "%"
            ),
            vol.Optional(CONF_LIGHT_SET_COLOR_TEMP): BooleanSelector(),
            vol.Optional(CONF_LIGHT_COLOR_TEMP): ColorTempSelector(
                ColorTempSelectorConfig(unit=ColorTempSelectorUnit.KELVIN, min=low_k, max=high_k)
            ),
            vol.Required(CONF_LIGHT_TRANSITION): whole_number(
                LIGHT_LIMITS[CONF_LIGHT_TRANSITION], "s"
            ),
            vol.Required(CONF_LIGHT_BREAK_MODE): SelectSelector(
                SelectSelectorConfig(
                    options=[action.value for action in BreakAction],
                    translation_key=CONF_LIGHT_BREAK_MODE,
                    mode=SelectSelectorMode.LIST,
                )
            ),
            vol.Required(CONF_LIGHT_BREAK_BRIGHTNESS): whole_number(
                LIGHT_LIMITS[CONF_LIGHT_BREAK_BRIGHTNESS], "%"
            ),
            vol.Required(CONF_LIGHT_TURN_ON): BooleanSelector(),
        }
    )


def lighting_options(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Turn a submitted lighting form into options (the form's selectors checked the ranges)."""
    options: dict[str, Any] = {
        CONF_LIGHT_ENTITIES: sorted(set(user_input.get(CONF_LIGHT_ENTITIES) or [])),
        CONF_LIGHT_AREAS: sorted(set(user_input.get(CONF_LIGHT_AREAS) or [])),
        CONF_LIGHT_BREAK_MODE: str(user_input[CONF_LIGHT_BREAK_MODE]),
        CONF_LIGHT_TURN_ON: bool(user_input[CONF_LIGHT_TURN_ON]),
    }
    for key in (CONF_LIGHT_FOCUS_BRIGHTNESS, CONF_LIGHT_BREAK_BRIGHTNESS, CONF_LIGHT_TRANSITION):
        options[key] = int(user_input[key])
    # Without the switch (a form of an older version) a given temperature counts as chosen.
    wanted = user_input.get(CONF_LIGHT_SET_COLOR_TEMP, True)
    if wanted and user_input.get(CONF_LIGHT_COLOR_TEMP):
        options[CONF_LIGHT_COLOR_TEMP] = int(user_input[CONF_LIGHT_COLOR_TEMP])
    return options


def suggested_lighting_values(options: Mapping[str, Any]) -> dict[str, Any]:
    """Return the values the lighting form starts with: the stored options over the defaults.

    The colour temperature switch is on when a temperature is stored; the slider starts
    at the stored temperature, or at a warm white while none is set.
    """
    return {
        **LIGHT_DEFAULTS,
        CONF_LIGHT_COLOR_TEMP: SUGGESTED_KELVIN,
        **options,
        CONF_LIGHT_SET_COLOR_TEMP: bool(options.get(CONF_LIGHT_COLOR_TEMP)),
    }
