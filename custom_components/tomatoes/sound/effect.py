"""Ambient sound of one timer: one worker that brings the players to what should play.

`SoundEffect` only listens and notes: timer events, options written by the sound entities,
the chosen players' state changes, fade steps and end-of-file checks each kick one
`Worker`. A run of the worker reconciles (see docs/sound.md):

1. give back pending players that are not wanted;
2. ask the policy what should play (policy.py) and make the move towards it: take the
   players (snapshots saved first), fade out, fade back in, switch programme, play another
   sound, or keep the players in line (players added or removed, players that stopped);
3. follow the fade: set the volumes at a due step; at its end give back or switch;
4. restart players that stopped by themselves, play chimes;
5. schedule the next fade step (`Lifecycle.call_at`) and follow the players' states.

The players themselves are handled by the `Stage` (stage.py). Nothing outlives
`async_close`: the lifecycle cancels the worker (even one waiting for a player's late
answer), scheduled steps and checks never fire, and the subscriptions end.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
import logging
from typing import Any

from homeassistant.components.media_player.const import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import (
    CALLBACK_TYPE,
    Event as HassEvent,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

from ..engine import Event
from ..timer import FocusTimer
from ..toolkit.calls import EffectCalls
from ..toolkit.failures import FailureReporter, Reason
from ..toolkit.lifecycle import Lifecycle, Listeners, Worker
from ..toolkit.store import VersionedStore
from .chimes import async_chime
from .keeper import Keeper, Stop, person_uses, stop_of
from .library import SoundLibrary
from .media import Media
from .options import BreakAction, SoundOptions
from .players import CALL_TIMEOUT, is_available
from .policy import (
    Move,
    SoundStatus,
    Target,
    chime_for,
    next_move,
    sound_status,
    stop_action,
    wanted,
)
from .stage import Stage
from .store import Playback, sound_store

_LOGGER = logging.getLogger(__name__)


class SoundEffect:
    """Plays one timer's ambient sound on its media players, and gives them back."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        timer: FocusTimer,
        library: SoundLibrary,
        store: VersionedStore[Playback] | None = None,
    ) -> None:
        """Prepare; ``async_setup`` loads what was saved and starts listening."""
        self.hass = hass
        self.timer = timer
        self.library = library
        self.lifecycle = Lifecycle(hass, f"{timer.name} sound")
        self.failures = FailureReporter(hass, entry.entry_id, timer.name, "player")
        self.stage = Stage(
            hass=hass,
            timer=timer,
            options=SoundOptions.from_options(entry.options),
            calls=EffectCalls(hass, MEDIA_PLAYER_DOMAIN, self.failures, timeout=CALL_TIMEOUT),
            media=Media(hass, library, timer.name),
            keeper=Keeper(self.lifecycle, self._file_due),
            store=store or sound_store(hass, entry.entry_id),
        )
        self._worker = Worker(self.lifecycle, self._async_reconcile, "sound")
        self._listeners: Listeners[()] = Listeners()
        self._restart: set[str] = set()
        self._retry: set[str] = set()  # pending players that failed and reported a change
        self._chimes: list[str] = []
        self._step_due = self._recovering = self._unsaved = False
        self._volume = self.options.volume
        self._unsub_step: CALLBACK_TYPE | None = None
        self._unsub_follow: CALLBACK_TYPE | None = None
        self._followed: frozenset[str] = frozenset()

    @property
    def options(self) -> SoundOptions:
        """Return the sound options in use."""
        return self.stage.options

    @property
    def playback(self) -> Playback:
        """Return what plays and what is held."""
        return self.stage.playback

    # ---------------------------------------------------------------- lifecycle

    async def async_setup(self) -> None:
        """Load what was saved (repaired where damaged), listen, and reconcile once."""
        self._recovering = await self.stage.async_load()
        lifecycle = self.lifecycle
        lifecycle.on_close(self.timer.async_add_event_listener(self._on_timer_event))
        lifecycle.on_close(self.library.async_add_listener(self._listeners.notify))
        lifecycle.on_close(self._stop_following)
        lifecycle.on_close(self._cancel_step)
        lifecycle.on_close(self.stage.keeper.cancel_checks)
        self._follow_players()
        self._worker.kick()

    async def async_close(self) -> None:
        """Stop everything (a player's late answer included); keep what is held saved."""
        await self.lifecycle.async_close()
        self.failures.clear()
        await self.stage.async_save()

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` when what the sound entities show may have changed."""
        return self._listeners.add(listener)

    async def async_apply_options(self, options: Mapping[str, Any]) -> None:
        """Use options an entity has written; returns once the players follow them."""
        self.stage.options = SoundOptions.from_options(options)
        self._listeners.notify()
        self._worker.kick()
        await self._worker.async_settled()

    # ----------------------------------------------------------------- queries

    @property
    def status(self) -> SoundStatus:
        """Return what the sound status sensor shows."""
        return sound_status(
            playing=self.playback.program is not None and self.playback.releasing is None,
            busy=self.busy,
            failing=self.failing,
        )

    @property
    def failing(self) -> list[str]:
        """Return the chosen players that are reported as failing."""
        return sorted(set(self.failures.failing) & set(self.options.players))

    @property
    def busy(self) -> list[str]:
        """Return the chosen players left alone this block because they were busy."""
        return sorted(self.stage.busy)

    @property
    def playing(self) -> list[str]:
        """Return the players the sound plays on (taken, working, not taken by a person)."""
        if self.playback.program is None or self.playback.releasing is not None:
            return []
        players, failing = self.playback.players, self.failures.failing
        return sorted(
            entity_id
            for entity_id, snap in players.items()
            if not snap.released and entity_id not in failing
        )

    def diagnostics(self) -> dict[str, Any]:
        """Return the playback, failing and busy players, and the library (for diagnostics)."""
        return {
            "playback": {
                **self.playback.as_dict(),
                "failing_players": dict(self.failures.failing),
                "busy_players": self.busy,
            },
            "library": self.library.diagnostics(),
        }

    # ------------------------------------------------------------ what happens

    @callback
    def _on_timer_event(self, event: Event) -> None:
        if self.options.chimes and (chime := chime_for(event.type)):
            self._chimes.append(chime)
        self._worker.kick()

    @callback
    def _on_step(self, _now: datetime) -> None:
        self._unsub_step = None
        self._step_due = True
        self._worker.kick()

    @callback
    def _file_due(self, entity_id: str) -> None:
        if not self.stage.is_playing(entity_id):
            self._restart.add(entity_id)
            self._worker.kick()

    @callback
    def _player_changed(self, event: HassEvent[EventStateChangedData]) -> None:
        entity_id = event.data["entity_id"]
        new, old = event.data["new_state"], event.data["old_state"]
        playback = self.playback
        if self.lifecycle.closed:
            return
        if new is None or not is_available(new):
            if entity_id in playback.players and playback.releasing is None:
                self.failures.failed(entity_id, Reason.UNAVAILABLE)
                self._listeners.notify()
            return
        came_back = not is_available(old)
        if came_back:
            self.failures.available_again(entity_id)
            self._listeners.notify()
        owns = self.stage.calls.contexts.owns
        stop = stop_of(old, new, owns)
        snapshot = playback.held.get(entity_id)
        sounds = (self.options.source, self.options.break_source)
        waiting = entity_id in playback.pending and person_uses(old, new, owns, sounds)
        if (stop is Stop.PERSON or waiting) and snapshot is not None and not snapshot.released:
            # Also while the sound fades out or the player waits to be given back.
            _LOGGER.info("%s: %s was taken by a person; left alone", self.timer.name, entity_id)
            snapshot.released = self._unsaved = True
            self._worker.kick()
        if entity_id in playback.pending or (
            came_back and entity_id in self.options.players and entity_id not in playback.players
        ):
            if came_back or not owns(new.context):
                self._retry.add(entity_id)
            self._worker.kick()
            return
        if (
            stop is Stop.DEVICE
            and snapshot is not None
            and not snapshot.released
            and playback.releasing is None
            and playback.switch_to is None
        ):
            self._restart.add(entity_id)
            self._worker.kick()

    # ------------------------------------------------------------- the worker

    async def _async_reconcile(self) -> None:
        """Bring the players to what should play now."""
        step_due, self._step_due = self._step_due, False
        recovering, self._recovering = self._recovering, False
        session = self.timer.session
        target = wanted(session.phase, session.status, self.options)
        # Pending players are given back unless they are about to be taken again (one a
        # person took is given back first: it is taken afresh); one whose give-back failed
        # is tried again once it reports a change (never at every run).
        chosen = self.options.players if target is not None else ()
        retry, self._retry = self._retry, set()
        await self.stage.async_give_back(
            [
                entity_id
                for entity_id, snapshot in self.playback.pending.items()
                if (entity_id not in chosen or snapshot.released)
                and (entity_id not in self.failures.failing or entity_id in retry)
            ],
            BreakAction.STOP,
        )
        playback = self.playback
        move = next_move(
            playback.playing,
            target,
            releasing=playback.releasing is not None,
            switching=playback.switch_to,
        )
        if move is Move.WIND_DOWN:
            stop = stop_action(session.phase, session.status, self.options)
            await self.stage.async_fade_out(stop, then=None)
        elif target is not None:
            await self._async_move(move, target, recovering=recovering)
        await self._async_follow_fade(step_due)
        restarts, self._restart = self._restart, set()
        for entity_id in sorted(restarts):
            await self.stage.async_restart(entity_id)
        chimes, self._chimes = self._chimes, []
        for chime in chimes:
            await async_chime(
                self.hass,
                self.stage.calls,
                self.stage.media,
                players=self.options.players,
                name=chime,
                valid_for=self.stage.time_left(),
            )
        if self._unsaved:
            self._unsaved = False
            await self.stage.async_save()
        # A player's issue lasts while the sound needs it: held, or chosen while it should play.
        self.failures.retain({*self.playback.held, *chosen})
        self._schedule_step()
        self._follow_players()
        self._listeners.notify()

    async def _async_move(self, move: Move, target: Target, *, recovering: bool) -> None:
        stage, session = self.stage, self.timer.session
        match move:
            case Move.TAKE:
                await stage.async_take(target)
            case Move.FADE_BACK if target == self.playback.playing:
                await stage.async_fade_in()
            case Move.FADE_BACK | Move.CHANGE_SOUND:
                await stage.async_play(target, fade_in=move is Move.FADE_BACK)
            case Move.RETARGET:
                self.playback.switch_to = target
                await stage.async_save()
            case Move.SWITCH:
                await stage.async_fade_out(None, then=target)
            case Move.KEEP:
                stop = stop_action(session.phase, session.status, self.options)
                await stage.async_keep(stop, recovering=recovering)

    async def _async_follow_fade(self, step_due: bool) -> None:
        """Set the volumes a due step (or a new focus volume) asks for; act at the fade's end."""
        playback = self.playback
        volume_changed, self._volume = self.options.volume != self._volume, self.options.volume
        if playback.program is None or playback.fade is None:
            return
        now = dt_util.utcnow()
        if step_due or (volume_changed and playback.releasing is None):
            await self.stage.async_apply_level(playback.fade.level_at(now))
        if playback.fade.next_step(now) is not None:
            return
        if playback.releasing is not None:
            await self.stage.async_release(playback.releasing)
        elif playback.switch_to is not None:
            await self.stage.async_play(playback.switch_to, fade_in=True)

    # -------------------------------------------------------- time and players

    @callback
    def _schedule_step(self) -> None:
        """Keep one callback: at the fade's next step (the last one is its end instant)."""
        self._cancel_step()
        fade = self.playback.fade
        if self.playback.program is None or fade is None:
            return
        if (step := fade.next_step(dt_util.utcnow())) is not None:
            self._unsub_step = self.lifecycle.call_at(step, self._on_step)

    @callback
    def _cancel_step(self) -> None:
        if self._unsub_step:
            self._unsub_step()
            self._unsub_step = None

    @callback
    def _follow_players(self) -> None:
        """Follow the state of the chosen, taken and pending players."""
        followed = frozenset({*self.options.players, *self.playback.held})
        if followed == self._followed or self.lifecycle.closed:
            return
        self._stop_following()
        self._followed = followed
        if followed:
            self._unsub_follow = async_track_state_change_event(
                self.hass, sorted(followed), self._player_changed
            )

    @callback
    def _stop_following(self) -> None:
        if self._unsub_follow:
            self._unsub_follow()
            self._unsub_follow = None
        self._followed = frozenset()
