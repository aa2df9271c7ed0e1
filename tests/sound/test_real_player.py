"""A real media player entity (through the media_player component), as MPD behaves.

A stopped MPD is "off", and an "off" media player shows no volume or repeat mode in its
state. Its volume must come back after the block all the same.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.components.media_player import MediaPlayerEntity
from homeassistant.components.media_player.const import (
    MediaPlayerEntityFeature as F,
    MediaPlayerState,
    MediaType,
    RepeatMode,
)
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from tests.conftest import Advance

from .conftest import BASE_URL, SOUND_OPTIONS

SHELF = "media_player.shelf"


class StoppedPlayer(MediaPlayerEntity):
    """Plays what it is given; "off" while stopped, like Home Assistant's MPD player."""

    _attr_name = "Shelf"
    _attr_unique_id = "shelf"
    _attr_supported_features = (
        F.VOLUME_SET | F.PLAY_MEDIA | F.REPEAT_SET | F.STOP | F.TURN_ON | F.TURN_OFF
    )

    def __init__(self) -> None:
        """Start stopped, at 70 % volume, not repeating."""
        self._attr_state = MediaPlayerState.OFF
        self._attr_volume_level = 0.7
        self._attr_repeat = RepeatMode.OFF
        self.played: list[str] = []

    async def async_set_volume_level(self, volume: float) -> None:
        """Set the volume."""
        self._attr_volume_level = volume

    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        """Play a URL."""
        self.played.append(media_id)
        self._attr_media_content_id = media_id
        self._attr_state = MediaPlayerState.PLAYING

    async def async_set_repeat(self, repeat: RepeatMode) -> None:
        """Set the repeat mode."""
        self._attr_repeat = repeat

    async def async_media_stop(self) -> None:
        """Stop (which this player shows as off)."""
        self._attr_state = MediaPlayerState.OFF

    async def async_turn_on(self) -> None:
        """Nothing to play yet: stays stopped."""

    async def async_turn_off(self) -> None:
        """Stop."""
        self._attr_state = MediaPlayerState.OFF


@pytest.fixture
async def shelf(hass: HomeAssistant) -> StoppedPlayer:
    """Set up the media_player component with the shelf player."""
    await hass.config.async_update(internal_url=BASE_URL)
    player = StoppedPlayer()
    setup_test_component_platform(hass, "media_player", [player])
    assert await async_setup_component(hass, "media_player", {"media_player": {"platform": "test"}})
    await hass.async_block_till_done()
    return player


@pytest.fixture
def mock_config_entry(shelf: StoppedPlayer) -> MockConfigEntry:
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
    hass: HomeAssistant, shelf: StoppedPlayer, advance: Advance
) -> None:
    state = hass.states.get(SHELF)
    assert state.state == "off"
    assert "volume_level" not in state.attributes
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await hass.async_block_till_done()
    await advance(timedelta(seconds=10))
    assert shelf.played[0].startswith(f"{BASE_URL}/api/tomatoes/sound/bundled/brown_noise.flac?")
    state = hass.states.get(SHELF)
    assert state.state == "playing"
    assert state.attributes["volume_level"] == 0.4
    assert state.attributes["repeat"] == "one"

    await advance(timedelta(minutes=25))
    await advance(timedelta(seconds=5))
    assert hass.states.get(SHELF).state == "off"
    assert shelf.volume_level == 0.7
    assert shelf.repeat == RepeatMode.OFF
