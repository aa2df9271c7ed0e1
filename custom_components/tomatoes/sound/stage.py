"""The players of one timer's sound and what is done with them: take, start, level, give back.

`Stage` holds the `Playback` (what plays, the fade, a snapshot per player) and carries out
what the effect decided; it decides nothing itself. Every change it makes to what is held
is saved before a player hears of it (``async_save``), every call goes through
`EffectCalls` (our Context, a timeout, failures reported), and players are handled side
by side: one slow or failing player never holds up the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
import logging
import random
from typing import Any

from homeassistant.components.media_player.const import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_REPEAT,
    ATTR_MEDIA_VOLUME_LEVEL,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEntityFeature as Feature,
    MediaPlayerState,
    MediaType,
)
from homeassistant.const import (
    ATTR_ENTITY_ID,
    SERVICE_REPEAT_SET,
    SERVICE_TURN_ON,
    SERVICE_VOLUME_SET,
)
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..timer import FocusTimer
from ..toolkit.calls import EffectCalls
from ..toolkit.failures import Reason
from ..toolkit.store import VersionedStore
from .fade import Fade
from .keeper import Keeper
from .media import Item, Media
from .options import BreakAction, SoundOptions
from .players import PlayerSnapshot, async_give_back, features, is_available, is_busy
from .policy import Target, player_volume, repeat_mode
from .store import Playback

_LOGGER = logging.getLogger(__name__)

EVENT_PLAYER_BUSY = f"{DOMAIN}_player_busy"
"""Fired once per block for each chosen player left alone because it was already playing."""


@dataclass(eq=False, kw_only=True)
class Stage:
    """What one timer's sound holds, and the calls that change its players."""

    hass: HomeAssistant
    timer: FocusTimer
    options: SoundOptions
    calls: EffectCalls
    media: Media
    keeper: Keeper
    store: VersionedStore[Playback]
    playback: Playback = field(default_factory=Playback)
    busy: set[str] = field(default_factory=set)
    """The chosen players left alone this block because they were already playing."""
    _saved: dict[str, Any] | None = field(default=None, init=False, repr=False)

    # ------------------------------------------------------------------ storage

    async def async_load(self) -> bool:
        """Load what was saved (repaired where damaged); return whether anything was."""
        stored = await self.store.async_load()
        if stored is not None:
            self.playback = stored
        self._saved = self.playback.as_dict()
        return stored is not None

    async def async_save(self) -> None:
        """Save the playback if it changed since the last save (awaited: before any call)."""
        data = self.playback.as_dict()
        if data != self._saved:
            await self.store.async_save(data)
            self._saved = data

    # ------------------------------------------------------------------ taking

    def capture(self, entity_ids: Iterable[str]) -> list[str]:
        """Remember how each available, free player is; return those that are taken."""
        playback, taken = self.playback, []
        for entity_id in entity_ids:
            if entity_id in playback.players or entity_id in self.busy:
                continue
            state = self.hass.states.get(entity_id)
            if state is None or not is_available(state):
                self.calls.failures.failed(entity_id, Reason.UNAVAILABLE)
                continue
            if not self.options.take_over and is_busy(state):
                self._leave_alone(entity_id)
                continue
            if (waiting := playback.pending.get(entity_id)) is not None and waiting.released:
                continue  # a person's player still to be given back is not taken over it
            kept = playback.pending.pop(entity_id, None)
            playback.players[entity_id] = kept or PlayerSnapshot.capture_player(self.hass, state)
            taken.append(entity_id)
        return taken

    def _leave_alone(self, entity_id: str) -> None:
        """Leave a busy player alone for the block, and say so (log, logbook, sensor)."""
        self.busy.add(entity_id)
        _LOGGER.info("%s: %s is busy; left alone", self.timer.name, entity_id)
        self.hass.bus.async_fire(
            EVENT_PLAYER_BUSY,
            {
                "entry_id": self.timer.entry.entry_id,
                "timer": self.timer.name,
                ATTR_ENTITY_ID: entity_id,
            },
        )

    # ------------------------------------------------------------------- moves

    async def async_take(self, target: Target) -> None:
        """Snapshot the players, save, then start them silent and fade in."""
        playback = self.playback
        playback.program, playback.sound = target.program, target.sound
        playback.releasing = playback.switch_to = None
        playback.seed = random.randrange(1 << 30)  # noqa: S311 - a shuffle, not a secret
        playback.fade = Fade.over(dt_util.utcnow(), self.options.fade_in, 0.0, 1.0)
        self.busy.clear()
        self.keeper.reset()
        taken = self.capture(self.options.players)
        await self.async_save()
        await self.async_start_all(taken)

    async def async_play(self, target: Target, *, fade_in: bool) -> None:
        """Play another sound or programme on the players taken (from silence if fading in)."""
        playback = self.playback
        playback.program, playback.sound = target.program, target.sound
        playback.releasing = playback.switch_to = None
        for snapshot in playback.players.values():
            snapshot.position = 0
        if fade_in:
            playback.fade = Fade.over(dt_util.utcnow(), self.options.fade_in, 0.0, 1.0)
        await self.async_save()
        await self.async_start_all()

    async def async_fade_in(self) -> None:
        """Fade back in from the current level (a fade out is called off)."""
        playback, level = self.playback, self.level()
        playback.releasing = playback.switch_to = None
        playback.fade = Fade.over(dt_util.utcnow(), self.options.fade_in, level, 1.0)
        await self.async_save()

    async def async_fade_out(self, stop: BreakAction | None, *, then: Target | None) -> None:
        """Fade out from the current level; then give back with ``stop``, or play ``then``."""
        playback, level = self.playback, self.level()
        playback.releasing, playback.switch_to = stop, then
        playback.fade = Fade.over(dt_util.utcnow(), self.options.fade_out, level, 0.0)
        await self.async_save()

    async def async_keep(self, stop: BreakAction, *, recovering: bool) -> None:
        """Give back players no longer chosen, take new ones, start those that stopped."""
        playback, chosen = self.playback, self.options.players
        if gone := [entity_id for entity_id in playback.players if entity_id not in chosen]:
            for entity_id in gone:
                playback.pending[entity_id] = playback.players.pop(entity_id)
            await self.async_save()
            await self.async_give_back(gone, stop)
        new = [
            entity_id
            for entity_id in chosen
            if entity_id not in playback.players and is_available(self.hass.states.get(entity_id))
        ]
        if new and (taken := self.capture(new)):
            await self.async_save()
            await self.async_start_all(taken)
        if recovering:
            await self.async_start_all(
                [
                    entity_id
                    for entity_id, snap in playback.players.items()
                    if not snap.released and not self.is_playing(entity_id)
                ]
            )

    # ----------------------------------------------------------------- playing

    async def async_start_all(self, entity_ids: Iterable[str] | None = None) -> None:
        """Start the given players (by default every taken one a person left to us)."""
        if entity_ids is None:
            players = self.playback.players
            entity_ids = [entity_id for entity_id, snap in players.items() if not snap.released]
        await asyncio.gather(*(self.async_start(entity_id) for entity_id in entity_ids))

    async def async_start(self, entity_id: str) -> None:
        """Set the player's volume for the current level, play its item and set repeat."""
        snapshot = self.playback.players.get(entity_id)
        state = self.hass.states.get(entity_id)
        if snapshot is None or state is None:
            return
        supported, items = features(state), self.items()
        item = items[snapshot.position % len(items)]
        self.keeper.started(entity_id)
        if state.state == MediaPlayerState.OFF and Feature.TURN_ON in supported:
            await self.calls.async_call(entity_id, SERVICE_TURN_ON)
        if Feature.VOLUME_SET in supported:
            await self._async_volume(entity_id, snapshot, self.level(), item)
        data = {
            ATTR_MEDIA_CONTENT_ID: self.media.media_id(item, self.time_left()),
            ATTR_MEDIA_CONTENT_TYPE: MediaType.MUSIC,
        }
        if not await self.calls.async_call(entity_id, SERVICE_PLAY_MEDIA, data):
            return
        repeats = Feature.REPEAT_SET in supported
        if repeats:
            repeat = repeat_mode(len(items), library_file=item.track is not None)
            data = {ATTR_MEDIA_REPEAT: repeat}
            if await self.calls.async_call(entity_id, SERVICE_REPEAT_SET, data):
                snapshot.repeat_set = repeat
        ends = item.track.duration if item.track is not None else None
        self.keeper.check_at_end(entity_id, None if repeats and len(items) == 1 else ends)

    async def async_restart(self, entity_id: str) -> None:
        """Start the next item on a player that stopped by itself during the block."""
        snapshot = self.playback.players.get(entity_id)
        if (
            snapshot is None
            or snapshot.released
            or self.playback.releasing is not None
            or self.is_playing(entity_id)
        ):
            return
        if self.keeper.stops_at_once(entity_id):
            detail = "it stops right after it starts playing"
            self.calls.failures.failed(entity_id, Reason.STOPS_AT_ONCE, detail)
            return
        snapshot.position += 1
        await self.async_save()
        _LOGGER.debug("%s: %s stopped; playing on", self.timer.name, entity_id)
        await self.async_start(entity_id)

    async def async_apply_level(self, level: float) -> None:
        """Set every taken player's volume for a fade level."""
        items = self.items()
        await asyncio.gather(
            *(
                self._async_volume(entity_id, snap, level, items[snap.position % len(items)])
                for entity_id, snap in self.playback.players.items()
                if not snap.released
                and Feature.VOLUME_SET in features(self.hass.states.get(entity_id))
            )
        )

    async def _async_volume(
        self, entity_id: str, snapshot: PlayerSnapshot, level: float, item: Item
    ) -> None:
        volume = player_volume(level, self.options.volume, item.gain)
        data = {ATTR_MEDIA_VOLUME_LEVEL: volume}
        if await self.calls.async_call(entity_id, SERVICE_VOLUME_SET, data):
            snapshot.level = volume

    # ------------------------------------------------------------- giving back

    async def async_release(self, action: BreakAction) -> None:
        """The sound is over: every taken player becomes pending and is given back."""
        playback = self.playback
        playback.pending.update(playback.players)
        playback.players = {}
        playback.program = playback.sound = playback.fade = None
        playback.releasing = playback.switch_to = None
        self.busy.clear()
        self.keeper.reset()
        await self.async_save()
        await self.async_give_back(list(playback.pending), action)

    async def async_give_back(self, entity_ids: Iterable[str], action: BreakAction) -> None:
        """Give back pending players that are available, side by side; save once after.

        A player that is unavailable stays pending (saved) and is given back when it returns;
        so does a chosen player whose give-back failed, once it reports a change. A player no
        longer chosen had its attempt.
        """
        pending = self.playback.pending

        async def give_back(entity_id: str) -> None:
            snapshot = pending[entity_id]
            worked = await async_give_back(self.hass, self.calls, entity_id, snapshot, action)
            if worked or entity_id not in self.options.players:
                pending.pop(entity_id, None)

        ready = [
            entity_id
            for entity_id in entity_ids
            if entity_id in pending and is_available(self.hass.states.get(entity_id))
        ]
        if ready:
            await asyncio.gather(*(give_back(entity_id) for entity_id in ready))
            await self.async_save()

    # ----------------------------------------------------------------- queries

    def items(self) -> list[Item]:
        """Return what the sound playing (or the focus sound) plays."""
        return self.media.items(self.playback.sound or self.options.source, self.playback.seed)

    def level(self) -> float:
        """Return the current level (0 silent, 1 the focus volume)."""
        fade = self.playback.fade
        if self.playback.program is None or fade is None:
            return 0.0
        return fade.level_at(dt_util.utcnow())

    def time_left(self) -> timedelta:
        """Return the time left in the phase (signed URLs stay valid at least that long)."""
        return self.timer.time_left() or timedelta(0)

    def is_playing(self, entity_id: str) -> bool:
        """Return whether a player is playing (anything)."""
        state = self.hass.states.get(entity_id)
        return state is not None and state.state == MediaPlayerState.PLAYING
