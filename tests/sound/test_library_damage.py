"""The library survives what real folders and caches do: unreadable parts, huge tags, damage."""

from __future__ import annotations

from collections.abc import Iterator
import logging
import os
from pathlib import Path
from typing import Any
from unittest.mock import patch

from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.sound import library as library_module
from custom_components.tomatoes.sound.library import (
    DATA_LIBRARY,
    SoundLibrary,
    async_get_library,
    folder_source_id,
)
from custom_components.tomatoes.sound.options import CONF_SOUND_FOLDERS
from custom_components.tomatoes.sound.tags import MAX_TEXT

from .audio import write_flac, write_mp3

CACHE_KEY = "tomatoes.library"


def _warnings(caplog: pytest.LogCaptureFixture, text: str) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and text in record.getMessage()
    ]


@pytest.fixture
def real_shelf(shelf: Path) -> Path:
    """Return the shelf's real path (as the scanner sees it)."""
    return Path(os.path.realpath(shelf))


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """Return a folder with two readable albums and one that will not open."""
    folder = tmp_path / "shelf"
    write_flac(folder / "a" / "one.flac", "One")
    write_flac(folder / "locked" / "two.flac", "Two")
    write_mp3(folder / "z" / "three.mp3", "Three")
    return folder


def _refusing(*paths: Path, error: type[OSError] = PermissionError) -> Any:
    """Return an os.scandir that refuses the given folders, as a dropped mount or ACL would."""
    real = os.scandir
    refused = {str(path) for path in paths}

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if str(path) in refused:
            raise error(13, "Permission denied", str(path))
        return real(path)

    return scandir


async def _library(hass: HomeAssistant, *folders: Path) -> SoundLibrary:
    library = SoundLibrary(hass)
    await library.async_setup()
    library.async_set_folders("study", [str(folder) for folder in folders])
    await hass.async_block_till_done(wait_background_tasks=True)
    return library


@pytest.mark.parametrize("error", [PermissionError, FileNotFoundError])
async def test_an_unreadable_sub_folder_leaves_the_rest_of_the_scan_alone(
    hass: HomeAssistant, shelf: Path, caplog: pytest.LogCaptureFixture, error: type[OSError]
) -> None:
    source = folder_source_id(str(shelf))
    with patch.object(os, "scandir", _refusing(shelf / "locked", error=error)):
        library = await _library(hass, shelf)
        stats = await library.async_scan()
    assert sorted(track.path for track in library.tracks(source)) == [
        "a/one.flac",
        "z/three.mp3",
    ]
    assert stats.unreadable_folders == 1
    assert library.diagnostics()["unreadable_folders"] == 1
    assert any("locked" in warning for warning in _warnings(caplog, "folders that cannot"))
    # Once the folder opens again, its files join without reading the others again.
    stats = await library.async_scan()
    assert len(library.tracks(source)) == 3
    assert stats.read == 1


async def test_rescan_of_a_folder_that_cannot_be_opened_answers_with_figures(
    hass: HomeAssistant,
    shelf: Path,
    real_shelf: Path,
    tmp_path: Path,
    enable_custom_integrations: None,
) -> None:
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={CONF_NAME: "Study"},
        options={**DEFAULT_OPTIONS, CONF_SOUND_FOLDERS: [str(shelf)]},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    with patch.object(os, "scandir", _refusing(real_shelf)):
        response = await hass.services.async_call(
            DOMAIN, "rescan_library", {}, blocking=True, return_response=True
        )
    assert response is not None
    assert response["unreadable_folders"] == 1
    # Its files are not offered while the folder cannot be read.
    assert hass.data[DATA_LIBRARY].tracks(folder_source_id(str(shelf))) == []


