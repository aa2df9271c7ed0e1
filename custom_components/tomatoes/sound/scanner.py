"""Walk the library's folders and read tags, reusing what an earlier scan read (blocking I/O).

Only called from the executor. A file whose size and modification time match the
cache is not opened at all, so a rescan of an unchanged library costs one ``stat``
per file. Damaged files are cached too (with the reason), so they are reported once
and not read again until they change. A folder that cannot be read (no permission, a
network mount that dropped, a folder removed mid-scan) is noted and skipped: the rest
of the scan goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
import os
from pathlib import Path, PurePath
import stat
from typing import Any, NamedTuple

from ..toolkit.store import Parsed
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
    def from_json(cls, data: Any) -> CachedFile:
        """Rebuild an entry from ``to_json`` output; raise ValueError or TypeError if damaged."""
        if not isinstance(data, list) or len(data) != _ENTRY_LENGTH:
            raise ValueError("not an entry of four values")
        size, mtime_ns, info, error = data
        if not _whole(size) or not _whole(mtime_ns):
            raise ValueError("size and modification time must be whole numbers")
        if error is not None and not isinstance(error, str):
            raise TypeError("the error must be a text")
        if info is not None and not isinstance(info, dict):
            raise TypeError("the tags must be a mapping")
        return cls(size, mtime_ns, TagInfo.from_dict(info) if info else None, error)


_ENTRY_LENGTH = 4


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


class FoundFile(NamedTuple):
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
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    """Folders (absolute paths) that could not be read, with the reason."""
    real_roots: dict[str, str] = field(default_factory=dict)

    def cache(self) -> dict[str, CachedFile]:
        """Return the cache to keep: every file this scan saw, by absolute path."""
        return {found.absolute: found.entry for found in self.files}


def scan(roots: list[Root], cache: dict[str, CachedFile]) -> ScanResult:
    """Scan every root; read tags only of files that are new or changed since ``cache``."""
    result = ScanResult()
    for root in roots:
        real_root = result.real_roots[root.source] = os.path.realpath(root.path)
        if not Path(real_root).is_dir():
            result.missing.append(root.source)
            continue
        if not _scan_root(root.source, real_root, cache, result):
            result.truncated.append(root.source)
    return result


def _scan_root(
    source: str, real_root: str, cache: dict[str, CachedFile], result: ScanResult
) -> bool:
    """Walk one root in name order, skipping hidden names; return False if it was cut short.

    Links to folders are not followed: they could lead out of the folder, or in a circle.
    An unchanged file costs one ``stat`` and a cache look-up; only the others are read.
    """
    files = result.files
    limit = len(files) + MAX_FILES_PER_FOLDER
    cut = len(real_root.rstrip(os.sep)) + 1
    cached_entry = cache.get
    is_regular = stat.S_ISREG
    reused = 0
    pending = [real_root]
    try:
        while pending:
            listed = _listing(pending.pop(), result)
            if listed is None:
                continue
            audio, folders = listed
            for entry in audio:
                if len(files) >= limit:
                    return False
                absolute = entry.path
                if entry.is_symlink() and not inside(real_root, absolute):
                    continue  # a link that leads out of the folder is not part of the library
                try:
                    status = entry.stat()
                except OSError:
                    continue
                if not is_regular(status.st_mode):
                    continue
                cached = cached_entry(absolute)
                if (
                    cached is not None
                    and cached.size == status.st_size
                    and cached.mtime_ns == status.st_mtime_ns
                ):
                    reused += 1
                else:
                    cached = _read(absolute, status, result)
                relative = absolute[cut:] if _SLASH else absolute[cut:].replace(os.sep, "/")
                # As FoundFile(...) does, without the call of its generated __new__.
                files.append(_new_tuple(FoundFile, (source, relative, absolute, cached)))
            pending.extend(reversed(folders))
    finally:
        result.reused += reused
    return True


def _listing(folder: str, result: ScanResult) -> tuple[list[os.DirEntry[str]], list[str]] | None:
    """Return a folder's audio files and sub-folders in name order, hidden names left out.

    A folder that cannot be listed is noted in ``result`` (None is returned).
    """
    try:
        with os.scandir(folder) as scanned:
            entries = sorted(scanned, key=_name)
    except OSError as err:
        result.unreadable.append((folder, err.strerror or type(err).__name__))
        return None
    audio: list[os.DirEntry[str]] = []
    folders: list[str] = []
    for entry in entries:
        name = entry.name
        if name[0] == ".":
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
                continue
        except OSError:
            continue
        if name.lower().endswith(_AUDIO_SUFFIXES):
            audio.append(entry)
    return audio, folders


def inside(real_root: str, path: str) -> bool:
    """Return whether ``path`` (after following links) lies inside ``real_root``."""
    return os.path.realpath(path).startswith(real_root.rstrip(os.sep) + os.sep)


def audio_type(name: str) -> str | None:
    """Return the content type of an audio file name the library picks up, else None."""
    _, dot, extension = name.rpartition(".")
    return AUDIO_TYPES.get(f".{extension.lower()}") if dot else None


_name = attrgetter("name")
_SLASH = os.sep == "/"
_AUDIO_SUFFIXES = tuple(AUDIO_TYPES)
_new_tuple = tuple.__new__


def _read(absolute: str, status: os.stat_result, result: ScanResult) -> CachedFile:
    """Read a new or changed file's tags (a damaged file is cached with the reason)."""
    result.read += 1
    try:
        return CachedFile(status.st_size, status.st_mtime_ns, read_tags(absolute))
    except UnreadableFileError as err:
        result.new_errors.append((absolute, str(err)))
        return CachedFile(status.st_size, status.st_mtime_ns, None, str(err))


def parse_cache(raw: Any) -> Parsed[dict[str, CachedFile]]:
    """Read a stored scan cache, keeping every entry that is sound (runs in the executor)."""
    files = raw.get("files") if isinstance(raw, dict) else None
    if not isinstance(files, dict):
        raise TypeError("the cache holds no files")
    cache: dict[str, CachedFile] = {}
    problems: list[str] = []
    for path, entry in files.items():
        try:
            cache[str(path)] = CachedFile.from_json(entry)
        except (TypeError, ValueError) as err:
            problems.append(f"{PurePath(str(path)).name}: {err}")
    return Parsed(cache, problems)
