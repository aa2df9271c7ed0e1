"""The sound library: bundled loops, users' folders of several formats, the scan cache."""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePath
from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.tomatoes.sound.library import (
    BUNDLED,
    CHIMES,
    SOUNDS_DIR,
    SoundLibrary,
    folder_source_id,
    title_from_name,
)
from custom_components.tomatoes.sound.scanner import CachedFile, Root, scan
from custom_components.tomatoes.sound.tags import TagInfo, UnreadableFileError, read_tags

from .audio import write_flac, write_mp3, write_wav

LIBRARY_KEY = "tomatoes.library"


@pytest.fixture
def music(tmp_path: Path) -> Path:
    """Return a folder with tagged FLAC, MP3 and WAV files, a sub-folder and some clutter."""
    folder = tmp_path / "music"
    write_flac(
        folder / "rain.flac", "Rain on a roof", "Field", "Weather", replaygain_track_gain="-6.50 dB"
    )
    write_mp3(
        folder / "albums" / "song.mp3",
        "Loud song",
        "Band",
        "Loud album",
        replaygain_track_gain="-9.25 dB",
        replaygain_track_peak="0.99",
    )
    write_wav(
        folder / "albums" / "quiet_waves.wav", None, None, None, replaygain_album_gain="+2.5 dB"
    )
    write_flac(folder / "loop.flac", "Hum", tomatoes_loop="1")
    (folder / "notes.txt").write_text("not audio")
    write_flac(folder / ".hidden.flac", "Hidden")
    return folder


async def new_library(hass: HomeAssistant, *folders: Path) -> SoundLibrary:
    """Return a set-up library with the given folders, fully scanned."""
    library = SoundLibrary(hass)
    await library.async_setup()
    library.async_set_folders("study", [str(folder) for folder in folders])
    await hass.async_block_till_done(wait_background_tasks=True)  # the folders' first scan
    return library


async def test_bundled_loops_are_tagged_small_seamless_loops(hass: HomeAssistant) -> None:
    library = await new_library(hass)
    loops = library.tracks(BUNDLED)
    assert [track.title for track in loops] == [
        "Brown noise",
        "Deep Focus drone",
        "Fireplace",
        "Ocean",
        "Pink noise",
        "Rain",
        "Slow pads",
        "Soft chords",
        "Stream",
        "Wind",
    ]
    for track in loops:
        assert track.artist == "Tomatoes"
        assert track.album == "Tomatoes"
        assert track.loop
        assert track.mime_type == "audio/flac"
        assert track.duration == 16.0
    chimes = library.tracks(CHIMES)
    assert {track.path for track in chimes} == {"chime_focus.flac", "chime_break.flac"}
    assert not any(track.loop for track in chimes)


def test_bundled_files_are_well_under_a_megabyte() -> None:
    files = sorted(SOUNDS_DIR.rglob("*.flac"))
    assert len(files) == 12
    assert all(file.stat().st_size < 512 * 1024 for file in files)


async def test_scan_reads_tags_duration_and_replaygain_of_several_formats(
    hass: HomeAssistant, music: Path
) -> None:
    library = await new_library(hass, music)
    source = folder_source_id(str(music))
    by_path = {track.path: track for track in library.tracks(source)}
    assert set(by_path) == {"rain.flac", "loop.flac", "albums/song.mp3", "albums/quiet_waves.wav"}

    rain = by_path["rain.flac"]
    assert (rain.title, rain.artist, rain.album) == ("Rain on a roof", "Field", "Weather")
    assert rain.gain == -6.5
    assert rain.duration == pytest.approx(2.76, abs=0.01)
    assert rain.mime_type == "audio/flac"

    song = by_path["albums/song.mp3"]
    assert (song.title, song.artist, song.album) == ("Loud song", "Band", "Loud album")
    assert song.gain == -9.25
    assert song.duration == pytest.approx(2.77, abs=0.02)
    assert song.mime_type == "audio/mpeg"

    waves = by_path["albums/quiet_waves.wav"]
    assert waves.title == "Quiet waves"  # no title tag: made from the file name
    assert waves.gain == 2.5  # album gain when there is no track gain
    assert waves.duration == 1.5
    assert waves.mime_type == "audio/wav"

    assert by_path["loop.flac"].loop
    assert by_path["loop.flac"].gain is None
    assert library.last_scan is not None
    assert library.last_scan.read == 4
    assert library.sources[source].name == "music"