async def test_a_thousand_unreadable_files_make_one_warning(
    hass: HomeAssistant, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    for index in range(1000):
        (folder / f"bad_{index:04d}.mp3").write_bytes(b"not audio at all")
    library = await _library(hass, folder)
    warnings = _warnings(caplog, "cannot be read")
    assert len(warnings) == 1
    assert "1000 sound files" in warnings[0]
    assert "997 more" in warnings[0]
    assert library.diagnostics()["corrupt_files"] == 1000
    await library.async_scan()
    assert len(_warnings(caplog, "cannot be read")) == 1


async def test_huge_tags_are_cut_and_keep_the_cache_and_the_sound_select_small(
    hass: HomeAssistant,
    tmp_path: Path,
    hass_storage: dict[str, Any],
    enable_custom_integrations: None,
) -> None:
    folder = tmp_path / "tags"
    write_flac(folder / "huge.flac", "x" * 2_000_000, artist="y" * 500_000)
    write_flac(folder / "long.flac", "A very long title " * 17)
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={CONF_NAME: "Study"},
        options={**DEFAULT_OPTIONS, CONF_SOUND_FOLDERS: [str(folder)]},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    library = hass.data[DATA_LIBRARY]
    source = folder_source_id(str(folder))
    for track in library.tracks(source):
        assert len(track.title) <= MAX_TEXT
        assert track.artist is None or len(track.artist) <= MAX_TEXT
    await hass.async_block_till_done(wait_background_tasks=True)
    await library._store._store._async_callback_delayed_write()
    assert len(str(hass_storage[CACHE_KEY])) < 50_000
    state = hass.states.get("select.study_sound")
    assert state is not None
    labels = state.attributes["options"]
    assert all(len(label) <= 255 for label in labels)
    long_label = next(label for label in labels if label.startswith("A very long title"))
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.study_sound", "option": long_label},
        blocking=True,
    )
    state = hass.states.get("select.study_sound")
    assert state is not None
    assert state.state == long_label


@pytest.mark.parametrize(
    ("damaged", "version"),
    [
        pytest.param({"files": ["not", "a", "mapping"]}, 1, id="files-not-a-mapping"),
        pytest.param({"files": {"/x.flac": [1, 2, 3]}}, 1, id="entry-of-wrong-shape"),
        pytest.param(
            {"files": {"/x.flac": [1, 2, {"title": 5, "duration": "long"}, None]}},
            1,
            id="tags-of-wrong-types",
        ),
        pytest.param({"files": {}}, 2, id="written-by-a-newer-release"),
    ],
)
async def test_a_damaged_cache_is_rebuilt_and_never_stops_a_timer(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    shelf: Path,
    tmp_path: Path,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    enable_custom_integrations: None,
    damaged: dict[str, Any],
    version: int,
) -> None:
    hass_storage[CACHE_KEY] = {
        "version": version,
        "minor_version": 1,
        "key": CACHE_KEY,
        "data": damaged,
    }
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={CONF_NAME: "Study"},
        options={**DEFAULT_OPTIONS, CONF_SOUND_FOLDERS: [str(shelf)]},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get("sensor.study_phase") is not None
    assert len(hass.data[DATA_LIBRARY].tracks(folder_source_id(str(shelf)))) == 3
    assert _warnings(caplog, "is damaged")
    assert not [issue for issue in issue_registry.issues if issue[0] == DOMAIN]


@pytest.fixture
def cached_one(real_shelf: Path) -> tuple[str, list[Any]]:
    """Return the real path of a/one.flac and a sound cache entry for it with another title."""
    one = real_shelf / "a" / "one.flac"
    status = one.stat()
    return str(one), [status.st_size, status.st_mtime_ns, {"title": "Cached title"}, None]


async def test_what_is_sound_in_a_damaged_cache_is_kept(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    shelf: Path,
    cached_one: tuple[str, list[Any]],
) -> None:
    one, good = cached_one
    hass_storage[CACHE_KEY] = {
        "version": 1,
        "minor_version": 1,
        "key": CACHE_KEY,
        "data": {"files": {one: good, "/elsewhere/bad.flac": ["broken"]}},
    }
    library = await _library(hass, shelf)
    track = library.track(f"{folder_source_id(str(shelf))}/a/one.flac")
    assert track is not None
    assert track.title == "Cached title"  # taken from the cache, not read again
    assert library.last_scan is not None
    assert library.last_scan.reused == 1


async def test_a_failed_library_set_up_is_tried_again_by_the_next_timer(
    hass: HomeAssistant, enable_custom_integrations: None
) -> None:
    assert await async_setup_component(hass, "http", {})
    with (
        patch.object(SoundLibrary, "async_setup", side_effect=OSError("disk gone")),
        pytest.raises(OSError, match="disk gone"),
    ):
        await async_get_library(hass)
    library = await async_get_library(hass)
    assert library is hass.data[DATA_LIBRARY]
    assert await async_get_library(hass) is library
    assert library_module.DATA_SETUP in hass.data
