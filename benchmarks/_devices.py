"""Lights, media players and timers for the benchmarks that run under Home Assistant's test harness.

The devices are plain entities on Home Assistant's test platform, going through the real
`light` and `media_player` services: a dimmable lamp and a speaker that plays, repeats,
stops and sets its volume at once, as a well-behaved device would.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from homeassistant.components.light import ATTR_BRIGHTNESS, ColorMode, LightEntity
from homeassistant.components.media_player import MediaPlayerEntity
from homeassistant.components.media_player.const import (
    MediaPlayerEntityFeature as Feature,
    MediaPlayerState,
    MediaType,
    RepeatMode,
)
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN


class BenchLamp(LightEntity):
    """A dimmable lamp that keeps what it is told."""

    _attr_should_poll = False
    _attr_color_mode = ColorMode.BRIGHTNESS

    def __init__(self, key: str) -> None:
        """Start on, at brightness 200."""
        self._attr_supported_color_modes = {ColorMode.BRIGHTNESS}
        self._attr_name = key
        self._attr_unique_id = f"bench_lamp_{key}"
        self._attr_is_on = True
        self._attr_brightness = 200

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Switch on, at the brightness asked for."""
        self._attr_is_on = True
        self._attr_brightness = kwargs.get(ATTR_BRIGHTNESS, self._attr_brightness)
        self.async_write_ha_state()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Switch off."""
        self._attr_is_on = False
        self.async_write_ha_state()


class BenchSpeaker(MediaPlayerEntity):
    """A speaker that plays, repeats, stops and sets its volume at once."""

    _attr_should_poll = False
    _attr_supported_features = (
        Feature.VOLUME_SET | Feature.PLAY_MEDIA | Feature.REPEAT_SET | Feature.STOP
    )

    def __init__(self, key: str) -> None:
        """Start idle at 50 % volume."""
        self._attr_name = key
        self._attr_unique_id = f"bench_speaker_{key}"
        self._attr_state = MediaPlayerState.IDLE
        self._attr_volume_level = 0.5
        self._attr_repeat = RepeatMode.OFF

    async def async_set_volume_level(self, volume: float) -> None:
        """Set the volume."""
        self._attr_volume_level = volume
        self.async_write_ha_state()

    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        """Play what it is given."""
        self._attr_media_content_id = media_id
        self._attr_state = MediaPlayerState.PLAYING
        self.async_write_ha_state()

    async def async_set_repeat(self, repeat: RepeatMode) -> None:
        """Set the repeat mode."""
        self._attr_repeat = repeat
        self.async_write_ha_state()

    async def async_media_stop(self) -> None:
        """Stop."""
        self._attr_state = MediaPlayerState.IDLE
        self.async_write_ha_state()


async def async_add_devices(hass: HomeAssistant, keys: Iterable[str]) -> None:
    """Set up one lamp (``light.<key>_lamp``) and one speaker (``media_player.<key>_speaker``)."""
    keys = list(keys)
    setup_test_component_platform(hass, "light", [BenchLamp(f"{key} lamp") for key in keys])
    setup_test_component_platform(
        hass, "media_player", [BenchSpeaker(f"{key} speaker") for key in keys]
    )
    for domain in ("light", "media_player"):
        if not await async_setup_component(hass, domain, {domain: [{"platform": "test"}]}):
            raise RuntimeError(f"the bench {domain} platform did not set up")
    await hass.config.async_update(internal_url="http://hass.local:8123")
    await hass.async_block_till_done()


def timer_entry(key: str, **options: Any) -> MockConfigEntry:
    """Return a timer that plays on its speaker and dims its lamp, auto-starting everything."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=key,
        data={"name": key},
        options={
            **DEFAULT_OPTIONS,
            "auto_start_breaks": True,
            "auto_start_focus": True,
            "sound_players": [f"media_player.{key}_speaker"],
            "sound_take_over": True,
            "light_entities": [f"light.{key}_lamp"],
            "light_transition": 0,
            **options,
        },
    )
