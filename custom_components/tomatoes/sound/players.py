"""Media players as the sound uses them: what they support, their snapshots, and giving back.

A `PlayerSnapshot` is how a player was before Tomatoes took it (state, volume, repeat mode,
what it played) plus what Tomatoes did with it since (the last volume and the repeat mode it
set, whether a person took the player back, where in a playlist it is). Giving back stops
(or pauses) the player and restores the rest; each call goes through `EffectCalls`, so a
failing player is reported and never raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeIs

from homeassistant.components.media_player.const import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_REPEAT,
    ATTR_MEDIA_VOLUME_LEVEL,
    DOMAIN as MEDIA_PLAYER_DOMAIN,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEntityFeature as Feature,
    MediaPlayerState,
    MediaType,
    RepeatMode,
)
from homeassistant.const import (
    ATTR_SUPPORTED_FEATURES,
    SERVICE_MEDIA_PAUSE,
    SERVICE_MEDIA_STOP,
    SERVICE_REPEAT_SET,
    SERVICE_TURN_OFF,
    SERVICE_VOLUME_SET,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_component import EntityComponent
from homeassistant.util.hass_dict import HassKey

from ..toolkit.calls import EffectCalls
from .library import MEDIA_SOURCE_PREFIX, URL_PREFIX
from .options import BreakAction

CALL_TIMEOUT = 20.0
"""Seconds a player gets to answer one call before it counts as failing."""

VOLUME_TOLERANCE = 0.005
"""Volumes closer than this count as equal (players round what they are given)."""

UNAVAILABLE_STATES = (STATE_UNAVAILABLE, STATE_UNKNOWN)
REPEAT_MODES = frozenset(mode.value for mode in RepeatMode)

# The media_player component's entities, under the key it keeps them (its DATA_COMPONENT).
_MEDIA_PLAYERS: HassKey[EntityComponent[Entity]] = HassKey(MEDIA_PLAYER_DOMAIN)


def is_available(state: State | None) -> bool:
    """Return whether a player exists and is reachable."""
    return state is not None and state.state not in UNAVAILABLE_STATES


def features(state: State | None) -> Feature:
    """Return what a player says it supports."""
    if state is None:
        return Feature(0)
    try:
        return Feature(int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)))
    except TypeError, ValueError:
        return Feature(0)


def is_ours(content_id: object) -> bool:
    """Return whether a player's content is a Tomatoes sound."""
    return isinstance(content_id, str) and (
        URL_PREFIX in content_id or content_id.startswith(MEDIA_SOURCE_PREFIX)
    )


def is_busy(state: State) -> bool:
    """Return whether a player plays something of its own (not a Tomatoes sound)."""
    return state.state == MediaPlayerState.PLAYING and not is_ours(
        state.attributes.get(ATTR_MEDIA_CONTENT_ID)
    )


@dataclass(slots=True)
class PlayerSnapshot:
    """How a player was before Tomatoes took it, and what Tomatoes did with it since."""

    state: str
    volume: float | None = None
    repeat: str | None = None
    content_id: str | None = None
    content_type: str | None = None
    released: bool = False
    level: float | None = None
    position: int = 0
    repeat_set: str | None = None

    @classmethod
    def capture(cls, state: State) -> PlayerSnapshot:
        """Remember a player's state, volume, repeat mode and what it plays."""
        attributes = state.attributes
        volume = attributes.get(ATTR_MEDIA_VOLUME_LEVEL)
        repeat = attributes.get(ATTR_MEDIA_REPEAT)
        content_id = attributes.get(ATTR_MEDIA_CONTENT_ID)
        content_type = attributes.get(ATTR_MEDIA_CONTENT_TYPE)
        return cls(
            state=state.state,
            volume=float(volume) if is_level(volume) else None,
            repeat=repeat_of(repeat),
            content_id=content_id
            if isinstance(content_id, str) and not is_ours(content_id)
            else None,
            content_type=content_type if isinstance(content_type, str) else None,
        )

    @classmethod
    def capture_player(cls, hass: HomeAssistant, state: State) -> PlayerSnapshot:
        """Remember a player; where its state hides volume or repeat mode, ask the entity.

        A media player that is off shows no volume or repeat mode in its state (MPD is
        "off" whenever it is stopped), yet it has them and they must come back after the
        block; the entity still reports them.
        """
        snapshot = cls.capture(state)
        if snapshot.volume is not None and snapshot.repeat is not None:
            return snapshot
        component = hass.data.get(_MEDIA_PLAYERS)
        entity = component.get_entity(state.entity_id) if component else None
        volume = getattr(entity, "volume_level", None)
        repeat = getattr(entity, "repeat", None)
        if snapshot.volume is None and is_level(volume):
            snapshot.volume = float(volume)
        if snapshot.repeat is None:
            snapshot.repeat = repeat_of(repeat)
        return snapshot

    @property
    def was_playing(self) -> bool:
        """Return whether the player was playing something of its own."""
        return self.state == MediaPlayerState.PLAYING and self.content_id is not None

    def as_dict(self) -> dict[str, Any]:
        """Return the snapshot as JSON-safe data."""
        return {
            "state": self.state,
            "volume": self.volume,
            "repeat": self.repeat,
            "content_id": self.content_id,
            "content_type": self.content_type,
            "released": self.released,
            "level": self.level,
            "position": self.position,
            "repeat_set": self.repeat_set,
        }


