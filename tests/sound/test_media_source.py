"""The library as a media source: "Tomatoes", browsable by source, files resolve to the view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.components import media_source
from homeassistant.components.media_player.errors import BrowseError
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest

from custom_components.tomatoes.media_source import TomatoesMediaSource
from custom_components.tomatoes.sound.library import DATA_LIBRARY, folder_source_id
from custom_components.tomatoes.sound.options import CONF_SOUND_FOLDERS

from .audio import write_flac, write_mp3
from .conftest import SOUND_OPTIONS

pytestmark = pytest.mark.usefixtures("media_source_loaded", "init_integration")


@pytest.fixture
async def media_source_loaded(hass: HomeAssistant) -> None:
    """Load media_source, as default_config does."""
    assert await async_setup_component(hass, "media_source", {})


@pytest.fixture
def focus_folder(media_dir: Path) -> Path:
    """Return a folder of the user's own sounds, with a sub-folder."""
    folder = media_dir / "focus"
    write_flac(folder / "cafe.flac", "Cafe")
    write_mp3(folder / "night" / "crickets.mp3", "Crickets")
    return folder


@pytest.fixture
def sound_options(focus_folder: Path) -> dict[str, Any]:
    """Use the focus folder as a library folder."""
    return {**SOUND_OPTIONS, CONF_SOUND_FOLDERS: [str(focus_folder)]}


async def test_browse_lists_the_sources_then_their_files(
    hass: HomeAssistant, focus_folder: Path
) -> None:
    await hass.async_block_till_done()
    root = await media_source.async_browse_media(hass, "media-source://tomatoes")
    assert root.title == "Tomatoes"
    assert [child.title for child in root.children] == ["Ambient loops", "focus", "Chimes"]
    assert all(child.can_expand and not child.can_play for child in root.children)

    bundled = await media_source.async_browse_media(hass, "media-source://tomatoes/bundled")
    assert [child.title for child in bundled.children] == [
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
    assert bundled.children[0].media_content_id == (
        "media-source://tomatoes/bundled/brown_noise.flac"
    )
    assert bundled.children[0].can_play

    source = folder_source_id(str(focus_folder))
    folder = await media_source.async_browse_media(hass, f"media-source://tomatoes/{source}")
    assert [(child.title, child.can_expand) for child in folder.children] == [
        ("night", True),
        ("Cafe", False),
    ]
    night = await media_source.async_browse_media(hass, folder.children[0].media_content_id)
    assert night.title == "night"
    assert [child.title for child in night.children] == ["Crickets"]
    assert night.children[0].media_content_type == "audio/mpeg"


async def test_resolve_gives_the_view_path_and_content_type(
    hass: HomeAssistant, focus_folder: Path
) -> None:
    await hass.async_block_till_done()
    played = await media_source.async_resolve_media(
        hass, "media-source://tomatoes/bundled/rain.flac", None
    )
    assert played.url == "/api/tomatoes/sound/bundled/rain.flac"
    assert played.mime_type == "audio/flac"
    source = folder_source_id(str(focus_folder))
    played = await media_source.async_resolve_media(
        hass, f"media-source://tomatoes/{source}/night/crickets.mp3", None
    )
    assert played.url == f"/api/tomatoes/sound/{source}/night/crickets.mp3"
    assert played.mime_type == "audio/mpeg"


async def test_unknown_items_are_refused(hass: HomeAssistant) -> None:
    with pytest.raises(media_source.Unresolvable) as err:
        await media_source.async_resolve_media(
            hass, "media-source://tomatoes/bundled/../../manifest.json", None
        )
    assert err.value.translation_key == "unknown_sound"
    with pytest.raises(BrowseError) as browse_err:
        await media_source.async_browse_media(hass, "media-source://tomatoes/nowhere")
    assert browse_err.value.translation_key == "unknown_sound"


async def test_without_a_library_nothing_resolves(hass: HomeAssistant) -> None:
    source = TomatoesMediaSource(hass)
    library = hass.data.pop(DATA_LIBRARY)
    try:
        with pytest.raises(media_source.Unresolvable) as err:
            await source.async_resolve_media(
                media_source.MediaSourceItem(hass, "tomatoes", "bundled/rain.flac", None)
            )
        assert err.value.translation_key == "library_not_loaded"
    finally:
        hass.data[DATA_LIBRARY] = library
