"""Scan the library's folders and index what was found, in the executor (blocking I/O).

A rescan of an unchanged library reuses the very Track objects of the last scan and
says so (``unchanged``), so the event loop then has nothing to re-index.
"""

from __future__ import annotations

from dataclasses import dataclass
import os

from .scanner import CachedFile, FoundFile, Root, ScanResult, scan
from .tracks import Track, title_from_name


def track_of(found: FoundFile) -> Track | None:
    """Return the track of a found file, or None when its tags could not be read."""
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


@dataclass(slots=True)
class Indexed:
    """What one scan found, indexed in the executor."""

    result: ScanResult
    tracks: dict[str, Track]
    corrupt: dict[str, str]
    unchanged: bool
    """The scanned sources hold exactly the tracks they held before (same objects)."""
    cache: dict[str, CachedFile] | None
    """The whole new cache, or None when it did not change."""


def scan_and_index(
    roots: list[Root], cache: dict[str, CachedFile], known: dict[str, Track]
) -> Indexed:
    """Scan, then index what was found, reusing the tracks of unchanged files (executor).

    ``known`` is the library's tracks by identifier (a copy: the event loop may change
    the library meanwhile).
    """
    result = scan(roots, cache)
    scanned = {root.source for root in roots}
    held = sum(track.source in scanned for track in known.values())
    tracks: dict[str, Track] = {}
    corrupt: dict[str, str] = {}
    seen: set[str] = set()
    reused = 0
    old_track = known.get
    cached_entry = cache.get
    for found in result.files:
        source, relative, absolute, entry = found
        seen.add(absolute)
        identifier = f"{source}/{relative}"
        old = old_track(identifier)
        if old is not None and old.absolute == absolute and cached_entry(absolute) is entry:
            tracks[identifier] = old
            reused += 1
        elif (track := track_of(found)) is not None:
            tracks[identifier] = track
        else:
            corrupt[absolute] = entry.error or "unreadable"
    roots_seen = tuple(root + os.sep for root in result.real_roots.values())
    # What could not be looked at this time stays cached, so a folder that comes back
    # (a network mount) is not read again.
    kept = tuple(path + os.sep for path, _ in result.unreadable) + tuple(
        result.real_roots[source] + os.sep for source in result.missing
    )
    stale = {
        path
        for path in cache
        if path not in seen and path.startswith(roots_seen) and not path.startswith(kept)
    }
    new_cache = None
    if result.read or stale:
        new_cache = {
            path: entry for path, entry in cache.items() if path not in stale
        } | result.cache()
    return Indexed(
        result,
        tracks,
        corrupt,
        unchanged=reused == len(tracks) == held,
        cache=new_cache,
    )