def is_level(value: object) -> TypeIs[int | float]:
    """Return whether a value is a volume or level (a number from 0 to 1)."""
    return not isinstance(value, bool) and isinstance(value, (int, float)) and 0 <= value <= 1


def repeat_of(value: object) -> str | None:
    """Return a repeat mode (``off``, ``all``, ``one``), or None for anything else."""
    return str(value) if isinstance(value, str) and value in REPEAT_MODES else None


async def async_give_back(
    hass: HomeAssistant,
    calls: EffectCalls,
    entity_id: str,
    snapshot: PlayerSnapshot,
    action: BreakAction = BreakAction.STOP,
) -> bool:
    """Stop (or pause) a player, then restore its repeat mode, volume and content.

    Return whether every call worked (a player that failed is given back again later).
    """
    state = hass.states.get(entity_id)
    supported = features(state)
    worked = True

    async def call(service: str, data: dict[str, Any] | None = None) -> None:
        nonlocal worked
        worked = await calls.async_call(entity_id, service, data) and worked

    if snapshot.released:
        # A person took this player during the block: only the volume and repeat mode
        # nobody changed since Tomatoes set them are put back (read from the entity where
        # the state hides them, as it does for a player that is off).
        now = PlayerSnapshot.capture_player(hass, state) if state else None
        if (
            now is not None
            and snapshot.repeat is not None
            and snapshot.repeat_set is not None
            and now.repeat == snapshot.repeat_set
            and Feature.REPEAT_SET in supported
        ):
            await call(SERVICE_REPEAT_SET, {ATTR_MEDIA_REPEAT: snapshot.repeat})
        if (
            now is not None
            and now.volume is not None
            and snapshot.volume is not None
            and snapshot.level is not None
            and abs(now.volume - snapshot.level) < VOLUME_TOLERANCE
        ):
            await call(SERVICE_VOLUME_SET, {ATTR_MEDIA_VOLUME_LEVEL: snapshot.volume})
        return worked
    playing = state is not None and state.state == MediaPlayerState.PLAYING
    if playing and action is BreakAction.PAUSE and Feature.PAUSE in supported:
        await call(SERVICE_MEDIA_PAUSE)
    elif playing and Feature.STOP in supported:  # one that plays nothing is not stopped
        await call(SERVICE_MEDIA_STOP)
    if snapshot.repeat is not None and Feature.REPEAT_SET in supported:
        await call(SERVICE_REPEAT_SET, {ATTR_MEDIA_REPEAT: snapshot.repeat})
    if snapshot.volume is not None and Feature.VOLUME_SET in supported:
        await call(SERVICE_VOLUME_SET, {ATTR_MEDIA_VOLUME_LEVEL: snapshot.volume})
    if snapshot.was_playing and snapshot.content_id:
        await call(
            SERVICE_PLAY_MEDIA,
            {
                ATTR_MEDIA_CONTENT_ID: snapshot.content_id,
                ATTR_MEDIA_CONTENT_TYPE: snapshot.content_type or MediaType.MUSIC,
            },
        )
    elif snapshot.state == MediaPlayerState.OFF and Feature.TURN_OFF in supported:
        await call(SERVICE_TURN_OFF)
    return worked
