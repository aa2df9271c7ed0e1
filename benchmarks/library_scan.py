"""How fast is the sound library scanned, and does the scan ever hold the event loop?

Generates a library of tagged files (FLAC, MP3 and WAV, with titles, artists, albums
and ReplayGain), then, in Home Assistant running in this process, times the first scan
(every file's tags are read, in the executor), and a rescan of the unchanged library
(nothing is read again: the cache knows size and modification time of every file).
Meanwhile a probe in the event loop asks to be woken every millisecond and records how
late it woke: the longest delay is the longest time anything held the loop.

The same files are also read with plain mutagen (``mutagen.File`` on each, nothing
else) and walked with plain ``os.stat`` in the same run, as baselines: the first scan's
speed is printed as a share of plain mutagen's, the rescan's time as a share of the
first scan's next to what the plain walk costs.

Targets: the first scan at 85 % or more of plain mutagen's speed; the rescan at 3 % or
less of the first scan; the loop never held more than 20 ms.
Figures are printed, nothing is asserted.

Usage: .venv/bin/python benchmarks/library_scan.py [files]
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
import os
from pathlib import Path
import sys
import tempfile
import time
from typing import Any

from _home import home_assistant
import mutagen
from mutagen.flac import FLAC
from mutagen.id3 import ID3, TALB, TIT2, TPE1, TXXX

from custom_components.tomatoes.sound.library import SOUNDS_DIR, SoundLibrary

RESCAN_TARGET = 0.03
MUTAGEN_TARGET = 0.85
LOOP_TARGET_MS = 20.0
PROBE_INTERVAL = 0.001

# One MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz, mono) padded to its 417 bytes.
MP3_FRAME = bytes([0xFF, 0xFB, 0x90, 0xC0]) + bytes(413)


def _id3(index: int) -> ID3:
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[f"Track {index}"]))
    tags.add(TPE1(encoding=3, text=[f"Artist {index % 37}"]))
    tags.add(TALB(encoding=3, text=[f"Album {index % 101}"]))
    tags.add(TXXX(encoding=3, desc="REPLAYGAIN_TRACK_GAIN", text=[f"{-(index % 12):.2f} dB"]))
    return tags


def generate(folder: Path, files: int) -> None:
    """Write ``files`` small tagged files: half FLAC, half MP3, in album sub-folders."""
    template = (SOUNDS_DIR / "chimes" / "chime_focus.flac").read_bytes()
    for index in range(files):
        album = folder / f"album_{index % 50:02d}"
        album.mkdir(parents=True, exist_ok=True)
        if index % 2:
            path = album / f"track_{index:05d}.mp3"
            path.write_bytes(MP3_FRAME * 24)
            _id3(index).save(path)
        else:
            path = album / f"track_{index:05d}.flac"
            path.write_bytes(template)
            audio = FLAC(path)
            audio.clear()
            audio["TITLE"] = f"Track {index}"
            audio["ARTIST"] = f"Artist {index % 37}"
            audio["ALBUM"] = f"Album {index % 101}"
            audio["REPLAYGAIN_TRACK_GAIN"] = f"{-(index % 12):.2f} dB"
            audio.save()


def plain_mutagen(folder: Path) -> float:
    """Return the seconds plain mutagen takes to open every audio file under ``folder``."""
    paths = sorted(path for path in folder.rglob("*") if path.suffix in (".flac", ".mp3"))
    started = time.perf_counter()
    for path in paths:
        audio = mutagen.File(path)
        _ = audio.tags, audio.info.length
    return time.perf_counter() - started


def plain_stat(folder: Path) -> float:
    """Return the seconds a plain walk takes to stat every file under ``folder``."""
    started = time.perf_counter()
    for root, _folders, files in os.walk(folder):
        for name in files:
            os.stat(os.path.join(root, name))  # noqa: PTH116, PTH118 - the plain baseline
    return time.perf_counter() - started


class LoopProbe:
    """Wakes every millisecond and keeps the longest delay beyond the requested one."""

    def __init__(self) -> None:
        """Prepare a probe that is not running yet."""
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(PROBE_INTERVAL)
            self.longest = max(self.longest, loop.time() - before - PROBE_INTERVAL)

    def start(self) -> None:
        """Start probing from zero."""
        self.longest = 0.0
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> float:
        """Stop probing; return the longest delay in milliseconds."""
        assert self._task is not None  # noqa: S101 - start() came first
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        return self.longest * 1000


async def timed(
    probe: LoopProbe, work: Callable[[], Coroutine[Any, Any, Any]]
) -> tuple[float, float]:
    """Run work with the probe on; return (seconds, longest loop hold in ms)."""
    probe.start()
    await asyncio.sleep(0.05)  # the probe's first wakes are its baseline
    started = time.perf_counter()
    await work()
    seconds = time.perf_counter() - started
    await asyncio.sleep(0.05)
    return seconds, await probe.stop()


ROUNDS = 3
"""Each figure is the best of this many rounds (a busy machine only ever slows a round)."""


async def measure(files: int) -> dict[str, float]:
    """Return the best figures of a first scan and a rescan of generated libraries."""
    with tempfile.TemporaryDirectory() as folder:
        folders = [Path(folder) / f"library_{index}" for index in range(ROUNDS)]
        started = time.perf_counter()
        for library_folder in folders:
            generate(library_folder, files)
        generated = time.perf_counter() - started
        plain = min(plain_mutagen(library_folder) for library_folder in folders)
        walk = min(plain_stat(library_folder) for library_folder in folders)
        figures: list[dict[str, float]] = []
        async with home_assistant() as hass:
            library = SoundLibrary(hass)
            await library.async_setup()
            probe = LoopProbe()
            figures.extend(
                [await _round(hass, library, probe, folder, files) for folder in folders]
            )
            await hass.async_stop()
    best = {key: min(round_[key] for round_ in figures) for key in figures[0]}
    worst_hold = max(max(round_["first_hold"], round_["rescan_hold"]) for round_ in figures)
    return {**best, "generated": generated, "plain": plain, "walk": walk, "hold": worst_hold}


async def _round(
    hass: Any, library: SoundLibrary, probe: LoopProbe, library_folder: Path, files: int
) -> dict[str, float]:
    """Scan one new folder for the first time, then again unchanged."""

    async def first_scan() -> None:
        # Until the scan is indexed; writing the cache afterwards delays nothing.
        indexed = asyncio.Event()
        before = library.last_scan

        def check() -> None:
            scanned = library.last_scan
            if scanned is not before and scanned is not None and scanned.files >= files:
                indexed.set()

        remove = library.async_add_listener(check)
        library.async_set_folders("bench", [str(library_folder)])
        await indexed.wait()
        remove()

    first, first_hold = await timed(probe, first_scan)
    first_stats = library.last_scan
    await hass.async_block_till_done(wait_background_tasks=True)
    rescan, rescan_hold = await timed(probe, library.async_scan)
    rescan_stats = library.last_scan
    assert first_stats is not None  # noqa: S101
    assert rescan_stats is not None  # noqa: S101
    return {
        "first": first,
        "first_read": first_stats.read,
        "first_hold": first_hold,
        "rescan": rescan,
        "rescan_read": rescan_stats.read,
        "rescan_reused": rescan_stats.reused,
        "rescan_hold": rescan_hold,
    }


def main() -> None:
    """Run the measurement and print the figures."""
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    figures = asyncio.run(measure(files))
    ratio = figures["rescan"] / figures["first"]
    speed = figures["plain"] / figures["first"]
    hold = figures["hold"]
    print(f"files generated:           {ROUNDS} x {files} in {figures['generated']:.1f} s")
    print(f"each figure below:         the best of {ROUNDS} rounds (loop holds: the worst)")
    print(
        f"plain mutagen:             {figures['plain']:.3f} s "
        f"({files / figures['plain']:.0f} files/s); plain stat walk {figures['walk']:.3f} s"
    )
    print(
        f"first scan:                {figures['first']:.3f} s "
        f"({int(figures['first_read'])} files read, {files / figures['first']:.0f} files/s)"
    )
    print(
        f"rescan (unchanged):        {figures['rescan']:.3f} s "
        f"({int(figures['rescan_read'])} read, {int(figures['rescan_reused'])} from the cache, "
        f"{(files + 7) / figures['rescan']:.0f} files/s)"
    )
    print(f"first scan / plain speed:  {speed:.1%} (target >= {MUTAGEN_TARGET:.0%})")
    print(
        f"rescan / first scan:       {ratio:.1%} (target <= {RESCAN_TARGET:.0%}; "
        f"a plain stat walk is {figures['walk'] / figures['first']:.1%})"
    )
    print(f"loop held at most:         {hold:.2f} ms (target < {LOOP_TARGET_MS:.0f} ms)")
    met = ratio <= RESCAN_TARGET and speed >= MUTAGEN_TARGET and hold < LOOP_TARGET_MS
    print(f"targets: {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
