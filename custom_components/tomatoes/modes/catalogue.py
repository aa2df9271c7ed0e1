"""What a focus mode is: a named bundle of settings, the built-in modes and the person's own.

A mode bundles nine settings, its *parts*, each stored under the same key as the entry
option it sets: the rhythm (focus, short and long break minutes, long break every), the
focus sound and its volume, the break sound, and the focus light's brightness and colour
temperature. Classic, Deep Focus and Sprint are built in; a person's own modes are config
subentries of the timer (type ``mode``), their parts in the subentry's data.

Nothing here talks to Home Assistant's state: these are values and checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Final

from homeassistant.config_entries import ConfigEntry

from ..const import (
    CONF_FOCUS_MINUTES,
    CONF_LONG_BREAK_EVERY,
    CONF_LONG_BREAK_MINUTES,
    CONF_MODE,
    CONF_SHORT_BREAK_MINUTES,
    DEFAULT_OPTIONS,
    LIMITS,
    PRESET_CLASSIC,
    PRESET_DEEP_FOCUS,
    PRESET_SPRINT,
    PRESETS,
)
from ..lighting.options import (
    CONF_LIGHT_COLOR_TEMP,
    CONF_LIGHT_FOCUS_BRIGHTNESS,
    LIGHT_DEFAULTS,
    LIGHT_LIMITS,
)
from ..sound.library import MEDIA_SOURCE_PREFIX
from ..sound.options import (
    CONF_SOUND_BREAK_SOURCE,
    CONF_SOUND_SOURCE,
    CONF_SOUND_VOLUME,
    DEFAULT_SOUND_OPTIONS,
    SOUND_LIMITS,
    is_valid_reference,
)

SUBENTRY_MODE: Final = "mode"
"""The config subentry type of a person's own mode."""

MODE_CLASSIC: Final = PRESET_CLASSIC
MODE_DEEP_FOCUS: Final = PRESET_DEEP_FOCUS
MODE_SPRINT: Final = PRESET_SPRINT

RHYTHM: Final = (
    CONF_FOCUS_MINUTES,
    CONF_SHORT_BREAK_MINUTES,
    CONF_LONG_BREAK_MINUTES,
    CONF_LONG_BREAK_EVERY,
)
PARTS: Final = (
    *RHYTHM,
    CONF_SOUND_SOURCE,
    CONF_SOUND_VOLUME,
    CONF_SOUND_BREAK_SOURCE,
    CONF_LIGHT_FOCUS_BRIGHTNESS,
    CONF_LIGHT_COLOR_TEMP,
)
"""The parts of a mode, in the order forms and attributes list them."""

NAME_MAX_LENGTH: Final = 50
PART_LIMITS: Final = {
    **{key: LIMITS[key] for key in RHYTHM},
    CONF_SOUND_VOLUME: SOUND_LIMITS[CONF_SOUND_VOLUME],
    CONF_LIGHT_FOCUS_BRIGHTNESS: LIGHT_LIMITS[CONF_LIGHT_FOCUS_BRIGHTNESS],
    CONF_LIGHT_COLOR_TEMP: LIGHT_LIMITS[CONF_LIGHT_COLOR_TEMP],
}


@dataclass(frozen=True, kw_only=True)
class Bundle:
    """The nine parts of a mode (field names are the entry options they set)."""

    focus_minutes: int
    short_break_minutes: int
    long_break_minutes: int
    long_break_every: int
    sound_source: str
    sound_volume: int
    sound_break_source: str
    light_focus_brightness: int
    light_color_temp_kelvin: int | None = None
    """None: the lights keep their colour."""

    def as_options(self) -> dict[str, Any]:
        """Return the parts as entry options (a colour temperature only where one is set)."""
        options = asdict(self)
        if self.light_color_temp_kelvin is None:
            del options[CONF_LIGHT_COLOR_TEMP]
        return options

    def differences(self, options: Mapping[str, Any]) -> list[str]:
        """Return the parts whose value in the timer's options differs from this bundle."""
        current = asdict(current_bundle(options))
        return [part for part, value in asdict(self).items() if current[part] != value]


def whole(value: Any) -> Any:
    """Store numbers as whole numbers (forms hand over floats)."""
    return round(value) if isinstance(value, float) else value


def current_bundle(options: Mapping[str, Any]) -> Bundle:
    """Return the parts as the timer's options have them now (defaults fill gaps)."""
    merged = {**DEFAULT_OPTIONS, **DEFAULT_SOUND_OPTIONS, **LIGHT_DEFAULTS, **options}
    return Bundle(**{part: whole(merged.get(part)) for part in PARTS})


def _sound(name: str) -> str:
    return f"{MEDIA_SOURCE_PREFIX}/bundled/{name}.flac"


BUILT_IN: Final[dict[str, Bundle]] = {
    # Classic is what a timer has before anyone changes anything: the defaults.
    MODE_CLASSIC: current_bundle({}),
    MODE_DEEP_FOCUS: Bundle(
        **PRESETS[MODE_DEEP_FOCUS],
        sound_source=_sound("deep_focus_drone"),
        sound_volume=25,
        sound_break_source=_sound("slow_pads"),
        light_focus_brightness=40,
        light_color_temp_kelvin=4000,
    ),
    MODE_SPRINT: Bundle(
        **PRESETS[MODE_SPRINT],
        sound_source=_sound("rain"),
        sound_volume=35,
        sound_break_source=_sound("soft_chords"),
        light_focus_brightness=70,
        light_color_temp_kelvin=5000,
    ),
}
BUILT_IN_NAMES: Final = {
    MODE_CLASSIC: "Classic",
    MODE_DEEP_FOCUS: "Deep Focus",
    MODE_SPRINT: "Sprint",
}
"""English names of the built-in modes: accepted by the start action, never a person's mode."""


