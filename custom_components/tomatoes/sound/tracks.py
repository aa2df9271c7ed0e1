"""What the sound library is made of: sources, tracks and their URLs, and a scan's figures.

Every file the library lists must play, whatever its name. A track's URL uses its
relative path where that path is plain (letters, digits, ``_``, ``-``, dots between
them, ``/``); any other name (spaces, ``#``, ``?``, ``~``, ``..``, accents, ...) is
addressed by a digest of its path, ``~<digest>.<extension>``, so no URL ever needs
escaping, a player never reads part of a name as a fragment or a query, and the view
only ever looks names up in the index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
import hashlib
import os
from pathlib import Path, PurePath
import re
from typing import Any

from homeassistant.components.http.auth import async_sign_path
from homeassistant.core import HomeAssistant
from homeassistant.helpers.network import NoURLAvailableError, get_url

from ..const import DOMAIN
from .scanner import audio_type

SOUNDS_DIR = Path(__file__).parent / "sounds"
BUNDLED = "bundled"
CHIMES = "chimes"
URL_PREFIX = "/api/tomatoes/sound"
MEDIA_SOURCE_PREFIX = f"media-source://{DOMAIN}"
DIGEST_MARK = "~"
"""Starts the URL name of a track addressed by digest (plain paths never contain it)."""

_PLAIN_SEGMENT = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
_PLAIN_PATH = re.compile(rf"{_PLAIN_SEGMENT}(?:/{_PLAIN_SEGMENT})*")
_PLAIN_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}")


class SourceKind(StrEnum):
    """Where a source's files come from."""

    BUNDLED = "bundled"
    CHIMES = "chimes"
    FOLDER = "folder"


@dataclass(frozen=True, slots=True)
class Source:
    """A browsable part of the library: the bundled loops, the chimes, or one folder."""

    id: str
    name: str
    path: str
    kind: SourceKind


def url_name(path: str) -> str:
    """Return the name under which the view serves a file (its path, or a digest of it)."""
    if _PLAIN_PATH.fullmatch(path):
        return path
    digest = hashlib.sha256(path.encode()).hexdigest()[:24]
    extension = PurePath(path).suffix.lower()
    return f"{DIGEST_MARK}{digest}{extension if _PLAIN_EXTENSION.fullmatch(extension) else ''}"


@dataclass(frozen=True, slots=True)
class Track:
    """One playable file of the library with what its tags said."""

    source: str
    path: str
    absolute: str
    title: str
    artist: str | None
    album: str | None
    duration: float | None
    gain: float | None
    loop: bool

    @property
    def identifier(self) -> str:
        """Return the track's media source identifier (``source/relative/path``)."""
        return f"{self.source}/{self.path}"

    @property
    def media_id(self) -> str:
        """Return the track's ``media-source://`` id."""
        return f"{MEDIA_SOURCE_PREFIX}/{self.identifier}"

    @property
    def url_path(self) -> str:
        """Return the path (unsigned, needing no escaping) the HTTP view serves the file at."""
        return f"{URL_PREFIX}/{self.source}/{url_name(self.path)}"

    @property
    def mime_type(self) -> str:
        """Return the content type the file is served with."""
        return audio_type(self.path) or "application/octet-stream"


def signed_url(hass: HomeAssistant, track: Track, validity: timedelta) -> str | None:
    """Return the absolute signed URL a media player fetches a track from (None: no URL)."""
    path = async_sign_path(hass, track.url_path, validity, use_content_user=True)
    try:
        return f"{get_url(hass)}{path}"
    except NoURLAvailableError:
        return None


@dataclass(frozen=True, slots=True)
class ScanStats:
    """The figures of the last scan (shown in diagnostics and returned by the action)."""

    files: int
    read: int
    reused: int
    corrupt: int
    seconds: float
    unreadable_folders: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Return the figures as JSON-safe data."""
        return {
            "files": self.files,
            "read": self.read,
            "reused": self.reused,
            "corrupt": self.corrupt,
            "unreadable_folders": self.unreadable_folders,
            "seconds": round(self.seconds, 3),
        }


def folder_source_id(path: str) -> str:
    """Return the stable source id of a user folder (derived from its path)."""
    digest = hashlib.sha256(os.path.normpath(path).encode()).hexdigest()[:10]
    return f"folder_{digest}"


def title_from_name(path: str) -> str:
    """Make a readable title from a file name, for files without a title tag."""
    stem = PurePath(path).stem
    return stem.replace("_", " ").replace("-", " ").strip().capitalize() or stem
