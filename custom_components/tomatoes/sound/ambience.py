"""Ambient sound during focus: take the players, fade in, keep playing, fade out, give back.

The Ambience of a timer only reacts to the timer (it never changes it). Whatever the
timer announces, it works out what should be playing (the focus sound, the break
sound, or nothing) and brings the players there:

- taking players: remember each player's state, volume, repeat mode and content,
  save that to the Store, and only then set the volume to silence, play and set repeat;
- fades: a bounded number of volume steps pinned to the fade's end instant (fade.py);
- keeping it going: repeat where the player supports it; when a player stops mid-block
  without a person asking, the sound (or the playlist's next file) starts again;
- giving back: fade out, stop (or pause), then the saved repeat mode and volume, and
  what the player was playing before, where it said.

Everything it holds is saved, so after a restart it carries on (or gives back) from the
Store. A player that fails never stops the timer nor the other players (players.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
import logging
import random
from typing import Any

from homeassistant.components.media_player.const import (
    ATTR_MEDIA_ANNOUNCE,
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_REPEAT,
    ATTR_MEDIA_VOLUME_LEVEL,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEntityFeature as Feature,
    MediaPlayerState,
    MediaType,
    RepeatMode,
)
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import (
    SERVICE_MEDIA_PAUSE,
    SERVICE_MEDIA_STOP,
    SERVICE_REPEAT_SET,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    SERVICE_VOLUME_SET,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event as HassEvent,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers.event import (
    async_track_point_in_utc_time,
    async_track_state_change_event,
)
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..engine import BREAKS, Event, EventType, Phase, Status
from ..timer import FocusTimer
from .fade import Fade
from .library import CHIMES, SoundLibrary, Track
from .options import (
    CONF_SOUND_SOURCE,
    CONF_SOUND_VOLUME,
    DEFAULT_SOUND,
    BreakAction,
    SoundSettings,
    library_identifier,
)
from .players import PlayerControl, PlayerSnapshot, features, is_available
from .tracks import signed_url

_LOGGER = logging.getLogger(__name__)

STORAGE_VERSION = 1
MAX_QUICK_STOPS = 3
"""A player that stops this many times in a row, each soon after it was started, is failing."""
QUICK_STOP = timedelta(seconds=10)
"""A stop this soon after a start counts as a quick stop (a file that cannot be played)."""
WATCHDOG_GRACE = timedelta(seconds=5)
"""How long after a file's end (from its duration) a player that stopped gets its next file."""
VOLUME_TOLERANCE = 0.005
"""Volumes closer than this count as equal (players round what they are given)."""
URL_VALIDITY = timedelta(hours=24)
"""Signed URLs stay valid this long after the block's end (players fetch a loop again)."""

CHIME_EVENTS = {
    EventType.FOCUS_STARTED: "chime_focus.flac",
    EventType.BREAK_STARTED: "chime_break.flac",
    EventType.SESSION_COMPLETED: "chime_break.flac",
}
STOPPED_STATES = {
    MediaPlayerState.IDLE,
    MediaPlayerState.OFF,
    MediaPlayerState.ON,
    MediaPlayerState.PAUSED,
    "standby",
}


class Program(StrEnum):
    """What the players are playing for."""

    FOCUS = "focus"
    BREAK = "break"


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to play: a library track, or a reference Tomatoes cannot look into."""

    reference: str
    track: Track | None = None


def ambience_store(hass: HomeAssistant, entry_id: str) -> Store[dict[str, Any]]:
    """Return the Store that keeps one timer's player snapshots and playback state."""
    return Store(hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}.ambience")


