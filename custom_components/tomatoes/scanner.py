"""Walk the library's folders and read tags, reusing what an earlier scan read (blocking I/O).

Only called from the executor. A file whose size and modification time match the
cache is not opened at all, so a rescan of an unchanged library costs one ``stat``
per file. Damaged files are cached too (with the reason), so they are reported once
and not read again until they change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import os
import stat
from typing import Any

from .tags import AUDIO_TYPES, TagInfo, UnreadableFileError, read_tags

MAX_FILES_PER_FOLDER = 20_000
"""A folder stops being walked after this many audio files (a guard against huge trees)."""


@dataclass(frozen=True, slots=True)
class Root:
    """A folder of the library: its source id and its absolute path."""

    source: str
    path: str


@dataclass(frozen=True, slots=True)
class CachedFile:
    """What a scan learnt about one file, valid while size and mtime stay the same."""

    size: int
    mtime_ns: int
    info: TagInfo | None
    error: str | None = None

    def to_json(self) -> list[Any]:
        """Return the entry as compact JSON-safe data."""
        return [self.size, self.mtime_ns, self.info.as_dict() if self.info else None, self.error]

    @classmethod
    def from_json(cls, data: list[Any]) -> CachedFile:
        """Rebuild an entry from ``to_json`` output."""
        size, mtime_ns, info, error = data
        return cls(int(size), int(mtime_ns), TagInfo.from_dict(info) if info else None, error)


@dataclass(frozen=True, slots=True)
class FoundFile:
    """An audio file found under a root, with its absolute and relative paths."""

    source: str
    relative: str
    absolute: str
    entry: CachedFile


@dataclass(slots=True)
class ScanResult:
    """Everything one scan found, and how much work it took."""

    files: list[FoundFile] = field(default_factory=list)
    read: int = 0
    reused: int = 0
    new_errors: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)

    def cache(self) -> dict[str, CachedFile]:
        """Return the cache to keep: every file this scan saw, by absolute path."""
        return {found.absolute: found.entry for found in self.files}


def scan(roots: list[Root], cache: dict[str, CachedFile]) -> ScanResult:
    """Scan every root; read tags only of files that are new or changed since ``cache``."""
    result = ScanResult()
    for root in roots:
        real_root = os.path.realpath(root.path)
        if not os.path.isdir(real_root):
            result.missing.append(root.source)
            continue
        count = 0
        for absolute in _audio_files(real_root):
            if count >= MAX_FILES_PER_FOLDER:
                result.truncated.append(root.source)
                break
            found = _scan_file(root.source, real_root, absolute, cache, result)
            if found is not None:
                result.files.append(found)
                count += 1
    return result


def inside(real_root: str, path: str) -> bool:
    """Return whether ``path`` (after following links) lies inside ``real_root``."""
    return os.path.realpath(path).startswith(real_root.rstrip(os.sep) + os.sep)


def _audio_files(real_root: str) -> list[str]:
    """Return the audio files under a folder, sorted, skipping hidden names."""
    files: list[str] = []
    for folder, folders, names in os.walk(real_root, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        files.extend(
            os.path.join(folder, name)
            for name in sorted(names)
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in AUDIO_TYPES
        )
    return files


def _scan_file(
    source: str,
    real_root: str,
    absolute: str,
    cache: dict[str, CachedFile],
    result: ScanResult,
) -> FoundFile | None:
    if os.path.islink(absolute) and not inside(real_root, absolute):
        return None  # a link that leads out of the folder is not part of the library
    try:
        status = os.stat(absolute)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    relative = os.path.relpath(absolute, real_root).replace(os.sep, "/")
    cached = cache.get(absolute)
    if cached and cached.size == status.st_size and cached.mtime_ns == status.st_mtime_ns:
        result.reused += 1
        return FoundFile(source, relative, absolute, cached)
    result.read += 1
    try:
        entry = CachedFile(status.st_size, status.st_mtime_ns, read_tags(absolute))
    except UnreadableFileError as err:
        entry = CachedFile(status.st_size, status.st_mtime_ns, None, str(err))
        result.new_errors.append((absolute, str(err)))
    return FoundFile(source, relative, absolute, entry)
