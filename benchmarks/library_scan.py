"""How fast is the sound library scanned, and does the scan ever hold the event loop?

Generates a library of tagged files (FLAC, MP3 and WAV, with titles, artists, albums
and ReplayGain), then, in Home Assistant running in this process, times the first scan
(every file's tags are read, in the executor), and a rescan of the unchanged library
(nothing is read again: the cache knows size and modification time of every file).
Meanwhile a probe in the event loop asks to be woken every millisecond and records how
late it woke: the longest delay is the longest time anything held the loop.

Targets: the rescan under 10 % of the first scan; the loop never held more than 20 ms.
Figures are printed, nothing is asserted.

Usage: .venv/bin/python benchmarks/library_scan.py [files]
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
import sys
import tempfile
import time
from typing import Any

from _home import home_assistant
from mutagen.flac import FLAC
from mutagen.id3 import ID3, TALB, TIT2, TPE1, TXXX

from custom_components.tomatoes.sound.library import SOUNDS_DIR, SoundLibrary

RESCAN_TARGET = 0.10
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


async def measure(files: int) -> dict[str, float]:
    """Return the figures of a first scan and a rescan of a generated library."""
    with tempfile.TemporaryDirectory() as folder:
        library_folder = Path(folder) / "library"
        started = time.perf_counter()
        generate(library_folder, files)
        generated = time.perf_counter() - started
        async with home_assistant() as hass:
            library = SoundLibrary(hass)
            await library.async_setup()
            probe = LoopProbe()

            async def first_scan() -> None:
                library.async_set_folders("bench", [str(library_folder)])
                await hass.async_block_till_done(wait_background_tasks=True)

            first, first_hold = await timed(probe, first_scan)
            first_stats = library.last_scan
            rescan, rescan_hold = await timed(probe, library.async_scan)
            rescan_stats = library.last_scan
            await hass.async_stop()
    assert first_stats is not None  # noqa: S101
    assert rescan_stats is not None  # noqa: S101
    return {
        "generated": generated,
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
    hold = max(figures["first_hold"], figures["rescan_hold"])
    print(f"files generated:           {files} in {figures['generated']:.1f} s")
    print(
        f"first scan:                {figures['first']:.3f} s "
        f"({int(figures['first_read'])} files read, {files / figures['first']:.0f} files/s)"
    )
    print(
        f"rescan (unchanged):        {figures['rescan']:.3f} s "
        f"({int(figures['rescan_read'])} read, {int(figures['rescan_reused'])} from the cache, "
        f"{(files + 7) / figures['rescan']:.0f} files/s)"
    )
    print(f"rescan / first scan:       {ratio:.1%} (target < {RESCAN_TARGET:.0%})")
    print(f"loop held, first scan:     {figures['first_hold']:.2f} ms")
    print(f"loop held, rescan:         {figures['rescan_hold']:.2f} ms")
    verdict = "met" if ratio < RESCAN_TARGET and hold < LOOP_TARGET_MS else "MISSED"
    print(f"targets (< {RESCAN_TARGET:.0%}, < {LOOP_TARGET_MS:.0f} ms): {verdict}")


if __name__ == "__main__":
    main()
