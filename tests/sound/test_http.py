"""The HTTP view: library files only, signed or refused, with ranges and content types."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.http.auth import async_sign_path
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from yarl import URL

from custom_components.tomatoes.sound.library import DATA_LIBRARY, SOUNDS_DIR, folder_source_id
from custom_components.tomatoes.sound.options import CONF_SOUND_FOLDERS

from .audio import write_flac, write_mp3
from .conftest import SOUND_OPTIONS

pytestmark = pytest.mark.usefixtures("init_integration")

RAIN = "/api/tomatoes/sound/bundled/rain.flac"
RAIN_BYTES = (SOUNDS_DIR / "loops" / "rain.flac").read_bytes()
MANIFEST_BYTES = (SOUNDS_DIR.parent.parent / "manifest.json").read_bytes()


@pytest.fixture
def focus_folder(media_dir: Path, tmp_path: Path) -> Path:
    """Return a library folder with a song, a text file and a link to a file outside."""
    folder = media_dir / "focus"
    write_mp3(folder / "deep work.mp3", "Deep work")
    (folder / "notes.txt").write_text("private notes")
    secret = write_flac(tmp_path / "private" / "secret.flac", "Secret")
    (folder / "secret.flac").symlink_to(secret)
    return folder


@pytest.fixture
def sound_options(focus_folder: Path) -> dict[str, Any]:
    """Use the focus folder as a library folder."""
    return {**SOUND_OPTIONS, CONF_SOUND_FOLDERS: [str(focus_folder)]}


def signed(hass: HomeAssistant, path: str, seconds: int = 300) -> str:
    """Sign a path as Tomatoes does for a media player."""
    return async_sign_path(hass, path, timedelta(seconds=seconds), use_content_user=True)


async def test_a_signed_url_serves_the_file(
    hass: HomeAssistant, hass_client_no_auth: ClientSessionGenerator
) -> None:
    client = await hass_client_no_auth()
    response = await client.get(signed(hass, RAIN))
    assert response.status == 200
    assert response.headers["Content-Type"] == "audio/flac"
    assert response.headers["Accept-Ranges"] == "bytes"
    assert await response.read() == RAIN_BYTES


async def test_a_range_request_gets_that_range(
    hass: HomeAssistant, hass_client_no_auth: ClientSessionGenerator
) -> None:
    client = await hass_client_no_auth()
    response = await client.get(signed(hass, RAIN), headers={"Range": "bytes=100-1099"})
    assert response.status == 206
    assert response.headers["Content-Range"] == f"bytes 100-1099/{len(RAIN_BYTES)}"
    assert await response.read() == RAIN_BYTES[100:1100]


async def test_head_answers_without_a_body(
    hass: HomeAssistant, hass_client_no_auth: ClientSessionGenerator
) -> None:
    client = await hass_client_no_auth()
    response = await client.head(signed(hass, RAIN))
    assert response.status == 200
    assert response.headers["Content-Length"] == str(len(RAIN_BYTES))
    assert await response.read() == b""


async def test_a_folder_file_is_served_with_its_content_type(
    hass: HomeAssistant, hass_client_no_auth: ClientSessionGenerator, focus_folder: Path
) -> None:
    await hass.async_block_till_done()
    source = folder_source_id(str(focus_folder))
    client = await hass_client_no_auth()
    track = hass.data[DATA_LIBRARY].track(f"{source}/deep work.mp3")
    assert track is not None
    response = await client.get(signed(hass, track.url_path))
    assert response.status == 200
    assert response.headers["Content-Type"] == "audio/mpeg"


async def test_unsigned_and_wrongly_signed_requests_are_refused(
    hass: HomeAssistant, hass_client_no_auth: ClientSessionGenerator
) -> None:
    client = await hass_client_no_auth()
    response = await client.get(RAIN)
    assert response.status == 401
    assert b"fLaC" not in await response.read()
    # A signature made for another file does not open this one.
    other = signed(hass, "/api/tomatoes/sound/bundled/ocean.flac")
    response = await client.get(f"{RAIN}?{other.split('?', 1)[1]}")
    assert response.status == 401
    assert b"fLaC" not in await response.read()


async def test_an_expired_signature_is_refused(
    hass: HomeAssistant,
    hass_client_no_auth: ClientSessionGenerator,
    freezer: FrozenDateTimeFactory,
) -> None:
    client = await hass_client_no_auth()
    url = signed(hass, RAIN, seconds=60)
    freezer.tick(timedelta(minutes=2))
    response = await client.get(url)
    assert response.status == 401
    assert b"fLaC" not in await response.read()


@pytest.mark.parametrize(
    "path",
    [
        "/api/tomatoes/sound/bundled/..%2F..%2Fmanifest.json",
        "/api/tomatoes/sound/bundled/%2E%2E/%2E%2E/manifest.json",
        "/api/tomatoes/sound/bundled/..%5C..%5Cmanifest.json",
        "/api/tomatoes/sound/..%2F..%2Fcustom_components/tomatoes/manifest.json",
        "/api/tomatoes/sound/bundled/%2Fetc%2Fpasswd",
        "/api/tomatoes/sound/bundled/~/manifest.json",
        "/api/tomatoes/sound/bundled/brown_noise.flac%00.json",
    ],
)
async def test_traversal_is_refused_even_for_an_administrator(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, path: str
) -> None:
    client = await hass_client()
    response = await client.get(URL(path, encoded=True))
    assert response.status in (400, 404)
    body = await response.read()
    assert MANIFEST_BYTES not in body
    assert b"root:" not in body


async def test_files_outside_the_library_are_refused_even_when_signed(
    hass: HomeAssistant,
    hass_client_no_auth: ClientSessionGenerator,
    focus_folder: Path,
) -> None:
    await hass.async_block_till_done()
    source = folder_source_id(str(focus_folder))
    client = await hass_client_no_auth()
    for path in (
        f"/api/tomatoes/sound/{source}/notes.txt",  # in the folder, but not audio
        f"/api/tomatoes/sound/{source}/secret.flac",  # a link that leads outside
        "/api/tomatoes/sound/bundled/missing.flac",
        "/api/tomatoes/sound/nowhere/rain.flac",
        "/api/tomatoes/sound/bundled/../../manifest.json",
    ):
        response = await client.get(signed(hass, path))
        assert response.status == 404, path
        body = await response.read()
        assert b"private notes" not in body
        assert b"fLaC" not in body


async def test_a_file_deleted_after_the_scan_is_not_found(
    hass: HomeAssistant,
    hass_client_no_auth: ClientSessionGenerator,
    focus_folder: Path,
) -> None:
    await hass.async_block_till_done()
    await hass.async_add_executor_job((focus_folder / "deep work.mp3").unlink)
    source = folder_source_id(str(focus_folder))
    client = await hass_client_no_auth()
    response = await client.get(signed(hass, f"/api/tomatoes/sound/{source}/deep%20work.mp3"))
    assert response.status == 404


@pytest.mark.parametrize("name", ["cover.png", "cover.jpg", "cover.webp", "sub/folder.jpeg"])
async def test_cover_art_players_look_for_is_no_failed_login(
    hass: HomeAssistant,
    hass_client_no_auth: ClientSessionGenerator,
    caplog: pytest.LogCaptureFixture,
    name: str,
) -> None:
    # MPD asks for cover art next to every file it plays, without the signature.
    client = await hass_client_no_auth()
    response = await client.get(f"/api/tomatoes/sound/bundled/{name}")
    assert response.status == 404
    assert "invalid authentication" not in caplog.text
    assert hass.states.get("persistent_notification.http_login") is None
    # Audio files still need the signature.
    assert (await client.get(RAIN)).status == 401
