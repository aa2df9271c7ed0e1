"""What should play, decided without Home Assistant: pure functions of the timer and the options.

The sound effect asks these functions and then moves the players; nothing here does I/O,
so every decision is tested as a table (tests/sound/test_policy.py):

- `wanted`: the programme and sound that should play now (or nothing);
- `stop_action`: whether the players stop or pause when the sound ends now;
- `next_move`: how to get from what plays to what is wanted;
- `player_volume`: a player's volume for a fade level, evened out with ReplayGain;
- `repeat_mode`, `chime_for`, `sound_status`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from ..engine import BREAKS, EventType, Phase, Status
from .options import BreakAction, SoundOptions


class Program(StrEnum):
    """What the players play for: the focus block or a break."""

    FOCUS = "focus"
    BREAK = "break"


@dataclass(frozen=True, slots=True)
class Target:
    """A programme and the sound (a reference) it plays."""

    program: Program
    sound: str


def wanted(phase: Phase, status: Status, options: SoundOptions) -> Target | None:
    """Return what should play now: the focus sound, the break sound, or nothing.

    Only a running phase plays: a paused block plays nothing (its players are given back
    and taken again on resume), and so does a timer waiting to be started.
    """
    if not options.players or status is not Status.RUNNING:
        return None
    if phase is Phase.FOCUS:
        return Target(Program.FOCUS, options.source)
    if phase in BREAKS and options.on_break is BreakAction.SOUND:
        return Target(Program.BREAK, options.break_source)
    return None


def stop_action(phase: Phase, status: Status, options: SoundOptions) -> BreakAction:
    """Return how players end the sound now: paused for a running break that pauses, else stop."""
    if options.on_break is BreakAction.PAUSE and status is Status.RUNNING and phase in BREAKS:
        return BreakAction.PAUSE
    return BreakAction.STOP


class Move(StrEnum):
    """One step from what plays towards what is wanted."""

    NONE = "none"
    """Nothing plays and nothing should, or the sound is already fading out."""
    TAKE = "take"
    """Nothing plays, something should: take the players."""
    WIND_DOWN = "wind_down"
    """Something plays, nothing should: fade out, then give the players back."""
    FADE_BACK = "fade_back"
    """A fade out is under way and something should play again: fade (back) in."""
    RETARGET = "retarget"
    """A fade out towards another programme is under way: aim it at what is wanted now."""
    SWITCH = "switch"
    """Another programme (focus <-> break): fade out, then play it."""
    CHANGE_SOUND = "change_sound"
    """Another sound in the same programme: play it at once."""
    KEEP = "keep"
    """What plays is what is wanted: keep the players in line."""


def next_move(
    playing: Target | None,
    target: Target | None,
    *,
    releasing: bool = False,
    switching: Target | None = None,
) -> Move:
    """Return the move from ``playing`` (and a fade out under way) towards ``target``."""
    if target is None:
        return Move.WIND_DOWN if playing is not None and not releasing else Move.NONE
    if playing is None:
        return Move.TAKE
    if releasing or switching is not None:
        # A fade out to give back, or towards the programme playing now, fades back in.
        return Move.FADE_BACK if releasing or target == playing else Move.RETARGET
    if target.program is not playing.program:
        return Move.SWITCH
    return Move.CHANGE_SOUND if target.sound != playing.sound else Move.KEEP


VOLUME_DIGITS = 3
"""Volumes are rounded to this many decimals (players round what they get anyway)."""


def player_volume(level: float, focus_volume: float, gain: float | None) -> float:
    """Return a player's volume: ``level`` (0-1) of the focus volume, evened out by ReplayGain.

    A file with ``gain`` dB of ReplayGain plays at ``focus_volume * 10^(gain / 20)``, at most
    full volume; streams and files without a gain play at the focus volume.
    """
    target = min(1.0, focus_volume * 10 ** ((gain or 0.0) / 20))
    return round(max(0.0, min(1.0, level * target)), VOLUME_DIGITS)


REPEAT_ONE = "one"
REPEAT_ALL = "all"
REPEAT_OFF = "off"


def repeat_mode(items: int, *, library_file: bool) -> str:
    """Return the repeat mode: one file loops, a playlist moves on, a stream repeats."""
    if items > 1:
        return REPEAT_OFF  # the next file follows when this one ends
    return REPEAT_ONE if library_file else REPEAT_ALL


CHIME_FILES = {
    EventType.FOCUS_STARTED: "chime_focus.flac",
    EventType.BREAK_STARTED: "chime_break.flac",
    EventType.SESSION_COMPLETED: "chime_break.flac",
}


def chime_for(event: EventType) -> str | None:
    """Return the chime (a file of the library's chimes) that marks a transition, if any."""
    return CHIME_FILES.get(event)


class SoundStatus(StrEnum):
    """What the sound status sensor shows."""

    OFF = "off"
    """Nothing should play now (or no players are chosen)."""
    PLAYING = "playing"
    """The sound plays on every chosen player that can play it."""
    PLAYER_BUSY = "player_busy"
    """A chosen player was already playing something and is left alone."""
    PLAYER_FAILING = "player_failing"
    """A chosen player is unavailable or does not work (see its repair issue)."""


def sound_status(*, playing: bool, busy: Collection[str], failing: Collection[str]) -> SoundStatus:
    """Return the status to show: why a chosen player is silent outweighs that the sound plays."""
    if not playing:
        return SoundStatus.OFF
    if failing:
        return SoundStatus.PLAYER_FAILING
    if busy:
        return SoundStatus.PLAYER_BUSY
    return SoundStatus.PLAYING
