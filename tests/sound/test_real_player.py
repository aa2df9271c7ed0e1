"""A media player that is "off" whenever it is stopped, as Home Assistant's MPD player is.

An "off" media player shows no volume or repeat mode in its state. Its volume must come
back after the block all the same.
"""

from __future__ import annotations

from datetime import timedelta

from homeassistant.components.media_player.const import MediaPlayerState, RepeatMode
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from tests.conftest import Advance

from .bench import Bench, BenchPlayer
from .conftest import BASE_URL, SOUND_OPTIONS

SHELF = "media_player.shelf"


@pytest.fixture
async def shelf(hass: HomeAssistant) -> BenchPlayer:
    """Set up the shelf: stopped (so "off"), at 70 % volume, not repeating."""
    await hass.config.async_update(internal_url=BASE_URL)
    bench = Bench(hass)
    player = bench.player("shelf")
    player.stopped_state = MediaPlayerState.OFF
    bench.add(SHELF, "off", volume=0.7, repeat="off")
    setup_test_component_platform(hass, "media_player", [player])
    assert await async_setup_component(hass, "media_player", {"media_player": {"platform": "test"}})
    await hass.async_block_till_done()
    return player


@pytest.fixture
def mock_config_entry(shelf: BenchPlayer) -> MockConfigEntry:
    """Return the Study timer with ambient sound on the shelf player."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={**DEFAULT_OPTIONS, **SOUND_OPTIONS, "sound_players": [SHELF]},
        entry_id="study_entry",
    )


@pytest.mark.usefixtures("init_integration")
async def test_a_stopped_player_gets_its_hidden_volume_back(
    hass: HomeAssistant, shelf: BenchPlayer, advance: Advance
) -> None:
    state = hass.states.get(SHELF)
    assert state.state == "off"
    assert "volume_level" not in state.attributes
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await hass.async_block_till_done()
    await advance(timedelta(seconds=10))
    played = [data for service, data in shelf.bench.of(SHELF) if service == "play_media"]
    assert played[0]["media_content_id"].startswith(
        f"{BASE_URL}/api/tomatoes/sound/bundled/brown_noise.flac?"
    )
    state = hass.states.get(SHELF)
    assert state.state == "playing"
    assert state.attributes["volume_level"] == 0.4
    assert state.attributes["repeat"] == "one"

    await advance(timedelta(minutes=25))
    await advance(timedelta(seconds=5))
    assert hass.states.get(SHELF).state == "off"
    assert shelf.volume_level == 0.7
    assert shelf.repeat == RepeatMode.OFF
