"""The sound library: bundled loops and chimes plus the users' folders, indexed by source.

One library serves every timer; it is set up once (with the HTTP view that serves its
files) by the first timer that loads. Folders come from the timers' options; scans run
in the executor and reuse a cache (by path, size and modification time) kept in a
Store, so a rescan of an unchanged library reads no tags. The cache is disposable: a
damaged one (or one written by a newer release) is set aside and rebuilt. Damaged files
and folders that cannot be read are skipped, summarised in one warning per scan and
counted for diagnostics; they never stop a scan.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
import logging
import os
from pathlib import Path, PurePath
import time
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..toolkit.lifecycle import Listeners
from ..toolkit.store import VersionedStore
from .index import Indexed, scan_and_index, track_of
from .scanner import CachedFile, FoundFile, Root, ScanResult, inside, parse_cache
from .tracks import (
    BUNDLED,
    CHIMES,
    MEDIA_SOURCE_PREFIX,
    SOUNDS_DIR,
    URL_PREFIX,
    ScanStats,
    Source,
    SourceKind,
    Track,
    folder_source_id,
    title_from_name,
    url_name,
)

__all__ = [
    "BUNDLED",
    "CHIMES",
    "DATA_LIBRARY",
    "MEDIA_SOURCE_PREFIX",
    "SOUNDS_DIR",
    "URL_PREFIX",
    "SoundLibrary",
    "Source",
    "SourceKind",
    "Track",
    "async_get_library",
    "folder_source_id",
    "title_from_name",
]

_LOGGER = logging.getLogger(__name__)

CACHE_VERSION = 1
NAMES_SHOWN = 3
"""How many file or folder names a summary warning lists."""

DATA_LIBRARY: HassKey[SoundLibrary] = HassKey(f"{DOMAIN}_library")


def _summary(items: Iterable[str]) -> str:
    names = sorted(items)
    shown = ", ".join(names[:NAMES_SHOWN])
    return shown if len(names) <= NAMES_SHOWN else f"{shown} and {len(names) - NAMES_SHOWN} more"


class SoundLibrary:
    """The library of one Home Assistant instance: sources, tracks and their scan cache."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Prepare an empty library; ``async_setup`` loads the cache and scans."""
        self.hass = hass
        self._store: VersionedStore[dict[str, CachedFile]] = VersionedStore(
            hass,
            f"{DOMAIN}.library",
            parse_cache,
            version=CACHE_VERSION,
            cache=True,
            serialize_in_event_loop=False,
            parse_in_executor=True,
        )
        self._cache: dict[str, CachedFile] = {}
        self._folders: dict[str, tuple[str, ...]] = {}
        self._tracks: dict[str, Track] = {}
        self._by_url: dict[str, str] = {}
        self.corrupt: dict[str, str] = {}
        self.unreadable: dict[str, str] = {}
        self.last_scan: ScanStats | None = None
        self._scan_lock = asyncio.Lock()
        self._listeners: Listeners[()] = Listeners()

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
        """Load the scan cache (a damaged one is rebuilt) and scan the bundled sounds."""
        self._cache = await self._store.async_load() or {}
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
        self._listeners.notify()

    @callback
    def async_add_listener(self, listener: Any) -> Any:
        """Call ``listener`` whenever the library's content changed; returns its remover."""
        return self._listeners.add(listener)

    # --------------------------------------------------------------------- scan

    async def async_scan(self, only: Iterable[str] | None = None) -> ScanStats:
        """Scan the library (or only some sources) in the executor; return the figures."""
        async with self._scan_lock:
            roots = self._roots(only)
            scanned = {root.source for root in roots}
            started = time.monotonic()
            indexed = await self.hass.async_add_executor_job(
                scan_and_index, roots, self._cache, dict(self._tracks)
            )
            seconds = time.monotonic() - started
            result = indexed.result
            self._apply(scanned, indexed)
            self._report(result)
            self.last_scan = ScanStats(
                files=len(result.files),
                read=result.read,
                reused=result.reused,
                corrupt=len(indexed.corrupt),
                seconds=seconds,
                unreadable_folders=len(result.unreadable) + len(result.missing),
            )
            _LOGGER.debug("Scanned %s: %s", sorted(scanned), self.last_scan)
        self._listeners.notify()
        return self.last_scan

    def _apply(self, scanned: set[str], indexed: Indexed) -> None:
        """Replace what the scanned sources held by what the scan found."""
        if not indexed.unchanged:
            current = set(self.sources)
            for source_id in scanned:
                self._drop_source(source_id)
            for key, track in indexed.tracks.items():
                if track.source in current:
                    self._add(key, track)
        roots = tuple(root + os.sep for root in indexed.result.real_roots.values())
        self.corrupt = {
            path: reason for path, reason in self.corrupt.items() if not path.startswith(roots)
        } | indexed.corrupt
        self.unreadable = {
            path: reason for path, reason in self.unreadable.items() if not path.startswith(roots)
        } | dict(indexed.result.unreadable)
        if indexed.cache is not None:
            self._cache = indexed.cache
            self._store.async_delay_save(self._cache_data)

    def _report(self, result: ScanResult) -> None:
        """Summarise what went wrong in one warning per kind (never one line per file)."""
        if result.new_errors:
            _LOGGER.warning(
                "Skipping %d sound files that cannot be read: %s (see the diagnostics)",
                len(result.new_errors),
                _summary(f"{path} ({reason})" for path, reason in result.new_errors),
            )
        if result.unreadable:
            _LOGGER.warning(
                "Skipping %d sound folders that cannot be read: %s",
                len(result.unreadable),
                _summary(f"{path} ({reason})" for path, reason in result.unreadable),
            )
        for source_id in result.missing:
            _LOGGER.warning("The sound folder %s does not exist", self._path_of(source_id))
        for source_id in result.truncated:
            _LOGGER.warning(
                "The sound folder %s holds too many files; only the first ones are used",
                self._path_of(source_id),
            )

    def _cache_data(self) -> dict[str, Any]:
        """Return the cache as stored data (serialised in the executor)."""
        return {"files": {path: entry.to_json() for path, entry in self._cache.items()}}

    def _add(self, key: str, track: Track) -> None:
        self._tracks[key] = track
        self._by_url[f"{track.source}/{url_name(track.path)}"] = key

    def _drop_source(self, source_id: str) -> None:
        for key in [key for key, track in self._tracks.items() if track.source == source_id]:
            track = self._tracks.pop(key)
            self._by_url.pop(f"{track.source}/{url_name(track.path)}", None)

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
                    if (track := track_of(found)) is not None:
                        self._add(track.identifier, track)

    def _path_of(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.path if source else source_id

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

    async def async_file(self, source: str, name: str) -> tuple[str, str] | None:
        """Return (absolute path, content type) of the file a URL names, checked on disk."""
        key = self._by_url.get(f"{source}/{name}")
        track = self._tracks.get(key) if key is not None else None
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
            "unreadable_folders": len(self.unreadable),
            "last_scan": self.last_scan.as_dict() if self.last_scan else None,
        }


async def async_get_library(hass: HomeAssistant) -> SoundLibrary:
    """Return the instance's library, set up once (with its file view) however many ask.

    A set-up that failed is forgotten, so the next timer that loads tries again.
    """
    if (setup := hass.data.get(DATA_SETUP)) is None:
        setup = hass.data[DATA_SETUP] = hass.async_create_task(
            _async_set_up(hass), "tomatoes library setup", eager_start=True
        )
    try:
        return await asyncio.shield(setup)
    except Exception:
        if hass.data.get(DATA_SETUP) is setup:
            hass.data.pop(DATA_SETUP)
        raise


async def _async_set_up(hass: HomeAssistant) -> SoundLibrary:
    from .http import CoverArtView, SoundFileView  # noqa: PLC0415 - the view needs the library

    library = SoundLibrary(hass)
    await library.async_setup()
    hass.http.register_view(CoverArtView())  # first: its paths would match the file view's
    hass.http.register_view(SoundFileView(library))
    hass.data[DATA_LIBRARY] = library
    return library


DATA_SETUP: HassKey[asyncio.Task[SoundLibrary]] = HassKey(f"{DOMAIN}_library_setup")
