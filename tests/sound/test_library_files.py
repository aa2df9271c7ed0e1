"""Every file the library lists plays: odd names, URLs and the view agree."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from homeassistant.components.media_player.browse_media import async_process_play_media_url
from homeassistant.components.media_source import async_resolve_media
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from yarl import URL

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.sound.library import DATA_LIBRARY, folder_source_id
from custom_components.tomatoes.sound.options import CONF_SOUND_FOLDERS
from custom_components.tomatoes.sound.tracks import signed_url

from .audio import write_flac

ODD_NAMES = [
    "two words.flac",
    "hash#tag.flac",
    "what?.flac",
    "~tilde.flac",
    "dots..inside.flac",
    "100%.flac",
    "ünïcödé, comma.flac",
    "plus+and&amp.flac",
    "semi;colon=eq.flac",
    "sub folder/#1 [live].flac",
]


@pytest.fixture
async def odd_folder(hass: HomeAssistant, tmp_path: Path, enable_custom_integrations: None) -> Path:
    """Set up a timer whose library folder holds files with odd names."""
    folder = tmp_path / "odd"
    for index, name in enumerate(ODD_NAMES):
        write_flac(folder / name, f"Odd {index}")
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    assert await async_setup_component(hass, "media_source", {})
    await hass.config.async_update(internal_url="http://hass.local:8123")
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={CONF_NAME: "Study"},
        options={**DEFAULT_OPTIONS, CONF_SOUND_FOLDERS: [str(folder)]},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    return folder


async def test_every_listed_file_plays_through_the_media_source(
    hass: HomeAssistant, odd_folder: Path, hass_client_no_auth: ClientSessionGenerator
) -> None:
    library = hass.data[DATA_LIBRARY]
    tracks = library.tracks(folder_source_id(str(odd_folder)))
    assert sorted(track.path for track in tracks) == sorted(ODD_NAMES)
    client = await hass_client_no_auth()
    for track in tracks:
        # What a media player integration does with a media-source id.
        resolved = await async_resolve_media(hass, track.media_id, None)
        url = URL(async_process_play_media_url(hass, resolved.url))
        response = await client.get(url.path_qs, allow_redirects=False)
        assert response.status == 200, track.path
        assert await response.read() == (odd_folder / track.path).read_bytes()


async def test_every_listed_file_plays_from_the_url_tomatoes_hands_out(
    hass: HomeAssistant, odd_folder: Path, hass_client_no_auth: ClientSessionGenerator
) -> None:
    library = hass.data[DATA_LIBRARY]
    client = await hass_client_no_auth()
    for track in library.tracks(folder_source_id(str(odd_folder))):
        url = signed_url(hass, track, timedelta(minutes=5))
        assert url is not None
        assert url.startswith("http://hass.local:8123/api/tomatoes/sound/")
        assert "#" not in url
        assert " " not in url
        response = await client.get(URL(url, encoded=True).path_qs, allow_redirects=False)
        assert response.status == 200, track.path
        assert await response.read() == (odd_folder / track.path).read_bytes()