async def test_rescan_of_an_unchanged_library_reads_no_tags(
    hass: HomeAssistant, music: Path
) -> None:
    library = await new_library(hass, music)
    with patch(
        "custom_components.tomatoes.sound.scanner.read_tags", side_effect=AssertionError("read")
    ):
        stats = await library.async_scan()
    assert (stats.read, stats.reused) == (0, 4 + 12)
    assert len(library.tracks(folder_source_id(str(music)))) == 4

    # A changed file is read again, and only that one.
    song = music / "albums" / "song.mp3"
    write_mp3(song, "Renamed song", "Band", "Loud album")
    stat = song.stat()
    os.utime(song, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    stats = await library.async_scan()
    assert (stats.read, stats.reused) == (1, 3 + 12)
    assert library.track(f"{folder_source_id(str(music))}/albums/song.mp3").title == (
        "Renamed song"
    )


async def test_rescans_follow_added_and_removed_files_in_overlapping_folders(
    hass: HomeAssistant, music: Path, hass_storage: dict[str, Any]
) -> None:
    albums = music / "albums"
    library = await new_library(hass, music, albums)
    whole, part = folder_source_id(str(music)), folder_source_id(str(albums))
    with patch(
        "custom_components.tomatoes.sound.scanner.read_tags", side_effect=AssertionError("read")
    ):
        stats = await library.async_scan()
    # The files under both folders are reused for each of them.
    assert (stats.read, stats.reused) == (0, 4 + 2 + 12)
    assert [track.path for track in library.tracks(part)] == ["quiet_waves.wav", "song.mp3"]
    assert len(library.tracks(whole)) == 4

    write_flac(albums / "new.flac", "New")
    (albums / "song.mp3").unlink()
    stats = await library.async_scan()
    assert (stats.read, stats.reused) == (2, 3 + 1 + 12)
    assert [track.title for track in library.tracks(part)] == ["New", "Quiet waves"]
    assert library.track(f"{whole}/albums/new.flac").title == "New"
    assert library.track(f"{whole}/albums/song.mp3") is None
    async_fire_time_changed(hass)  # the cache's delayed save
    await hass.async_block_till_done()
    stored = {PurePath(path).name for path in hass_storage[LIBRARY_KEY]["data"]["files"]}
    assert "new.flac" in stored
    assert "song.mp3" not in stored


async def test_the_cache_survives_a_restart(
    hass: HomeAssistant, music: Path, hass_storage: dict[str, Any]
) -> None:
    await new_library(hass, music)
    await hass.async_block_till_done()
    assert len(hass_storage[LIBRARY_KEY]["data"]["files"]) == 4 + 12
    with patch(
        "custom_components.tomatoes.sound.scanner.read_tags", side_effect=AssertionError("read")
    ):
        library = await new_library(hass, music)
    assert library.last_scan.read == 0
    assert library.track(f"{folder_source_id(str(music))}/rain.flac").gain == -6.5


async def test_corrupt_files_are_skipped_with_one_summary_warning_and_counted(
    hass: HomeAssistant, music: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (music / "broken.mp3").write_bytes(b"this is no mp3" * 50)
    (music / "cut.flac").write_bytes(b"fLaC" + bytes(10))
    library = await new_library(hass, music)
    await library.async_scan()
    await library.async_scan()
    source = folder_source_id(str(music))
    assert library.track(f"{source}/broken.mp3") is None
    assert len(library.tracks(source)) == 4
    warnings = [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and "cannot be read" in record.getMessage()
    ]
    # One warning per scan that found them, naming both; the rescans say nothing again.
    assert len(warnings) == 1
    assert "2 sound files" in warnings[0]
    assert "broken.mp3" in warnings[0]
    assert "cut.flac" in warnings[0]
    diagnostics = library.diagnostics()
    assert diagnostics["corrupt_files"] == 2
    assert diagnostics["corrupt"] == ["broken.mp3", "cut.flac"]
    # Repaired, it joins the library.
    write_mp3(music / "broken.mp3", "Fixed")
    assert (await library.async_scan()).corrupt == 1
    assert library.track(f"{source}/broken.mp3").title == "Fixed"


async def test_links_out_of_a_folder_and_missing_folders_are_left_out(
    hass: HomeAssistant, music: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    outside = write_flac(tmp_path / "elsewhere" / "secret.flac", "Secret")
    (music / "secret.flac").symlink_to(outside)
    (music / "linked_folder").symlink_to(outside.parent, target_is_directory=True)
    (music / "inside.flac").symlink_to(music / "rain.flac")
    library = await new_library(hass, music, tmp_path / "missing")
    paths = {track.path for track in library.tracks(folder_source_id(str(music)))}
    assert "secret.flac" not in paths
    assert not any(path.startswith("linked_folder") for path in paths)
    assert "inside.flac" in paths
    assert "does not exist" in caplog.text


async def test_removing_a_folder_removes_its_tracks(hass: HomeAssistant, music: Path) -> None:
    library = await new_library(hass, music)
    source = folder_source_id(str(music))
    library.async_set_folders("study", [])
    assert source not in library.sources
    assert library.tracks(source) == []
    library.async_set_folders("study", [str(music)])
    # Known from the cache at once, before the new scan has run.
    assert len(library.tracks(source)) == 4
    await hass.async_block_till_done()


async def test_a_huge_folder_is_cut_off(hass: HomeAssistant, music: Path) -> None:
    with patch("custom_components.tomatoes.sound.scanner.MAX_FILES_PER_FOLDER", 2):
        result = await hass.async_add_executor_job(
            scan, [Root("music", str(music))], dict[str, CachedFile]()
        )
    assert len(result.files) == 2
    assert result.truncated == ["music"]


def test_read_tags_refuses_what_is_not_audio(tmp_path: Path) -> None:
    text = tmp_path / "text.ogg"
    text.write_text("hello")
    with pytest.raises(UnreadableFileError):
        read_tags(str(text))
    with pytest.raises(UnreadableFileError):
        read_tags(str(tmp_path / "missing.flac"))


def test_tag_info_round_trips_and_titles_come_from_names() -> None:
    info = TagInfo("T", "A", "B", 1.5, -3.0, True)
    assert TagInfo.from_dict(info.as_dict()) == info
    assert title_from_name("folder/deep_sea-waves.mp3") == "Deep sea waves"
