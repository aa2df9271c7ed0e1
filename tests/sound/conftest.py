"""Fixtures of the sound tests: fake media players that record every call, a media folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homeassistant.components.media_player.const import MediaPlayerEntityFeature as F
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Context, HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.sound.options import (
    CONF_SOUND_FADE_IN,
    CONF_SOUND_FADE_OUT,
    CONF_SOUND_PLAYERS,
    CONF_SOUND_VOLUME,
)

DESK = "media_player.desk"
KITCHEN = "media_player.kitchen"
BASE_URL = "http://hass.local:8123"
AMBIENCE_KEY = f"{DOMAIN}.study_entry.ambience"
PLAYER_FEATURES = (
    F.VOLUME_SET | F.PLAY_MEDIA | F.REPEAT_SET | F.STOP | F.PAUSE | F.TURN_ON | F.TURN_OFF
)
SERVICES = (
    "volume_set",
    "play_media",
    "repeat_set",
    "media_stop",
    "media_pause",
    "turn_on",
    "turn_off",
)


@dataclass
class Call:
    """One call made on a fake player."""

    service: str
    entity_id: str
    data: dict[str, Any]
    context: Context


@dataclass
class Players:
    """Fake media players: their states live in hass.states and follow the calls made."""

    hass: HomeAssistant
    calls: list[Call] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)
    on_call: Callable[[Call], None] | None = None

    def add(
        self,
        entity_id: str,
        state: str = "idle",
        *,
        volume: float | None = 0.5,
        repeat: str | None = "off",
        features: int = PLAYER_FEATURES,
        **attributes: Any,
    ) -> None:
        """Create a player (or replace its state)."""
        attrs: dict[str, Any] = {"supported_features": int(features), **attributes}
        if volume is not None:
            attrs["volume_level"] = volume
        if repeat is not None:
            attrs["repeat"] = repeat
        attrs.setdefault("friendly_name", entity_id.split(".")[1].capitalize())
        self.hass.states.async_set(entity_id, state, attrs)

    def set_state(self, entity_id: str, state: str, context: Context | None = None) -> None:
        """Change a player's state as the device would, keeping its attributes."""
        current = self.hass.states.get(entity_id)
        assert current is not None
        self.hass.states.async_set(entity_id, state, dict(current.attributes), context=context)

    def of(self, entity_id: str) -> list[tuple[str, dict[str, Any]]]:
        """Return (service, data) of the calls made on one player, in order."""
        return [(call.service, call.data) for call in self.calls if call.entity_id == entity_id]

    def volumes(self, entity_id: str) -> list[float]:
        """Return the volumes set on a player, in order."""
        return [
            data["volume_level"] for service, data in self.of(entity_id) if service == "volume_set"
        ]

    def clear(self) -> None:
        """Forget the calls made so far."""
        self.calls.clear()

    async def handle(self, call: ServiceCall) -> None:
        """Record a call and update the player's state the way a real player would."""
        data = dict(call.data)
        entity_id = data.pop(ATTR_ENTITY_ID)
        recorded = Call(call.service, entity_id, data, call.context)
        if self.on_call:
            self.on_call(recorded)
        if entity_id in self.failing:
            raise HomeAssistantError(f"{entity_id} is not answering")
        self.calls.append(recorded)
        current = self.hass.states.get(entity_id)
        assert current is not None
        state, attrs = current.state, dict(current.attributes)
        match call.service:
            case "volume_set":
                attrs["volume_level"] = data["volume_level"]
            case "repeat_set":
                attrs["repeat"] = data["repeat"]
            case "play_media" if not data.get("announce"):
                state = "playing"
                attrs["media_content_id"] = data["media_content_id"]
                attrs["media_content_type"] = data["media_content_type"]
            case "media_stop":
                state = "idle"
            case "media_pause":
                state = "paused"
            case "turn_on":
                state = "idle"
            case "turn_off":
                state = "off"
        self.hass.states.async_set(entity_id, state, attrs, context=call.context)


@pytest.fixture
async def players(hass: HomeAssistant) -> Players:
    """Return two idle fake players (desk, kitchen) at volume 0.5 whose calls are recorded."""
    await hass.config.async_update(internal_url=BASE_URL)
    fake = Players(hass)
    for service in SERVICES:
        hass.services.async_register("media_player", service, fake.handle)
    fake.add(DESK)
    fake.add(KITCHEN, volume=0.2, repeat="all")
    return fake


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
