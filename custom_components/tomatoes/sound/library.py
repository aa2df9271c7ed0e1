"""The sound library: bundled loops and chimes plus the users' folders, indexed by source.

One library serves every timer. Folders come from the timers' options; scans run in
the executor and reuse a cache (by path, size and modification time) kept in a Store,
so a rescan of an unchanged library reads no tags. Damaged files are skipped with one
warning each and counted for diagnostics.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
import hashlib
import logging
import os
from pathlib import Path, PurePath
import time
from typing import Any
from urllib.parse import quote

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.storage import Store
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from .scanner import CachedFile, FoundFile, Root, ScanResult, audio_type, inside, scan

_LOGGER = logging.getLogger(__name__)

SOUNDS_DIR = Path(__file__).parent / "sounds"
BUNDLED = "bundled"
CHIMES = "chimes"
URL_PREFIX = "/api/tomatoes/sound"
MEDIA_SOURCE_PREFIX = f"media-source://{DOMAIN}"
CACHE_VERSION = 1

DATA_LIBRARY: HassKey[SoundLibrary] = HassKey(f"{DOMAIN}_library")


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
        """Return the path (unsigned) under which the HTTP view serves the file."""
        return f"{URL_PREFIX}/{self.source}/{quote(self.path)}"

    @property
    def mime_type(self) -> str:
        """Return the content type the file is served with."""
        return audio_type(self.path) or "application/octet-stream"


@dataclass(frozen=True, slots=True)
class ScanStats:
    """The figures of the last scan (shown in diagnostics and returned by the action)."""

    files: int
    read: int
    reused: int
    corrupt: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        """Return the figures as JSON-safe data."""
        return {
            "files": self.files,
            "read": self.read,
            "reused": self.reused,
            "corrupt": self.corrupt,
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


def _track(found: FoundFile) -> Track | None:
    info = found.entry.info
    if info is None:
        return None
    return Track(
        source=found.source,
        path=found.relative,
        absolute=found.absolute,
        title=info.title or title_from_name(found.relative),
        artist=info.artist,
        album=info.album,
        duration=info.duration,
        gain=info.gain,
        loop=info.loop,
    )


def _index(result: ScanResult) -> tuple[dict[str, Track], dict[str, str]]:
    """Build the index and the list of damaged files of a scan (in the executor)."""
    tracks: dict[str, Track] = {}
    corrupt: dict[str, str] = {}
    for found in result.files:
        if (track := _track(found)) is not None:
            tracks[track.identifier] = track
        else:
            corrupt[found.absolute] = found.entry.error or "unreadable"
    return tracks, corrupt


def _scan_and_index(
    roots: list[Root], cache: dict[str, CachedFile]
) -> tuple[ScanResult, dict[str, Track], dict[str, str]]:
    result = scan(roots, cache)
    return result, *_index(result)


class SoundLibrary:
    """The library of one Home Assistant instance: sources, tracks and their scan cache."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Prepare an empty library; ``async_setup`` loads the cache and scans."""
        self.hass = hass
        self._store: Store[dict[str, Any]] = Store(
            hass, CACHE_VERSION, f"{DOMAIN}.library", serialize_in_event_loop=False
        )
        self._cache: dict[str, CachedFile] = {}
        self._folders: dict[str, tuple[str, ...]] = {}
        self._tracks: dict[str, Track] = {}
        self.corrupt: dict[str, str] = {}
        self.last_scan: ScanStats | None = None
        self._scan_lock = asyncio.Lock()
        self._listeners: list[CALLBACK_TYPE] = []
        self.setup_task: asyncio.Task[None] | None = None
        self.view_registered = False

    # ----------------------------------------------------------------- sources

    @property
    def sources(self) -> dict[str, Source]:
        """Return the sources: bundled loops, then the folders by name, then the chimes."""
        sources = {
            BUNDLED: Source(BUNDLED, "Ambient loops", str(SOUNDS_DIR / "loops"), SourceKind.BUNDLED)
        }
        folders = {path for paths in self._folders.values() for path in paths}
        for path in sorted(folders, key=lambda path: (PurePath(path).name.lower(), path)):
            source_id = folder_source_id(path)
            name = PurePath(path).name or path
            sources[source_id] = Source(source_id, name, path, SourceKind.FOLDER)
        sources[CHIMES] = Source(CHIMES, "Chimes", str(SOUNDS_DIR / "chimes"), SourceKind.CHIMES)
        return sources

    def _roots(self, only: Iterable[str] | None = None) -> list[Root]:
        wanted = set(only) if only is not None else None
        return [
            Root(source.id, source.path)
            for source in self.sources.values()
            if wanted is None or source.id in wanted
        ]

    # ---------------------------------------------------------------- lifecycle

    async def async_setup(self) -> None:
        """Load the scan cache and scan the bundled sounds."""
        stored = await self._store.async_load() or {}
        files: dict[str, list[Any]] = stored.get("files", {})
        self._cache = await self.hass.async_add_executor_job(
            lambda: {path: CachedFile.from_json(entry) for path, entry in files.items()}
        )
        await self.async_scan()

    @callback
    def async_set_folders(self, owner: str, folders: Iterable[str]) -> None:
        """Use a timer's folders; new folders are indexed from the cache, then scanned."""
        paths = tuple(os.path.normpath(folder) for folder in folders)
        before = set(self.sources)
        if paths:
            self._folders[owner] = paths
        else:
            self._folders.pop(owner, None)
        after = set(self.sources)
        if before == after:
            return
        for source_id in before - after:
            self._drop_source(source_id)
        if added := after - before:
            self._index_from_cache(added)
            self.hass.async_create_background_task(
                self.async_scan(added), "tomatoes library scan", eager_start=False
            )
        self._notify()

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` whenever the library's content changed."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # --------------------------------------------------------------------- scan

    async def async_scan(self, only: Iterable[str] | None = None) -> ScanStats:
        """Scan the library (or only some sources) in the executor; return the figures."""
        async with self._scan_lock:
            roots = self._roots(only)
            scanned = {root.source for root in roots}
            started = time.monotonic()
            result, tracks, corrupt = await self.hass.async_add_executor_job(
                _scan_and_index, roots, dict(self._cache)
            )
            seconds = time.monotonic() - started
            current = set(self.sources)
            for source_id in scanned:
                self._drop_source(source_id)
            self._tracks.update(
                (key, track) for key, track in tracks.items() if track.source in current
            )
            prefixes = tuple(root + os.sep for root in result.real_roots.values())
            self.corrupt = {
                path: reason
                for path, reason in self.corrupt.items()
                if not path.startswith(prefixes)
            } | corrupt
            before = set(self._cache)
            self._cache = {
                path: entry for path, entry in self._cache.items() if not path.startswith(prefixes)
            } | result.cache()
            for path, reason in result.new_errors:
                _LOGGER.warning("Skipping %s: the file cannot be read (%s)", path, reason)
            for source_id in result.missing:
                _LOGGER.warning("The sound folder %s does not exist", self._path_of(source_id))
            for source_id in result.truncated:
                _LOGGER.warning(
                    "The sound folder %s holds too many files; only the first ones are used",
                    self._path_of(source_id),
                )
            self.last_scan = ScanStats(
                files=len(result.files),
                read=result.read,
                reused=result.reused,
                corrupt=len(corrupt),
                seconds=seconds,
            )
            if result.read or set(self._cache) != before:
                await self._async_save()
            _LOGGER.debug("Scanned %s: %s", sorted(scanned), self.last_scan)
        self._notify()
        return self.last_scan

    async def _async_save(self) -> None:
        cache = dict(self._cache)
        files = await self.hass.async_add_executor_job(
            lambda: {path: entry.to_json() for path, entry in cache.items()}
        )
        await self._store.async_save({"files": files})

    def _drop_source(self, source_id: str) -> None:
        for key in [key for key, track in self._tracks.items() if track.source == source_id]:
            del self._tracks[key]

    def _index_from_cache(self, source_ids: set[str]) -> None:
        """Index what the cache knows of new folders, so they work before their scan ends.

        The cache is keyed by real paths; a folder reached through a link is only
        found by its scan (resolving links here would touch the disk in the event loop).
        """
        for source_id in source_ids:
            source = self.sources[source_id]
            root = os.path.normpath(source.path) + os.sep
            for path, entry in self._cache.items():
                if path.startswith(root):
                    found = FoundFile(
                        source_id, path[len(root) :].replace(os.sep, "/"), path, entry
                    )
                    if (track := _track(found)) is not None:
                        self._tracks[track.identifier] = track

    def _path_of(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.path if source else source_id

    @callback
    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    # ------------------------------------------------------------------ queries

    def track(self, identifier: str) -> Track | None:
        """Return the track with this identifier (``source/path``), if the library has it."""
        return self._tracks.get(identifier)

    def tracks(self, source: str | None = None, folder: str = "") -> list[Track]:
        """Return the tracks of a source (under one of its sub-folders), sorted by path."""
        prefix = f"{folder.strip('/')}/" if folder.strip("/") else ""
        return sorted(
            (
                track
                for track in self._tracks.values()
                if (source is None or track.source == source) and track.path.startswith(prefix)
            ),
            key=lambda track: (track.source, track.path),
        )

    def playlist(self, identifier: str) -> list[Track]:
        """Return what an identifier plays: one track, or every track of a source or folder."""
        if (track := self.track(identifier)) is not None:
            return [track]
        source, _, folder = identifier.partition("/")
        if source not in self.sources:
            return []
        return self.tracks(source, folder)

    async def async_file(self, source: str, path: str) -> tuple[str, str] | None:
        """Return (absolute path, content type) of a library file, checked on disk, or None."""
        track = self._tracks.get(f"{source}/{path}")
        library_source = self.sources.get(source)
        if track is None or library_source is None:
            return None

        def _check() -> bool:
            real_root = os.path.realpath(library_source.path)
            return inside(real_root, track.absolute) and Path(track.absolute).is_file()

        if not await self.hass.async_add_executor_job(_check):
            return None
        return track.absolute, track.mime_type

    def diagnostics(self) -> dict[str, Any]:
        """Return the library's sources, counts and damaged files (for diagnostics)."""
        return {
            "sources": {
                source.id: {
                    "name": source.name,
                    "kind": str(source.kind),
                    "tracks": sum(track.source == source.id for track in self._tracks.values()),
                }
                for source in self.sources.values()
            },
            "corrupt_files": len(self.corrupt),
            "corrupt": sorted(PurePath(path).name for path in self.corrupt),
            "last_scan": self.last_scan.as_dict() if self.last_scan else None,
        }


async def async_get_library(hass: HomeAssistant) -> SoundLibrary:
    """Return the instance's library, set up on first use (one setup, however many ask)."""
    if (library := hass.data.get(DATA_LIBRARY)) is None:
        library = hass.data[DATA_LIBRARY] = SoundLibrary(hass)
        library.setup_task = hass.async_create_task(
            library.async_setup(), "tomatoes library setup", eager_start=True
        )
    if library.setup_task is not None:
        await library.setup_task
    return library
