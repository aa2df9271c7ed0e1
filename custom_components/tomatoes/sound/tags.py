"""Read what the sound library needs from an audio file's tags, with mutagen (blocking I/O).

Only called from the executor. Handles the tag families that audio files carry:
ID3 (MP3, WAV, AIFF), Vorbis comments (FLAC, Ogg, Opus), MP4 atoms and APEv2 / ASF
key-value tags, and reads ReplayGain (track gain first, album gain second, Opus R128
gains converted to ReplayGain's reference).
"""

from __future__ import annotations

from dataclasses import dataclass
import math
import re
from typing import Any, cast

from mutagen._file import File, FileType  # mutagen exports these by name only from 1.48 on
from mutagen._util import MutagenError
from mutagen.aac import AAC
from mutagen.aiff import AIFF
from mutagen.flac import FLAC
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, MP4Tags
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

AUDIO_TYPES: dict[str, str] = {
    ".aac": "audio/aac",
    ".aif": "audio/aiff",
    ".aiff": "audio/aiff",
    ".flac": "audio/flac",
    ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg",
    ".oga": "audio/ogg",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
}
"""File extensions the library picks up, and the content type each is served with."""

MAX_TEXT = 120
"""Longest title, artist or album kept (longer ones are cut): labels stay readable and
every state that shows them stays within Home Assistant's 255 characters."""

MAX_VALUE = 1000
"""Longest tag value looked at; the rest of a huge tag is never copied."""

LOOP_TAG = "tomatoes_loop"
"""Tag that marks a file as a seamless loop (value "1"); the bundled loops carry it."""

_ID3_NAMES = {"TIT2": "title", "TPE1": "artist", "TALB": "album"}
_MP4_NAMES = {"\xa9nam": "title", "\xa9ART": "artist", "\xa9alb": "album"}
_MP4_FREEFORM = "----:com.apple.iTunes:"
_ASF_NAMES = {"author": "artist", "wm/albumtitle": "album"}
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
# Opus R128 gains are relative to -23 LUFS; ReplayGain 2.0's reference is -18 LUFS.
_R128_TO_REPLAYGAIN_DB = 5.0


class UnreadableFileError(Exception):
    """The file is not audio that mutagen understands, or it is damaged."""