class Ambience:
    """Plays one timer's ambient sound on its media players, and gives them back."""

    def __init__(
        self,
        entry: ConfigEntry,
        timer: FocusTimer,
        library: SoundLibrary,
        store: Store[dict[str, Any]],
    ) -> None:
        """Prepare; ``async_setup`` loads what was saved and starts listening."""
        self.hass = timer.hass
        self.entry = entry
        self.timer = timer
        self.library = library
        self.settings = SoundSettings.from_options(entry.options)
        self.control = PlayerControl(self.hass, entry.entry_id, timer.name)
        self._store = store
        # What is saved (see _as_dict): the programme playing and each taken player.
        self.program: Program | None = None
        self.sound: str | None = None
        self.snapshots: dict[str, PlayerSnapshot] = {}
        self.pending: dict[str, PlayerSnapshot] = {}
        self.fade: Fade | None = None
        self.releasing: BreakAction | None = None
        self.switch_to: tuple[Program, str] | None = None
        self.seed = 0
        # What is not saved.
        self._lock = asyncio.Lock()
        self._recovering = False
        self._unsubs: list[CALLBACK_TYPE] = []
        self._unsub_step: CALLBACK_TYPE | None = None
        self._unsub_players: CALLBACK_TYPE | None = None
        self._watchdogs: dict[str, CALLBACK_TYPE] = {}
        self._quick_stops: dict[str, int] = {}
        self._started: dict[str, datetime] = {}
        self._skipped: set[str] = set()
        self._listeners: list[CALLBACK_TYPE] = []
        self._warned_sounds: set[str] = set()

    # ---------------------------------------------------------------- lifecycle

    async def async_setup(self) -> None:
        """Load the saved state, listen to the timer, and bring the players in line."""
        if stored := await self._store.async_load():
            self._load(stored)
            self._recovering = self.program is not None or bool(self.pending)
        self._unsubs.append(self.timer.async_add_event_listener(self._on_timer_event))
        self._unsubs.append(self.library.async_add_listener(self._notify))
        self._track_players()
        self._run(self._async_reconcile(), "tomatoes sound setup")

    @callback
    def async_shutdown(self) -> None:
        """Stop listening and scheduling; the players keep playing and the state stays saved."""
        for unsub in self._unsubs:
            unsub()
        self._unsubs.clear()
        self._cancel_step()
        for unsub in self._watchdogs.values():
            unsub()
        self._watchdogs.clear()
        if self._unsub_players:
            self._unsub_players()
            self._unsub_players = None

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` when what the sound entities show may have changed."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # ------------------------------------------------------------ entity setters

    async def async_set_source(self, reference: str) -> None:
        """Use another sound; during focus it plays at once."""
        self._update_options({CONF_SOUND_SOURCE: reference})
        await self._async_reconcile()

    async def async_set_volume(self, percent: float) -> None:
        """Use another focus volume; during focus the players change at once."""
        self._update_options({CONF_SOUND_VOLUME: round(percent)})
        async with self._lock:
            if self.program is not None and self.releasing is None:
                await self._async_apply_level(self._level())

    def _update_options(self, changes: dict[str, Any]) -> None:
        options = {**self.entry.options, **changes}
        self.hass.config_entries.async_update_entry(self.entry, options=options)
        self.settings = SoundSettings.from_options(options)
        self._notify()

    # ----------------------------------------------------------------- queries

    def diagnostics(self) -> dict[str, Any]:
        """Return the playback state and failing players (for diagnostics)."""
        return {**self._as_dict(), "failing_players": dict(self.control.failing)}

    # ----------------------------------------------------------- reacting to the timer

    @callback
    def _on_timer_event(self, event: Event) -> None:
        self._run(self._async_handle(event), f"tomatoes sound {event.type}")

    async def _async_handle(self, event: Event) -> None:
        await self._async_reconcile()
        if self.settings.chimes and (chime := CHIME_EVENTS.get(event.type)):
            await self._async_chime(chime)

    def _wanted(self) -> tuple[Program, str] | None:
        """Return what should be playing now, given the timer and the options."""
        session = self.timer.session
        if not self.settings.players or session.status is not Status.RUNNING:
            return None
        if session.phase is Phase.FOCUS:
            return Program.FOCUS, self.settings.source
        if session.phase in BREAKS and self.settings.on_break is BreakAction.SOUND:
            return Program.BREAK, self.settings.break_source
        return None

    def _stop_action(self) -> BreakAction:
        session = self.timer.session
        if (
            self.settings.on_break is BreakAction.PAUSE
            and session.status is Status.RUNNING
            and session.phase in BREAKS
        ):
            return BreakAction.PAUSE
        return BreakAction.STOP

    async def _async_reconcile(self) -> None:
        """Bring the players to what should be playing now."""
        async with self._lock:
            recovering, self._recovering = self._recovering, False
            await self._async_restore_pending()
            wanted = self._wanted()
            if wanted is None:
                await self._async_wind_down()
            elif self.program is None:
                await self._async_take(*wanted)
            elif self.releasing is not None:
                await self._async_cancel_release(*wanted)
            elif self.switch_to is not None:
                self.switch_to = wanted
            elif wanted != (self.program, self.sound):
                await self._async_change(*wanted)
            else:
                await self._async_sync_players(recovering=recovering)
            self._track_players()
            self._schedule_step()
        self._notify()

    # ------------------------------------------------------------------ taking

    async def _async_take(self, program: Program, reference: str) -> None:
        """Snapshot the players, save, then start them silent and fade in."""
        now = dt_util.utcnow()
        self.program, self.sound = program, reference
        self.seed = random.randrange(1 << 30)  # noqa: S311 - a shuffle, not a secret
        self.snapshots, self._skipped, self._quick_stops = {}, set(), {}
        self.fade = Fade.over(now, self.settings.fade_in, 0.0, 1.0)
        taken = self._snapshot_players(self.settings.players)
        await self._async_save()
        await self._gather(self._async_start_player(entity_id) for entity_id in taken)

    def _snapshot_players(self, entity_ids: tuple[str, ...] | list[str]) -> list[str]:
        """Remember how each available player is; return those that will be taken."""
        taken: list[str] = []
        for entity_id in entity_ids:
            state = self.hass.states.get(entity_id)
            if state is None or not is_available(state):
                self.control.report(entity_id, "unavailable")
                continue
            if (
                not self.settings.take_over
                and state.state == MediaPlayerState.PLAYING
                and entity_id not in self.snapshots
            ):
                if entity_id not in self._skipped:
                    _LOGGER.info("%s: %s is busy; left alone", self.timer.name, entity_id)
                    self._skipped.add(entity_id)
                continue
            kept = self.pending.pop(entity_id, None)
            self.snapshots[entity_id] = kept or PlayerSnapshot.capture_player(self.hass, state)
            taken.append(entity_id)
        return taken

    async def _async_start_player(self, entity_id: str) -> None:
        """Set the player's volume for the current level, play its item and set repeat."""
        snapshot = self.snapshots.get(entity_id)
        state = self.hass.states.get(entity_id)
        if snapshot is None or state is None:
            return
        supported = features(state)
        items = self._items()
        item = items[snapshot.position % len(items)]
        self._started[entity_id] = dt_util.utcnow()
        if state.state == MediaPlayerState.OFF and Feature.TURN_ON in supported:
            await self.control.async_call(entity_id, SERVICE_TURN_ON)
        if Feature.VOLUME_SET in supported:
            await self._async_set_volume(entity_id, snapshot, self._level(), item)
        played = await self.control.async_call(
            entity_id,
            SERVICE_PLAY_MEDIA,
            {
                ATTR_MEDIA_CONTENT_ID: self._media_id(item),
                ATTR_MEDIA_CONTENT_TYPE: MediaType.MUSIC,
            },
        )
        if played and Feature.REPEAT_SET in supported:
            await self.control.async_call(
                entity_id, SERVICE_REPEAT_SET, {ATTR_MEDIA_REPEAT: self._repeat(items)}
            )
        if played:
            self._watch(entity_id, item, supported)

    # --------------------------------------------------------------- changing

    async def _async_change(self, program: Program, reference: str) -> None:
        """Play something else: a new sound at once, another programme after a fade out."""
        if program is self.program or self.settings.fade_out <= 0:
            await self._async_play_new(program, reference, fade_in=program is not self.program)
            return
        self.switch_to = (program, reference)
        self.fade = Fade.over(dt_util.utcnow(), self.settings.fade_out, self._level(), 0.0)
        await self._async_save()

    async def _async_play_new(self, program: Program, reference: str, *, fade_in: bool) -> None:
        now = dt_util.utcnow()
        self.program, self.sound, self.switch_to = program, reference, None
        for snapshot in self.snapshots.values():
            snapshot.position = 0
        if fade_in:
            self.fade = Fade.over(now, self.settings.fade_in, 0.0, 1.0)
        await self._async_save()
        await self._gather(
            self._async_start_player(entity_id)
            for entity_id, snapshot in self.snapshots.items()
            if not snapshot.released
        )

    async def _async_cancel_release(self, program: Program, reference: str) -> None:
        """Something should play again while fading out: fade back in (a new sound from 0)."""
        self.releasing = None
        if (program, reference) != (self.program, self.sound):
            await self._async_play_new(program, reference, fade_in=True)
            return
        self.fade = Fade.over(dt_util.utcnow(), self.settings.fade_in, self._level(), 1.0)
        await self._async_save()

    async def _async_sync_players(self, *, recovering: bool) -> None:
        """Give back players no longer chosen, take new ones, restart any that stopped."""
        chosen = set(self.settings.players)
        for entity_id in [player for player in self.snapshots if player not in chosen]:
            snapshot = self.snapshots.pop(entity_id)
            await self._async_save()
            await self._async_give_back(entity_id, snapshot, self._stop_action())
        new = [
            player
            for player in self.settings.players
            if player not in self.snapshots and is_available(self.hass.states.get(player))
        ]
        if new and (taken := self._snapshot_players(new)):
            await self._async_save()
            await self._gather(self._async_start_player(entity_id) for entity_id in taken)
        if recovering:
            stopped = [
                entity_id
                for entity_id, snapshot in self.snapshots.items()
                if not snapshot.released and not self._is_playing(entity_id)
            ]
            await self._gather(self._async_start_player(entity_id) for entity_id in stopped)

    # ---------------------------------------------------------------- giving back

    async def _async_wind_down(self) -> None:
        """Nothing should play: fade out and give the players back (once)."""
        if self.program is None or self.releasing is not None:
            return
        self.releasing = self._stop_action()
        self.switch_to = None
        self.fade = Fade.over(dt_util.utcnow(), self.settings.fade_out, self._level(), 0.0)
        await self._async_save()
        if self.fade.steps == 0:
            await self._async_finish_release()

    async def _async_finish_release(self) -> None:
        action = self.releasing or BreakAction.STOP
        snapshots, self.snapshots = self.snapshots, {}
        self.program = self.sound = self.fade = self.releasing = self.switch_to = None
        self._cancel_watchdogs()
        for entity_id, snapshot in snapshots.items():
            if not is_available(self.hass.states.get(entity_id)):
                self.pending[entity_id] = snapshot
        await self._async_save()
        await self._gather(
            self._async_give_back(entity_id, snapshot, action)
            for entity_id, snapshot in snapshots.items()
            if entity_id not in self.pending
        )

    async def _async_give_back(
        self, entity_id: str, snapshot: PlayerSnapshot, action: BreakAction
    ) -> None:
        await async_give_back(self.hass, self.control, entity_id, snapshot, action)

    async def _async_restore_pending(self) -> None:
        """Give back players that were unavailable when their block ended, once they return."""
        back = [
            entity_id
            for entity_id in self.pending
            if is_available(self.hass.states.get(entity_id))
            and (self.program is None or entity_id not in self.settings.players)
        ]
        for entity_id in back:
            snapshot = self.pending.pop(entity_id)
            await self._async_save()
            await self._async_give_back(entity_id, snapshot, BreakAction.STOP)

    # -------------------------------------------------------------------- fades

    def _level(self, now: datetime | None = None) -> float:
        """Return the current level (0 silent, 1 the focus volume)."""
        if self.program is None or self.fade is None:
            return 0.0
        return self.fade.level_at(now or dt_util.utcnow())

    @callback
    def _schedule_step(self) -> None:
        """Keep one callback: at the fade's next step (the last one is its end instant)."""
        self._cancel_step()
        if self.fade is None or self.program is None:
            return
        now = dt_util.utcnow()
        if (step := self.fade.next_step(now)) is not None:
            self._unsub_step = async_track_point_in_utc_time(self.hass, self._step_due, step)
        elif self.releasing is not None or self.switch_to is not None:
            self._run(self._async_fade_ended(), "tomatoes fade end")

    @callback
    def _step_due(self, _now: datetime) -> None:
        self._unsub_step = None
        self._run(self._async_step(), "tomatoes fade step")

    async def _async_step(self) -> None:
        async with self._lock:
            if self.fade is None or self.program is None:
                return
            now = dt_util.utcnow()
            await self._async_apply_level(self.fade.level_at(now))
            if self.fade.next_step(now) is None:
                await self._async_fade_over()
            self._schedule_step()
        self._notify()

    async def _async_fade_ended(self) -> None:
        async with self._lock:
            await self._async_fade_over()
            self._schedule_step()
        self._notify()

    async def _async_fade_over(self) -> None:
        if self.releasing is not None:
            await self._async_finish_release()
            self._track_players()
        elif self.switch_to is not None:
            await self._async_play_new(*self.switch_to, fade_in=True)

    @callback
    def _cancel_step(self) -> None:
        if self._unsub_step:
            self._unsub_step()
            self._unsub_step = None

    async def _async_apply_level(self, level: float) -> None:
        items = self._items()
        await self._gather(
            self._async_set_volume(
                entity_id, snapshot, level, items[snapshot.position % len(items)]
            )
            for entity_id, snapshot in self.snapshots.items()
            if not snapshot.released
            and Feature.VOLUME_SET in features(self.hass.states.get(entity_id))
        )

    async def _async_set_volume(
        self, entity_id: str, snapshot: PlayerSnapshot, level: float, item: Item
    ) -> None:
        volume = round(max(0.0, min(1.0, level * self._target(item))), 3)
        if await self._async_volume(entity_id, volume):
            snapshot.level = volume

    async def _async_volume(self, entity_id: str, volume: float) -> bool:
        return await self.control.async_call(
            entity_id, SERVICE_VOLUME_SET, {ATTR_MEDIA_VOLUME_LEVEL: volume}
        )

    def _target(self, item: Item) -> float:
        """Return the focus volume for an item, evened out with its ReplayGain."""
        gain = item.track.gain if item.track and item.track.gain is not None else 0.0
        return float(min(1.0, self.settings.volume * 10 ** (gain / 20)))

    # ----------------------------------------------------------- keeping it going

    @callback
    def _track_players(self) -> None:
        """Follow the state of the chosen, taken and pending players."""
        wanted = sorted({*self.settings.players, *self.snapshots, *self.pending})
        if self._unsub_players:
            self._unsub_players()
            self._unsub_players = None
        if wanted:
            self._unsub_players = async_track_state_change_event(
                self.hass, wanted, self._player_changed
            )

    @callback
    def _player_changed(self, event: HassEvent[EventStateChangedData]) -> None:
        entity_id = event.data["entity_id"]
        new = event.data["new_state"]
        if new is None or not is_available(new):
            if entity_id in self.snapshots and self.releasing is None:
                self.control.report(entity_id, "unavailable")
            return
        old = event.data["old_state"]
        came_back = not is_available(old)
        if entity_id in self.pending or (
            came_back and entity_id in self.settings.players and entity_id not in self.snapshots
        ):
            self._run(self._async_reconcile(), "tomatoes player back")
            return
        snapshot = self.snapshots.get(entity_id)
        if (
            snapshot is None
            or snapshot.released
            or self.program is None
            or self.releasing is not None
            or self.switch_to is not None
        ):
            return
        if new.state not in STOPPED_STATES or (self.control.owns(new.context) and not came_back):
            return
        if new.context.user_id is not None and not came_back:
            _LOGGER.info("%s: %s was stopped by a person; left alone", self.timer.name, entity_id)
            snapshot.released = True
            self._run(self._async_save(), "tomatoes sound save")
            return
        self._run(self._async_restart(entity_id), "tomatoes sound restart")

    async def _async_restart(self, entity_id: str, *, advance: bool = True) -> None:
        """Start the next item on a player that stopped before the block ended."""
        async with self._lock:
            snapshot = self.snapshots.get(entity_id)
            if (
                snapshot is None
                or snapshot.released
                or self.releasing is not None
                or self._is_playing(entity_id)
            ):
                return
            now = dt_util.utcnow()
            started = self._started.get(entity_id)
            quick = started is not None and now - started < QUICK_STOP
            stops = self._quick_stops[entity_id] = (
                self._quick_stops.get(entity_id, 0) + 1 if quick else 0
            )
            if stops >= MAX_QUICK_STOPS:
                self.control.report(entity_id, "it stops right after it starts playing")
                return
            if advance:
                snapshot.position += 1
            await self._async_save()
            _LOGGER.debug("%s: %s stopped; playing on", self.timer.name, entity_id)
            await self._async_start_player(entity_id)

    @callback
    def _watch(self, entity_id: str, item: Item, supported: Feature) -> None:
        """Check a player again when its file should have ended (if it does not repeat it)."""
        if unsub := self._watchdogs.pop(entity_id, None):
            unsub()
        repeats = Feature.REPEAT_SET in supported and len(self._items()) == 1
        if repeats or item.track is None or not item.track.duration:
            return
        due = dt_util.utcnow() + timedelta(seconds=item.track.duration) + WATCHDOG_GRACE

        @callback
        def _check(_now: datetime) -> None:
            self._watchdogs.pop(entity_id, None)
            if not self._is_playing(entity_id):
                self._run(self._async_restart(entity_id), "tomatoes sound watchdog")

        self._watchdogs[entity_id] = async_track_point_in_utc_time(self.hass, _check, due)

    @callback
    def _cancel_watchdogs(self) -> None:
        for unsub in self._watchdogs.values():
            unsub()
        self._watchdogs.clear()

    def _is_playing(self, entity_id: str) -> bool:
        state = self.hass.states.get(entity_id)
        return state is not None and state.state == MediaPlayerState.PLAYING

    # ------------------------------------------------------------------- chimes

    async def _async_chime(self, name: str) -> None:
        """Play a chime as an announcement on the players that support it."""
        track = self.library.track(f"{CHIMES}/{name}")
        if track is None:
            return
        media_id = self._media_id(Item(track.media_id, track))
        await self._gather(
            self.control.async_call(
                entity_id,
                SERVICE_PLAY_MEDIA,
                {
                    ATTR_MEDIA_CONTENT_ID: media_id,
                    ATTR_MEDIA_CONTENT_TYPE: MediaType.MUSIC,
                    ATTR_MEDIA_ANNOUNCE: True,
                },
            )
            for entity_id in self.settings.players
            if is_available(state := self.hass.states.get(entity_id))
            and Feature.MEDIA_ANNOUNCE in features(state)
        )

    # -------------------------------------------------------------------- items

    def _items(self) -> list[Item]:
        """Return what the current sound plays: one item, or a folder in shuffled order."""
        reference = self.sound or self.settings.source
        identifier = library_identifier(reference)
        if identifier is None:
            return [Item(reference)]
        tracks = self.library.playlist(identifier)
        if not tracks:
            if reference not in self._warned_sounds:
                self._warned_sounds.add(reference)
                _LOGGER.warning(
                    "%s: the sound %s is not in the library; playing %s instead",
                    self.timer.name,
                    reference,
                    DEFAULT_SOUND,
                )
            identifier = library_identifier(DEFAULT_SOUND) or ""
            tracks = self.library.playlist(identifier) or []
            if not tracks:
                return [Item(reference)]
        if len(tracks) > 1:
            random.Random(self.seed).shuffle(tracks)  # noqa: S311 - a shuffle, not a secret
        return [Item(track.media_id, track) for track in tracks]

    def _repeat(self, items: list[Item]) -> RepeatMode:
        if len(items) > 1:
            return RepeatMode.OFF  # the next file follows when this one ends
        return RepeatMode.ONE if items[0].track is not None else RepeatMode.ALL

    def _media_id(self, item: Item) -> str:
        """Return what a player gets: a signed URL of a library file, else the reference."""
        if item.track is None:
            return item.reference
        left = self.timer.time_left() or timedelta(0)
        if (url := signed_url(self.hass, item.track, left + URL_VALIDITY)) is None:
            # The player's integration resolves the media source id itself.
            return item.reference
        return url

    # ------------------------------------------------------------------ storage

    def _as_dict(self) -> dict[str, Any]:
        return {
            "program": self.program,
            "sound": self.sound,
            "seed": self.seed,
            "fade": self.fade.as_dict() if self.fade else None,
            "releasing": self.releasing,
            "switch_to": list(self.switch_to) if self.switch_to else None,
            "players": {key: snap.as_dict() for key, snap in self.snapshots.items()},
            "pending": {key: snap.as_dict() for key, snap in self.pending.items()},
        }

    def _load(self, data: dict[str, Any]) -> None:
        self.program = Program(data["program"]) if data.get("program") else None
        self.sound = data.get("sound")
        self.seed = int(data.get("seed", 0))
        self.fade = Fade.from_dict(data["fade"]) if data.get("fade") else None
        self.releasing = BreakAction(data["releasing"]) if data.get("releasing") else None
        switch_to = data.get("switch_to")
        self.switch_to = (Program(switch_to[0]), str(switch_to[1])) if switch_to else None
        self.snapshots = {
            key: PlayerSnapshot.from_dict(value) for key, value in data.get("players", {}).items()
        }
        self.pending = {
            key: PlayerSnapshot.from_dict(value) for key, value in data.get("pending", {}).items()
        }

    async def _async_save(self) -> None:
        await self._store.async_save(self._as_dict())

    # ------------------------------------------------------------------ helpers

    def _run(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        self.entry.async_create_task(self.hass, coro, name, eager_start=False)

    async def _gather(self, calls: Iterable[Coroutine[Any, Any, Any]]) -> None:
        """Run calls on several players at once (each one reports its own failures)."""
        await asyncio.gather(*calls)

    @callback
    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()


async def async_give_back(
    hass: HomeAssistant,
    control: PlayerControl,
    entity_id: str,
    snapshot: PlayerSnapshot,
    action: BreakAction = BreakAction.STOP,
) -> None:
    """Stop (or pause) a player, then restore its repeat mode, volume and content."""
    state = hass.states.get(entity_id)
    supported = features(state)

    async def volume(level: float) -> None:
        await control.async_call(entity_id, SERVICE_VOLUME_SET, {ATTR_MEDIA_VOLUME_LEVEL: level})

    if snapshot.released:
        # A person took this player during the block: only a volume nobody touched
        # since our last change is put back.
        current = state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL) if state else None
        if (
            snapshot.volume is not None
            and snapshot.level is not None
            and current is not None
            and abs(float(current) - snapshot.level) < VOLUME_TOLERANCE
        ):
            await volume(snapshot.volume)
        return
    if action is BreakAction.PAUSE and Feature.PAUSE in supported:
        await control.async_call(entity_id, SERVICE_MEDIA_PAUSE)
    elif Feature.STOP in supported:
        await control.async_call(entity_id, SERVICE_MEDIA_STOP)
    if snapshot.repeat is not None and Feature.REPEAT_SET in supported:
        await control.async_call(
            entity_id, SERVICE_REPEAT_SET, {ATTR_MEDIA_REPEAT: snapshot.repeat}
        )
    if snapshot.volume is not None and Feature.VOLUME_SET in supported:
        await volume(snapshot.volume)
    if snapshot.was_playing and snapshot.content_id:
        await control.async_call(
            entity_id,
            SERVICE_PLAY_MEDIA,
            {
                ATTR_MEDIA_CONTENT_ID: snapshot.content_id,
                ATTR_MEDIA_CONTENT_TYPE: snapshot.content_type or MediaType.MUSIC,
            },
        )
    elif snapshot.state == MediaPlayerState.OFF and Feature.TURN_OFF in supported:
        await control.async_call(entity_id, SERVICE_TURN_OFF)


async def async_give_back_stored(hass: HomeAssistant, entry_id: str, name: str) -> None:
    """Give back every player a removed timer still held, from its Store."""
    stored = await ambience_store(hass, entry_id).async_load()
    if not stored:
        return
    control = PlayerControl(hass, entry_id, name)
    held = {**stored.get("pending", {}), **stored.get("players", {})}
    await asyncio.gather(
        *(
            async_give_back(hass, control, entity_id, PlayerSnapshot.from_dict(data))
            for entity_id, data in held.items()
        )
    )