@dataclass(frozen=True, kw_only=True)
class Mode:
    """A mode as a timer offers it."""

    id: str
    """A built-in key, or the id of the subentry that holds a person's mode."""
    option: str
    """What the mode select shows: the built-in key (translated) or the person's name."""
    bundle: Bundle
    builtin: bool


def part_error(part: str, value: Any) -> str | None:
    """Return the error key of one part's value (None when it is fine)."""
    if part in (CONF_SOUND_SOURCE, CONF_SOUND_BREAK_SOURCE):
        return None if isinstance(value, str) and is_valid_reference(value) else "invalid_sound"
    if part == CONF_LIGHT_COLOR_TEMP and value is None:
        return None
    low, high = PART_LIMITS[part]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        return "out_of_range"
    return None


def bundle_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """Return {part: error key} for the parts of a mode that cannot work."""
    errors = {part: error for part in PARTS if (error := part_error(part, values.get(part)))}
    breaks = (CONF_SHORT_BREAK_MINUTES, CONF_LONG_BREAK_MINUTES)
    if not errors.keys() & set(breaks):
        short, long = (float(values[part]) for part in breaks)
        if long < short:
            errors[CONF_LONG_BREAK_MINUTES] = "long_break_too_short"
    return errors


def parse_bundle(data: Mapping[str, Any]) -> Bundle:
    """Read a mode's parts; a part that is missing or invalid takes Classic's value.

    Subentry data is written by the mode form, which checks it; a hand edit of Home
    Assistant's storage must still never stop a timer.
    """
    classic = asdict(BUILT_IN[MODE_CLASSIC])
    values = {
        part: whole(data[part]) if part_error(part, data.get(part)) is None else classic[part]
        for part in PARTS
        if part in data or part != CONF_LIGHT_COLOR_TEMP
    }
    values[CONF_LONG_BREAK_MINUTES] = max(
        values[CONF_LONG_BREAK_MINUTES], values[CONF_SHORT_BREAK_MINUTES]
    )
    return Bundle(**values)


def modes_of(entry: ConfigEntry) -> dict[str, Mode]:
    """Return a timer's modes by id: the built-in ones, then the person's by name."""
    modes = {
        key: Mode(id=key, option=key, bundle=bundle, builtin=True)
        for key, bundle in BUILT_IN.items()
    }
    own = sorted(
        (sub for sub in entry.subentries.values() if sub.subentry_type == SUBENTRY_MODE),
        key=lambda sub: sub.title.casefold(),
    )
    for sub in own:
        modes[sub.subentry_id] = Mode(
            id=sub.subentry_id, option=sub.title, bundle=parse_bundle(sub.data), builtin=False
        )
    return modes


def _folded(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def find_mode(modes: Mapping[str, Mode], text: str) -> Mode | None:
    """Return the mode a text names: its id, what the select shows, or a built-in's name."""
    if (mode := modes.get(text)) is not None:
        return mode
    wanted = _folded(text)
    for mode in modes.values():
        names = {mode.option, BUILT_IN_NAMES.get(mode.id, mode.option)}
        if wanted in {_folded(name) for name in names}:
            return mode
    return None


def name_error(modes: Mapping[str, Mode], name: str, own_id: str | None = None) -> str | None:
    """Return the error key of a person's name for a mode (None when it is free)."""
    if not name:
        return "name_required"
    if len(name) > NAME_MAX_LENGTH:
        return "name_too_long"
    taken = find_mode(modes, name)
    return "name_exists" if taken is not None and taken.id != own_id else None


def builtin_for_rhythm(options: Mapping[str, Any]) -> str | None:
    """Return the built-in mode whose rhythm the options have, if any."""
    merged = {**DEFAULT_OPTIONS, **options}
    for key, bundle in BUILT_IN.items():
        if all(merged[part] == getattr(bundle, part) for part in RHYTHM):
            return key
    return None


def rhythm_name(bundle: Bundle) -> str:
    """Return a name that says a mode's rhythm (focus/short/long minutes, times N)."""
    return (
        f"{bundle.focus_minutes}/{bundle.short_break_minutes}/{bundle.long_break_minutes}"
        f" \N{MULTIPLICATION SIGN}{bundle.long_break_every}"
    )


def with_mode(options: Mapping[str, Any], mode: Mode) -> dict[str, Any]:
    """Return the options with a mode applied: all its parts, and the mode as chosen."""
    applied = {**options, **mode.bundle.as_options(), CONF_MODE: mode.id}
    if mode.bundle.light_color_temp_kelvin is None:
        applied.pop(CONF_LIGHT_COLOR_TEMP, None)
    return applied


def with_edit(options: Mapping[str, Any], before: Bundle, after: Bundle) -> dict[str, Any]:
    """Return the options after the chosen mode was edited from ``before`` to ``after``.

    A part the person had not changed by hand (it still had the mode's old value) takes the
    new value; a part changed by hand keeps the hand-set value.
    """
    current, old, new = asdict(current_bundle(options)), asdict(before), asdict(after)
    edited = dict(options)
    for part in PARTS:
        if old[part] != new[part] and current[part] == old[part]:
            edited[part] = new[part]
            if new[part] is None:
                edited.pop(part, None)
    return edited
