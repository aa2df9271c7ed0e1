"""Media players as Tomatoes uses them: snapshots, service calls and failure reports.

Every call carries a Context made for it, so a state change caused by Tomatoes can be
told apart from one a person made. A call that fails (or a player that is missing or
unavailable) never raises into the timer: it is logged once as a warning, raises a
repair issue that names the player, and the issue clears once the player works again.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass
import logging
from typing import Any

from homeassistant.components.media_player.const import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_REPEAT,
    ATTR_MEDIA_VOLUME_LEVEL,
    DOMAIN as MEDIA_PLAYER_DOMAIN,
    MediaPlayerEntityFeature,
    MediaPlayerState,
)
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_FRIENDLY_NAME,
    ATTR_SUPPORTED_FEATURES,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import Context, HomeAssistant, State, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_component import EntityComponent
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from .library import MEDIA_SOURCE_PREFIX, URL_PREFIX

_LOGGER = logging.getLogger(__name__)

CALL_TIMEOUT = 20.0
"""Seconds a player gets to answer one call before it counts as failing."""

CONTEXTS_KEPT = 200
"""How many of our recent Contexts are remembered to recognise our own state changes."""

UNAVAILABLE_STATES = (STATE_UNAVAILABLE, STATE_UNKNOWN)

# The media_player component's entities, under the key it keeps them (its DATA_COMPONENT).
_MEDIA_PLAYERS: HassKey[EntityComponent[Entity]] = HassKey(MEDIA_PLAYER_DOMAIN)


def is_available(state: State | None) -> bool:
    """Return whether a player exists and is reachable."""
    return state is not None and state.state not in UNAVAILABLE_STATES


def features(state: State | None) -> MediaPlayerEntityFeature:
    """Return what a player says it supports."""
    if state is None:
        return MediaPlayerEntityFeature(0)
    return MediaPlayerEntityFeature(int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)))


def is_ours(content_id: str | None) -> bool:
    """Return whether a player's content is a Tomatoes sound."""
    return bool(content_id) and (
        URL_PREFIX in str(content_id) or str(content_id).startswith(MEDIA_SOURCE_PREFIX)
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

    @classmethod
    def capture(cls, state: State) -> PlayerSnapshot:
        """Remember a player's state, volume, repeat mode and what it plays."""
        attributes = state.attributes
        volume = attributes.get(ATTR_MEDIA_VOLUME_LEVEL)
        content_id = attributes.get(ATTR_MEDIA_CONTENT_ID)
        return cls(
            state=state.state,
            volume=float(volume) if volume is not None else None,
            repeat=attributes.get(ATTR_MEDIA_REPEAT),
            content_id=None if is_ours(content_id) else content_id,
            content_type=attributes.get(ATTR_MEDIA_CONTENT_TYPE),
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
        if snapshot.volume is None and isinstance(volume, (int, float)):
            snapshot.volume = float(volume)
        if snapshot.repeat is None and isinstance(repeat, str):
            snapshot.repeat = str(repeat)
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
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlayerSnapshot:
        """Rebuild a snapshot from ``as_dict`` output."""
        return cls(
            state=str(data["state"]),
            volume=data.get("volume"),
            repeat=data.get("repeat"),
            content_id=data.get("content_id"),
            content_type=data.get("content_type"),
            released=bool(data.get("released", False)),
            level=data.get("level"),
            position=int(data.get("position", 0)),
        )


def issue_id(entry_id: str, entity_id: str) -> str:
    """Return the id of the repair issue about one player of one timer."""
    return f"player_{entry_id}_{entity_id}"


class PlayerControl:
    """Calls on one timer's players, each with a Context of its own; failures reported once."""

    def __init__(self, hass: HomeAssistant, entry_id: str, timer_name: str) -> None:
        """Prepare calls on behalf of one timer."""
        self.hass = hass
        self.entry_id = entry_id
        self.timer_name = timer_name
        self.failing: dict[str, str] = {}
        self._contexts: deque[str] = deque(maxlen=CONTEXTS_KEPT)

    def owns(self, context: Context | None) -> bool:
        """Return whether a change came from one of our calls."""
        return context is not None and (
            context.id in self._contexts or context.parent_id in self._contexts
        )

    async def async_call(
        self, entity_id: str, service: str, data: dict[str, Any] | None = None
    ) -> bool:
        """Call a media_player action on one player; return whether it worked."""
        context = Context()
        self._contexts.append(context.id)
        try:
            async with asyncio.timeout(CALL_TIMEOUT):
                await self.hass.services.async_call(
                    MEDIA_PLAYER_DOMAIN,
                    service,
                    {ATTR_ENTITY_ID: entity_id, **(data or {})},
                    blocking=True,
                    context=context,
                )
        except TimeoutError:
            self.report(entity_id, f"no answer to {service} within {CALL_TIMEOUT:.0f} s")
            return False
        except Exception as err:  # noqa: BLE001 - whatever a player raises, the timer goes on
            self.report(entity_id, f"{service} failed: {err or type(err).__name__}")
            return False
        self.works(entity_id)
        return True

    @callback
    def report(self, entity_id: str, reason: str) -> None:
        """Note that a player fails: one warning and a repair issue, until it works again."""
        if entity_id in self.failing:
            _LOGGER.debug("%s: %s still fails: %s", self.timer_name, entity_id, reason)
            self.failing[entity_id] = reason
            return
        self.failing[entity_id] = reason
        _LOGGER.warning(
            "%s: media player %s does not work (%s); the timer goes on without it",
            self.timer_name,
            entity_id,
            reason,
        )
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            issue_id(self.entry_id, entity_id),
            is_fixable=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key="player_failed",
            translation_placeholders={
                "player": self._name(entity_id),
                "entity_id": entity_id,
                "timer": self.timer_name,
                "reason": reason,
            },
        )

    @callback
    def works(self, entity_id: str) -> None:
        """Note that a player works (again): its repair issue goes away."""
        if self.failing.pop(entity_id, None) is None:
            return
        _LOGGER.info("%s: media player %s works again", self.timer_name, entity_id)
        ir.async_delete_issue(self.hass, DOMAIN, issue_id(self.entry_id, entity_id))

    def _name(self, entity_id: str) -> str:
        state = self.hass.states.get(entity_id)
        if state is not None and (name := state.attributes.get(ATTR_FRIENDLY_NAME)):
            return str(name)
        return entity_id
