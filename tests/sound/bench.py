"""A bench of real media player entities for the sound tests.

`BenchPlayer` is a plain `MediaPlayerEntity` on Home Assistant's test platform: the
sound's calls go through the real `media_player` actions (schemas, required features,
the entity's Context) and the player keeps its own state as a device would. Like a
real player, one that is off shows no volume or repeat mode in its state. `Bench`
records what each player was asked to do, in order, and changes players the way a
device or a person would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from homeassistant.components.media_player import MediaPlayerEntity
from homeassistant.components.media_player.const import (
    MediaPlayerEntityFeature as F,
    MediaPlayerState,
    MediaType,
    RepeatMode,
)
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import setup_test_component_platform

from tests.hang import Hang

PLAYER_FEATURES = (
    F.VOLUME_SET | F.PLAY_MEDIA | F.REPEAT_SET | F.STOP | F.PAUSE | F.TURN_ON | F.TURN_OFF
)


@dataclass
class Call:
    """One call a player carried out."""

    service: str
    entity_id: str
    data: dict[str, Any]
    context: Context


class BenchPlayer(MediaPlayerEntity):
    """A media player that does what it is asked and reports it, like a device."""

    _attr_should_poll = False

    def __init__(self, bench: Bench, key: str) -> None:
        """Make the player ``media_player.<key>``: idle, volume 0.5, not repeating."""
        self.bench = bench
        self._attr_name = key.capitalize()
        self._attr_unique_id = f"bench_{key}"
        self._attr_supported_features = PLAYER_FEATURES
        self._attr_state = MediaPlayerState.IDLE
        self._attr_volume_level = 0.5
        self._attr_repeat = RepeatMode.OFF
        self.stopped_state = MediaPlayerState.IDLE
        self.hang = Hang()

    def twin(self) -> BenchPlayer:
        """Return a new entity for the same device (its entity was removed), as it is now."""
        twin = BenchPlayer(self.bench, str(self.unique_id).removeprefix("bench_"))
        twin.__dict__.update(
            {k: v for k, v in vars(self).items() if k.lstrip("_").startswith("attr_")}
        )
        twin.stopped_state, twin.hang = self.stopped_state, self.hang
        self.bench.players[self.entity_id] = twin
        return twin

    async def _carry_out(self, service: str, data: dict[str, Any]) -> None:
        """Record a call (the hook sees it first); fail or hang where the bench says so."""
        call = Call(service, self.entity_id, data, self._context or Context())
        if self.bench.on_call:
            self.bench.on_call(call)
        await self.hang.async_wait()
        if (hold := self.bench.holds.get((self.entity_id, service))) is not None:
            self.bench.waiting.set()
            await hold.wait()
        if self.entity_id in self.bench.failing:
            raise HomeAssistantError(f"{self.entity_id} is not answering")
        self.bench.calls.append(call)

    async def async_set_volume_level(self, volume: float) -> None:
        """Set the volume."""
        await self._carry_out("volume_set", {"volume_level": volume})
        self._attr_volume_level = volume
        self.async_write_ha_state()

    async def async_set_repeat(self, repeat: RepeatMode) -> None:
        """Set the repeat mode."""
        await self._carry_out("repeat_set", {"repeat": repeat})
        self._attr_repeat = repeat
        self.async_write_ha_state()

    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        """Play something; an announcement plays over what plays and changes nothing."""
        data = {"media_content_id": media_id, "media_content_type": media_type}
        if kwargs.get("announce"):
            data["announce"] = True
        await self._carry_out("play_media", data)
        if not kwargs.get("announce"):
            self._attr_state = MediaPlayerState.PLAYING
            self._attr_media_content_id = media_id
            self._attr_media_content_type = media_type
        self.async_write_ha_state()

    async def async_media_stop(self) -> None:
        """Stop."""
        await self._carry_out("media_stop", {})
        self._attr_state = self.stopped_state
        self.async_write_ha_state()

    async def async_media_pause(self) -> None:
        """Pause."""
        await self._carry_out("media_pause", {})
        self._attr_state = MediaPlayerState.PAUSED
        self.async_write_ha_state()

    async def async_turn_on(self) -> None:
        """Switch on (nothing plays yet)."""
        await self._carry_out("turn_on", {})
        self._attr_state = self.stopped_state
        self.async_write_ha_state()

    async def async_turn_off(self) -> None:
        """Switch off."""
        await self._carry_out("turn_off", {})
        self._attr_state = MediaPlayerState.OFF
        self.async_write_ha_state()


@dataclass
class Bench:
    """The players of a test, and every call they carried out."""

    hass: HomeAssistant
    players: dict[str, BenchPlayer] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)
    holds: dict[tuple[str, str], asyncio.Event] = field(default_factory=dict)
    waiting: asyncio.Event = field(default_factory=asyncio.Event)
    on_call: Callable[[Call], None] | None = None

    async def async_set_up(self) -> None:
        """Add the bench's players to Home Assistant (the media_player test platform)."""
        setup_test_component_platform(self.hass, "media_player", list(self.players.values()))
        assert await async_setup_component(
            self.hass, "media_player", {"media_player": {"platform": "test"}}
        )
        await self.hass.async_block_till_done()

    def player(self, key: str) -> BenchPlayer:
        """Add a player to the bench (before the platform is set up)."""
        self.players[f"media_player.{key}"] = player = BenchPlayer(self, key)
        return player

    def add(
        self,
        entity_id: str,
        state: str = "idle",
        *,
        volume: float | None = 0.5,
        repeat: str | None = "off",
        features: int = PLAYER_FEATURES,
        media_content_id: str | None = None,
        media_content_type: str | None = None,
    ) -> None:
        """Make a player be like this, as if it had just been found so (or became so)."""
        player = self.players[entity_id]
        player._attr_available = state != "unavailable"
        if player.available:
            player._attr_state = MediaPlayerState(state)
        player._attr_volume_level = volume
        player._attr_repeat = RepeatMode(repeat) if repeat else None
        player._attr_supported_features = F(features)
        player._attr_media_content_id = media_content_id
        player._attr_media_content_type = media_content_type
        if player.hass is not None:
            player.async_set_context(Context())
            player.async_write_ha_state()

    def set_state(self, entity_id: str, state: str, context: Context | None = None) -> None:
        """Change a player's state by itself (a device), or as a person (a user's Context)."""
        player = self.players[entity_id]
        if state == "unavailable":
            player._attr_available = False
        else:
            player._attr_available = True
            player._attr_state = MediaPlayerState(state)
        player.async_set_context(context or Context())
        player.async_write_ha_state()

    def hold(self, entity_id: str, service: str) -> asyncio.Event:
        """Make a player wait with one kind of call until the returned event is set."""
        self.waiting.clear()
        event = self.holds[entity_id, service] = asyncio.Event()
        return event

    def of(self, entity_id: str) -> list[tuple[str, dict[str, Any]]]:
        """Return (service, data) of the calls a player carried out, in order."""
        return [(call.service, call.data) for call in self.calls if call.entity_id == entity_id]

    def volumes(self, entity_id: str) -> list[float]:
        """Return the volumes set on a player, in order."""
        return [
            data["volume_level"] for service, data in self.of(entity_id) if service == "volume_set"
        ]

    def clear(self) -> None:
        """Forget the calls carried out so far."""
        self.calls.clear()
