"""What the lights should be, decided without Home Assistant: pure functions of state and options.

The lighting effect asks these functions and then calls the lights; nothing here does I/O,
so every decision is tested as a table (tests/lighting/test_policy.py):

- `wanted_program`: focus level, break level, or nothing, for the timer's phase;
- `plan`: one pass from what the timer holds to what is wanted (who joins, who gets the
  level, who is given back, which take-overs end);
- `keep_record`: whether a light that could not be given back keeps its snapshot;
- `react`: what a state change of a light means (ours, a take-over, a light back).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from homeassistant.core import State

from ..engine import BREAKS, Phase, Session, Status
from .options import BreakAction, Level, LightingOptions
from .state import is_usable, level_data


class Program(StrEnum):
    """What the chosen lights present: the focus level or the break level."""

    FOCUS = "focus"
    BREAK = "break"


def wanted_program(session: Session, options: LightingOptions) -> Program | None:
    """Return what the lights should show for the timer's current phase (None: given back)."""
    if not options.enabled:
        return None
    if session.phase is Phase.FOCUS:
        return Program.FOCUS
    if session.phase in BREAKS or session.status is Status.READY:
        if options.break_action is BreakAction.FOCUS:
            return Program.FOCUS
        if options.break_action is BreakAction.BREAK_LEVEL:
            return Program.BREAK
    return None


def program_level(program: Program | None, options: LightingOptions) -> Level:
    """Return the level of a program (the focus level when nothing is presented)."""
    return options.break_level if program is Program.BREAK else options.focus


@dataclass(frozen=True, slots=True)
class Held:
    """What the policy knows of a light the timer holds (has a snapshot of)."""

    taken_over: bool = False
    """A person took it over (or the switch gave it back): left alone for the block."""
    has_level: bool = False
    """The level reached it: state reports are checked against what was asked."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Request:
    """What happened since the last pass, besides the timer's state."""

    new_block: bool = False
    """A focus block started (even when the lights stay at the same level)."""
    refresh: bool = False
    """After a start, a reload or a chosen light's return: look at the chosen lights again."""
    retry: frozenset[str] = frozenset()
    """Lights that should get the level again (back from unavailable, taken back)."""
    give_back_all: bool = False
    """The focus lighting switch was turned off: every light back now, for the block."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Pass:
    """One pass towards what is wanted, in the order the effect carries it out."""

    program: Program | None
    release: tuple[str, ...] = ()
    """Taken-over lights whose take-over ends: their snapshots are forgotten."""
    join: tuple[str, ...] = ()
    """Chosen lights to snapshot (saved before any light changes)."""
    unavailable: tuple[str, ...] = ()
    """Chosen lights that cannot join now (missing or unavailable)."""
    give_back: tuple[str, ...] = ()
    """Lights to give back (their snapshot back)."""
    level: tuple[str, ...] = ()
    """Lights to set to the program's level."""
    let_go: bool = False
    """Lights given back stay held but left alone for the block (the switch turned off)."""
    announce: bool = False
    """What the switch shows may have changed: listeners hear of it."""


def plan(
    *,
    previous: Program | None,
    wanted: Program | None,
    held: Mapping[str, Held],
    chosen: Collection[str],
    states: Mapping[str, State | None],
    turn_on: bool,
    level: Level,
    request: Request,
) -> Pass:
    """Return the pass that brings the held and chosen lights in line with ``wanted``.

    ``chosen`` are the lights behind the options now; ``states`` their current states.
    """
    taken = tuple(light for light, record in held.items() if record.taken_over)
    if wanted is None:
        if previous is None and not held:
            return Pass(program=None)
        ours = tuple(light for light in held if light not in taken)
        return Pass(program=None, release=taken, give_back=ours, announce=True)
    entering = wanted is not previous
    new_block = request.new_block or (wanted is Program.FOCUS and entering)
    release = taken if new_block or previous is None else ()
    kept = {light: record for light, record in held.items() if light not in release}
    join: list[str] = []
    unavailable: list[str] = []
    if previous is None or new_block or request.refresh:
        for light in chosen:
            if light in kept:
                continue
            state = states.get(light)
            if state is None or not is_usable(state):
                unavailable.append(light)
            elif level_data(state, level, turn_on=turn_on) is not None:
                join.append(light)
    managed = [light for light, record in kept.items() if not record.taken_over]
    give_back = tuple(managed) if request.give_back_all else ()
    if entering or new_block:
        wanted_level = {*managed, *join}
    else:
        wanted_level = {*join, *request.retry}
        if request.refresh:
            wanted_level |= {light for light, record in kept.items() if not record.has_level}
        wanted_level &= {*managed, *join}
    return Pass(
        program=wanted,
        release=release,
        join=tuple(join),
        unavailable=tuple(unavailable),
        give_back=give_back,
        level=tuple(sorted(wanted_level - set(give_back))),
        let_go=request.give_back_all,
        announce=entering or new_block or request.give_back_all or bool(release),
    )


def still_chosen(
    light: str, chosen_as: str | None, chosen: Collection[str], options: LightingOptions
) -> bool:
    """Return whether a held light is still the timer's to dim.

    It is when the options lead to it now, or when the entity or area that led to it is
    still chosen (a group that is unavailable does not list its members).
    """
    return light in chosen or (chosen_as is not None and chosen_as in options.chosen)


def keep_record(*, exists: bool, chosen: bool) -> bool:
    """Return whether a light that could not be given back keeps its snapshot.

    A light that exists and is still chosen keeps it and gets it back when it returns.
    A light that no longer exists has nothing to give back to; a light no longer chosen
    had its one attempt: the timer is no longer responsible for it.
    """
    return exists and chosen


class Reaction(StrEnum):
    """What a state change of a light asks of the effect."""

    NONE = "none"
    JOIN = "join"
    """A chosen light came back during a program: look at the chosen lights again."""
    GIVE_BACK = "give_back"
    """A light that waited to be given back came back."""
    LEVEL = "level"
    """A held light that missed the level came back: send it again."""
    TAKE_OVER = "take_over"
    """Someone else changed a held light: leave it alone for the block."""


def react(
    *,
    program: Program | None,
    held: Held | None,
    chosen: bool,
    came_back: bool,
    fits: bool,
) -> Reaction:
    """Return what a light's new (usable) state means.

    ``came_back``: it was unavailable before; ``fits``: the change carries one of our
    Contexts or is consistent with the level we asked for. Any other change of a held light
    was made by someone else, also while it missed the level or waits to be given back: a
    take-over (the light is theirs, its snapshot is not given back).
    """
    if held is None:
        return Reaction.JOIN if came_back and program is not None and chosen else Reaction.NONE
    if held.taken_over:
        return Reaction.NONE
    if program is None and came_back:
        return Reaction.GIVE_BACK
    if not held.has_level and came_back:
        return Reaction.LEVEL
    return Reaction.NONE if fits else Reaction.TAKE_OVER
