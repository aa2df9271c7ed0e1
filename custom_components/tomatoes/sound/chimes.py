"""Chimes that mark transitions: a short announcement on the players that support one.

An announcement plays over whatever the player plays (the sound ducks instead of stopping),
so a chime needs no snapshot and gives nothing back. Players without announce support get
no chime: interrupting their sound would cost more than the chime is worth.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import timedelta

from homeassistant.components.media_player.const import (
    ATTR_MEDIA_ANNOUNCE,
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEntityFeature as Feature,
    MediaType,
)
from homeassistant.core import HomeAssistant

from ..toolkit.calls import EffectCalls
from .media import Media
from .players import features, is_available


async def async_chime(
    hass: HomeAssistant,
    calls: EffectCalls,
    media: Media,
    *,
    players: Iterable[str],
    name: str,
    valid_for: timedelta,
) -> None:
    """Announce the chime ``name`` on each available player that supports announcements."""
    if (item := media.chime(name)) is None:
        return
    data = {
        ATTR_MEDIA_CONTENT_ID: media.media_id(item, valid_for),
        ATTR_MEDIA_CONTENT_TYPE: MediaType.MUSIC,
        ATTR_MEDIA_ANNOUNCE: True,
    }
    await asyncio.gather(
        *(
            calls.async_call(entity_id, SERVICE_PLAY_MEDIA, data)
            for entity_id in players
            if is_available(state := hass.states.get(entity_id))
            and Feature.MEDIA_ANNOUNCE in features(state)
        )
    )
