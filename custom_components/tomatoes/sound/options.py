"""The sound options of a timer: keys, defaults, limits, and what a sound reference may be.

A sound reference is one of:
- ``media-source://tomatoes/<source>/<path>``: one file of the library;
- ``media-source://tomatoes/<source>[/<folder>]``: a folder of the library, shuffled;
- any other ``media-source://`` id (radio, a playlist of another integration, ...);
- an ``http://`` or ``https://`` stream URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from .library import BUNDLED, MEDIA_SOURCE_PREFIX, SoundLibrary, SourceKind

CONF_SOUND_PLAYERS: Final = "sound_players"
CONF_SOUND_SOURCE: Final = "sound_source"
CONF_SOUND_VOLUME: Final = "sound_volume"
CONF_SOUND_FADE_IN: Final = "sound_fade_in"
CONF_SOUND_FADE_OUT: Final = "sound_fade_out"
CONF_SOUND_ON_BREAK: Final = "sound_on_break"
CONF_SOUND_BREAK_SOURCE: Final = "sound_break_source"
CONF_SOUND_TAKE_OVER: Final = "sound_take_over"
CONF_SOUND_CHIMES: Final = "sound_chimes"
CONF_SOUND_FOLDERS: Final = "sound_folders"


class BreakAction(StrEnum):
    """What the players do during a break."""

    STOP = "stop"
    PAUSE = "pause"
    SOUND = "sound"


SHUFFLE_MARK = "\N{TWISTED RIGHTWARDS ARROWS}"
"""Put before a folder's name where the folder plays as a shuffled playlist."""

SOUND_LIMITS: Final[dict[str, tuple[int, int]]] = {
    CONF_SOUND_VOLUME: (0, 100),
    CONF_SOUND_FADE_IN: (0, 300),
    CONF_SOUND_FADE_OUT: (0, 300),
}
"""Inclusive (minimum, maximum) of the numeric sound options (percent, seconds)."""

DEFAULT_SOUND = f"{MEDIA_SOURCE_PREFIX}/bundled/brown_noise.flac"
DEFAULT_BREAK_SOUND = f"{MEDIA_SOURCE_PREFIX}/bundled/ocean.flac"

DEFAULT_SOUND_OPTIONS: Final[dict[str, Any]] = {
    CONF_SOUND_PLAYERS: [],
    CONF_SOUND_SOURCE: DEFAULT_SOUND,
    CONF_SOUND_VOLUME: 30,
    CONF_SOUND_FADE_IN: 10,
    CONF_SOUND_FADE_OUT: 10,
    CONF_SOUND_ON_BREAK: BreakAction.STOP.value,
    CONF_SOUND_BREAK_SOURCE: DEFAULT_BREAK_SOUND,
    CONF_SOUND_TAKE_OVER: False,
    CONF_SOUND_CHIMES: False,
    CONF_SOUND_FOLDERS: [],
}


@dataclass(frozen=True, kw_only=True)
class SoundOptions:
    """A timer's sound options, read from its entry's options (defaults fill gaps)."""

    players: tuple[str, ...]
    source: str
    volume: float
    fade_in: float
    fade_out: float
    on_break: BreakAction
    break_source: str
    take_over: bool
    chimes: bool
    folders: tuple[str, ...]

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> SoundOptions:
        """Read the sound options out of an entry's options."""
        merged = {**DEFAULT_SOUND_OPTIONS, **options}
        return cls(
            players=tuple(merged[CONF_SOUND_PLAYERS]),
            source=str(merged[CONF_SOUND_SOURCE]),
            volume=float(merged[CONF_SOUND_VOLUME]) / 100,
            fade_in=float(merged[CONF_SOUND_FADE_IN]),
            fade_out=float(merged[CONF_SOUND_FADE_OUT]),
            on_break=BreakAction(merged[CONF_SOUND_ON_BREAK]),
            break_source=str(merged[CONF_SOUND_BREAK_SOURCE]),
            take_over=bool(merged[CONF_SOUND_TAKE_OVER]),
            chimes=bool(merged[CONF_SOUND_CHIMES]),
            folders=tuple(merged[CONF_SOUND_FOLDERS]),
        )


def library_identifier(reference: str) -> str | None:
    """Return the library identifier (``source/path``) a reference names, or None."""
    prefix = f"{MEDIA_SOURCE_PREFIX}/"
    if reference.startswith(prefix):
        return reference[len(prefix) :].strip("/") or None
    return None


def is_valid_reference(reference: str) -> bool:
    """Return whether a text can be used as a sound (the form only; see the module doc)."""
    reference = reference.strip()
    if library_identifier(reference) is not None:
        return True
    if reference.startswith("media-source://"):
        return len(reference) > len("media-source://")
    scheme, _, rest = reference.partition("://")
    return scheme.lower() in ("http", "https") and bool(rest) and " " not in reference


def sound_choices(
    library: SoundLibrary, current: tuple[str, ...] = (), max_files: int = 50
) -> dict[str, str]:
    """Return {label: reference} of the sounds to offer, in a stable order.

    The bundled loops, then each folder as a shuffled playlist, then the folders'
    files (only when there are at most ``max_files``), then any current reference
    that is none of those (a stream URL, another media source, a file beyond the cap).
    """
    choices: dict[str, str] = {}

    def add(label: str, reference: str, source_name: str) -> None:
        if reference in choices.values():
            return
        if label in choices:
            label = f"{label} ({source_name})"
        choices.setdefault(label, reference)

    sources = library.sources
    for track in library.tracks(BUNDLED):
        add(track.title, track.media_id, sources[track.source].name)
    folders = [source for source in sources.values() if source.kind is SourceKind.FOLDER]
    for source in folders:
        add(f"{SHUFFLE_MARK} {source.name}", f"{MEDIA_SOURCE_PREFIX}/{source.id}", source.name)
    files = [track for source in folders for track in library.tracks(source.id)]
    if len(files) <= max_files:
        for track in files:
            add(track.title, track.media_id, sources[track.source].name)
    for reference in current:
        if reference in choices.values():
            continue
        identifier = library_identifier(reference)
        known = library.track(identifier) if identifier else None
        add(known.title if known else reference, reference, "")
    return choices
