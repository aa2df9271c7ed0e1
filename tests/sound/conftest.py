"""Fixtures of the sound tests: a bench of real media players, a media folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.sound.options import (
    CONF_SOUND_FADE_IN,
    CONF_SOUND_FADE_OUT,
    CONF_SOUND_PLAYERS,
    CONF_SOUND_VOLUME,
)

from .bench import PLAYER_FEATURES, Bench, Call

__all__ = ["PLAYER_FEATURES", "Call", "Players"]

DESK = "media_player.desk"
KITCHEN = "media_player.kitchen"
LOUNGE = "media_player.lounge"
BASE_URL = "http://hass.local:8123"
AMBIENCE_KEY = f"{DOMAIN}.study_entry.ambience"

Players = Bench


@pytest.fixture
async def players(hass: HomeAssistant) -> Bench:
    """Return real players desk (idle, 0.5), kitchen (idle, 0.2, repeat all) and lounge."""
    await hass.config.async_update(internal_url=BASE_URL)
    bench = Bench(hass)
    for key in ("desk", "kitchen", "lounge"):
        bench.player(key)
    bench.add(KITCHEN, volume=0.2, repeat="all")
    await bench.async_set_up()
    return bench


SOUND_OPTIONS = {
    CONF_SOUND_PLAYERS: [DESK, KITCHEN],
    CONF_SOUND_VOLUME: 40,
    CONF_SOUND_FADE_IN: 10,
    CONF_SOUND_FADE_OUT: 5,
}


@pytest.fixture
def sound_options() -> dict[str, Any]:
    """Return the sound options of the Study timer (override in a test module to change)."""
    return dict(SOUND_OPTIONS)


@pytest.fixture
def mock_config_entry(players: Players, sound_options: dict[str, Any]) -> MockConfigEntry:
    """Return the Study timer with ambient sound on the desk and kitchen players."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={**DEFAULT_OPTIONS, **sound_options},
        entry_id="study_entry",
    )


@pytest.fixture
def media_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Return a media folder Home Assistant allows (as /media would be)."""
    folder = tmp_path / "media"
    folder.mkdir()
    hass.config.media_dirs = {"local": str(folder)}
    hass.config.allowlist_external_dirs = {str(folder)}
    return folder


@pytest.fixture
async def init_integration(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """Set up the Study timer and wait until its folders are scanned (a background task)."""
    await hass.async_block_till_done(wait_background_tasks=True)
    return init_integration
