"""Keeping the sound going: which stops to act on, players that stop at once, files that end.

A taken player that stops during a block is started again, unless the stop came from one
of our own calls or from a person (then the player is theirs for the rest of the block). A
player that stops again and again right after it was started is failing, not restarted
forever. A file of a playlist that ends without a state change Tomatoes could act on is
caught by a check at its end (from its duration) plus a grace period.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from enum import StrEnum

from homeassistant.components.media_player.const import ATTR_MEDIA_CONTENT_ID, MediaPlayerState
from homeassistant.core import CALLBACK_TYPE, Context, State, callback
from homeassistant.util import dt as dt_util

from ..toolkit.lifecycle import Lifecycle
from .players import is_available, is_ours

MAX_QUICK_STOPS = 3
"""A player that stops this many times in a row, each soon after it was started, is failing."""
QUICK_STOP = timedelta(seconds=10)
"""A stop this soon after a start counts as a quick stop (a file that cannot be played)."""
WATCHDOG_GRACE = timedelta(seconds=5)
"""How long after a file's end (from its duration) a player that stopped gets its next file."""

STOPPED_STATES = frozenset(
    {
        MediaPlayerState.IDLE,
        MediaPlayerState.OFF,
        MediaPlayerState.ON,
        MediaPlayerState.PAUSED,
        "standby",
    }
)


class Stop(StrEnum):
    """Who stopped a player that was playing our sound (or made it play something else)."""

    PERSON = "person"
    """A person (a Context with a user): the player is theirs for the rest of the block."""
    DEVICE = "device"
    """The device (a dropped stream, a file that ended, a player back from unavailable)."""


def stop_of(old: State | None, new: State, owns: Callable[[Context], bool]) -> Stop | None:
    """Return who stopped a taken player, or None when the change needs nothing from us.

    A person who makes the player play something else takes it as well.
    """
    came_back = not is_available(old)
    if owns(new.context) and not came_back:
        return None
    person = new.context.user_id is not None and not came_back
    if new.state not in STOPPED_STATES:
        plays_other = (
            new.state == MediaPlayerState.PLAYING
            and old is not None
            and new.attributes.get(ATTR_MEDIA_CONTENT_ID)
            != old.attributes.get(ATTR_MEDIA_CONTENT_ID)
        )
        return Stop.PERSON if person and plays_other else None
    return Stop.PERSON if person else Stop.DEVICE


def person_uses(
    old: State | None, new: State, owns: Callable[[Context], bool], sounds: Collection[str]
) -> bool:
    """Return whether a person changed a player that plays nothing of ours (it is theirs)."""
    if not is_available(old) or owns(new.context) or new.context.user_id is None:
        return False
    content = new.attributes.get(ATTR_MEDIA_CONTENT_ID)
    ours = is_ours(content) or content in sounds
    return not (new.state == MediaPlayerState.PLAYING and ours)


class Keeper:
    """The starts, quick stops and end-of-file checks of one timer's players."""

    def __init__(self, lifecycle: Lifecycle, on_due: Callable[[str], None]) -> None:
        """Call ``on_due(entity_id)`` when a player's file should have ended."""
        self._lifecycle = lifecycle
        self._on_due = on_due
        self._started: dict[str, datetime] = {}
        self._quick_stops: dict[str, int] = {}
        self._checks: dict[str, CALLBACK_TYPE] = {}

    @callback
    def reset(self) -> None:
        """Forget the counts of the last block and cancel its checks."""
        self._started.clear()
        self._quick_stops.clear()
        self.cancel_checks()

    def started(self, entity_id: str) -> None:
        """Note that a player was (re)started now."""
        self._started[entity_id] = dt_util.utcnow()

    def stops_at_once(self, entity_id: str) -> bool:
        """Count a stop; return whether the player stopped too often right after a start."""
        started = self._started.get(entity_id)
        quick = started is not None and dt_util.utcnow() - started < QUICK_STOP
        stops = self._quick_stops[entity_id] = (
            self._quick_stops.get(entity_id, 0) + 1 if quick else 0
        )
        return stops >= MAX_QUICK_STOPS

    @callback
    def check_at_end(self, entity_id: str, seconds: float | None) -> None:
        """Check a player again when its file of ``seconds`` should be over (None: no check)."""
        if unsub := self._checks.pop(entity_id, None):
            unsub()
        if not seconds:
            return
        due = dt_util.utcnow() + timedelta(seconds=seconds) + WATCHDOG_GRACE

        @callback
        def _due(_now: datetime) -> None:
            self._checks.pop(entity_id, None)
            self._on_due(entity_id)

        self._checks[entity_id] = self._lifecycle.call_at(due, _due)

    @callback
    def cancel_checks(self) -> None:
        """Cancel every pending end-of-file check."""
        for unsub in self._checks.values():
            unsub()
        self._checks.clear()