@dataclass(frozen=True, slots=True)
class TagInfo:
    """What the library keeps of one file's tags and stream info."""

    title: str | None = None
    artist: str | None = None
    album: str | None = None
    duration: float | None = None
    gain: float | None = None
    loop: bool = False

    def as_dict(self) -> dict[str, Any]:
        """Return the info as JSON-safe data (for the scan cache)."""
        return {
            "title": self.title,
            "artist": self.artist,
            "album": self.album,
            "duration": self.duration,
            "gain": self.gain,
            "loop": self.loop,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TagInfo:
        """Rebuild the info from ``as_dict`` output; raise ValueError or TypeError if damaged.

        Unknown keys are ignored; texts longer than today's limit are cut.
        """
        texts: list[str | None] = []
        for key in ("title", "artist", "album"):
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{key} must be a text")
            texts.append(clip(value))
        numbers: list[float | None] = []
        for key in ("duration", "gain"):
            value = data.get(key)
            if value is not None and (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
            ):
                raise ValueError(f"{key} must be a number")
            numbers.append(None if value is None else float(value))
        title, artist, album = texts
        duration, gain = numbers
        if duration is not None and duration < 0:
            raise ValueError("duration must not be negative")
        loop = data.get("loop", False)
        if not isinstance(loop, bool):
            raise TypeError("loop must be true or false")
        return cls(title, artist, album, duration, gain, loop)


def _kinds() -> dict[str, list[type[FileType]]]:
    """Return the mutagen file types worth trying first for each extension."""
    ogg: list[type[FileType]] = [OggVorbis, OggOpus, OggFLAC]
    return {
        ".aac": [AAC, MP4],
        ".aif": [AIFF],
        ".aiff": [AIFF],
        ".flac": [FLAC],
        ".m4a": [MP4],
        ".mp3": [MP3],
        ".oga": ogg,
        ".ogg": ogg,
        ".opus": [OggOpus],
        ".wav": [WAVE],
    }


_KINDS = _kinds()


def _open(path: str) -> FileType | None:
    """Open an audio file trying the types its extension suggests first, then every type."""
    _, dot, extension = path.rpartition(".")
    kinds = _KINDS.get(f".{extension.lower()}") if dot else None
    if kinds and (audio := File(path, options=kinds)) is not None:
        return cast("FileType", audio)
    return cast("FileType | None", File(path))


def read_tags(path: str) -> TagInfo:
    """Return the tags and duration of an audio file; raise UnreadableFileError if it has none."""
    try:
        audio = _open(path)
    except (MutagenError, OSError, ValueError, EOFError, IndexError) as err:
        # mutagen reports damaged files with MutagenError, but a few parsers let
        # struct or index errors through on truncated data.
        raise UnreadableFileError(str(err) or type(err).__name__) from err
    if audio is None:
        raise UnreadableFileError("not a recognised audio format")
    values = _tag_values(audio.tags)
    length = getattr(audio.info, "length", None)
    return TagInfo(
        title=clip(values.get("title")),
        artist=clip(values.get("artist")),
        album=clip(values.get("album")),
        duration=round(float(length), 3) if length else None,
        gain=_gain(values),
        loop=values.get(LOOP_TAG, "").strip() == "1",
    )


def clip(text: str | None, limit: int = MAX_TEXT) -> str | None:
    """Return a tag text without surrounding blanks, cut to ``limit`` characters (None if empty)."""
    if text is None or not (text := " ".join(text.split())):
        return None
    return text if len(text) <= limit else f"{text[: limit - 1].rstrip()}\N{HORIZONTAL ELLIPSIS}"


def _tag_values(tags: object) -> dict[str, str]:
    """Flatten a file's tags to {lower-case name: first value as text}."""
    if tags is None:
        return {}
    # mutagen's tag classes are untyped; they are handled as Any below.
    if isinstance(tags, ID3):
        return _id3_values(cast("Any", tags))
    if isinstance(tags, MP4Tags):
        return _mp4_values(cast("Any", tags))
    return _mapping_values(tags)


def _id3_values(tags: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for frame_id, name in _ID3_NAMES.items():
        for frame in tags.getall(frame_id):
            if frame.text:
                values.setdefault(name, str(frame.text[0])[:MAX_VALUE])
    for frame in tags.getall("TXXX"):
        if frame.text:
            values.setdefault(str(frame.desc).lower(), str(frame.text[0])[:MAX_VALUE])
    return values


def _mp4_values(tags: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for key in list(tags.keys()):
        raw = tags[key]
        if not raw:
            continue
        first = raw[0]
        text = first.decode("utf-8", "replace") if isinstance(first, bytes) else str(first)
        text = text[:MAX_VALUE]
        if key in _MP4_NAMES:
            values.setdefault(_MP4_NAMES[key], text)
        elif key.startswith(_MP4_FREEFORM):
            values.setdefault(key[len(_MP4_FREEFORM) :].lower(), text)
    return values


def _mapping_values(tags: Any) -> dict[str, str]:
    """Read Vorbis comments, APEv2 and ASF tags, which behave like {name: value(s)}."""
    values: dict[str, str] = {}
    if not hasattr(tags, "keys"):
        return values
    for key in tags.keys():  # noqa: SIM118 - Vorbis comments are a list with keys(), no iter
        raw = tags[key]
        first = raw[0] if isinstance(raw, list) and raw else raw
        if first is None or first == []:
            continue
        name = str(key).lower()
        values.setdefault(_ASF_NAMES.get(name, name), str(first)[:MAX_VALUE])
    return values


def _gain(values: dict[str, str]) -> float | None:
    """Return the ReplayGain (dB) to apply: track gain, else album gain, else Opus R128."""
    for key in ("replaygain_track_gain", "replaygain_album_gain"):
        if (number := _number(values.get(key))) is not None:
            return number
    for key in ("r128_track_gain", "r128_album_gain"):
        if (number := _number(values.get(key))) is not None:
            return round(number / 256 + _R128_TO_REPLAYGAIN_DB, 2)
    return None


def _number(text: str | None) -> float | None:
    if text is None or (match := _NUMBER.search(text)) is None:
        return None
    return float(match.group())
