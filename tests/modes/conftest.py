"""Fixtures of the mode tests: a study with a speaker and a desk lamp, and the Study timer."""

from __future__ import annotations

from typing import Any

from homeassistant.components.light import ColorMode
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import Event, HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    setup_test_component_platform,
)

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.modes.catalogue import CONF_MODE, MODE_CLASSIC

from ..lighting.bench import BenchLight
from ..sound.bench import Bench

SPEAKER = "media_player.desk"
LAMP = "light.lamp"
BASE_URL = "http://hass.local:8123"

ROOM_OPTIONS: dict[str, Any] = {
    "sound_players": [SPEAKER],
    "sound_fade_in": 0,
    "sound_fade_out": 0,
    "light_entities": [LAMP],
    "light_transition": 0,
}


@pytest.fixture
async def speaker(hass: HomeAssistant) -> Bench:
    """Set up the desk speaker (idle, volume 0.5); the bench records what it is asked."""
    await hass.config.async_update(internal_url=BASE_URL)
    bench = Bench(hass)
    setup_test_component_platform(hass, "media_player", [bench.player("desk")])
    assert await async_setup_component(hass, "media_player", {"media_player": {"platform": "test"}})
    await hass.async_block_till_done()
    return bench


@pytest.fixture
async def lamp(hass: HomeAssistant) -> BenchLight:
    """Set up the desk lamp: on, full brightness, warm white."""
    light = BenchLight(
        "lamp", {ColorMode.COLOR_TEMP}, on=True, brightness=255, color_temp_kelvin=2700
    )
    setup_test_component_platform(hass, "light", [light])
    assert await async_setup_component(hass, "light", {"light": [{"platform": "test"}]})
    await hass.async_block_till_done()
    return light


@pytest.fixture
def mock_config_entry(speaker: Bench, lamp: BenchLight) -> MockConfigEntry:
    """Return the Study timer (version 2, Classic) with the speaker and the lamp."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={**DEFAULT_OPTIONS, **ROOM_OPTIONS, CONF_MODE: MODE_CLASSIC},
        entry_id="study_entry",
        version=2,
    )


@pytest.fixture
def service_events(hass: HomeAssistant) -> list[Event[Any]]:
    """Capture every action call from now on."""
    return async_capture_events(hass, EVENT_CALL_SERVICE)
