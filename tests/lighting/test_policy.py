"""What the lights should be, as tables: the lighting policy without Home Assistant running."""

from __future__ import annotations

from typing import Any

from homeassistant.core import State
import pytest

from custom_components.tomatoes.engine import Phase, Session, Status
from custom_components.tomatoes.lighting.options import Level, LightingOptions
from custom_components.tomatoes.lighting.policy import (
    Held,
    Pass,
    Program,
    Reaction,
    Request,
    keep_record,
    plan,
    program_level,
    react,
    still_chosen,
    wanted_program,
)

FOCUS = Level(brightness_pct=30, kelvin=None)
DIMMABLE = {"supported_color_modes": ["brightness"], "brightness": 200}
OURS = Held(has_level=True)
TAKEN = Held(taken_over=True)


def options(**changes: Any) -> LightingOptions:
    """Return lighting options with the desk chosen, changed as given."""
    return LightingOptions.from_options({"light_entities": ["light.desk"], **changes})


def session(phase: Phase, status: Status) -> Session:
    """Return a session showing a phase and a status."""
    current = Session()
    current.phase, current.status = phase, status
    return current


def on(**attributes: Any) -> State:
    """Return a dimmable light that is on."""
    return State("light.any", "on", {**DIMMABLE, **attributes})


@pytest.mark.parametrize(
    ("phase", "status", "break_mode", "expected"),
    [
        (Phase.IDLE, Status.IDLE, "focus", None),
        (Phase.FOCUS, Status.RUNNING, "restore", Program.FOCUS),
        (Phase.FOCUS, Status.PAUSED, "restore", Program.FOCUS),
        (Phase.SHORT_BREAK, Status.RUNNING, "restore", None),
        (Phase.LONG_BREAK, Status.RUNNING, "break_level", Program.BREAK),
        (Phase.SHORT_BREAK, Status.PAUSED, "focus", Program.FOCUS),
        # Waiting for a person between phases counts as a break.
        (Phase.IDLE, Status.READY, "break_level", Program.BREAK),
        (Phase.IDLE, Status.READY, "restore", None),
    ],
)
def test_the_program_follows_the_phase_and_the_break_action(
    phase: Phase, status: Status, break_mode: str, expected: Program | None
) -> None:
    chosen = options(light_break_mode=break_mode)
    assert wanted_program(session(phase, status), chosen) is expected


def test_no_lights_chosen_means_no_program() -> None:
    nothing = LightingOptions.from_options({})
    assert wanted_program(session(Phase.FOCUS, Status.RUNNING), nothing) is None


def test_each_program_has_its_level() -> None:
    chosen = options(light_focus_brightness=20, light_break_brightness=80)
    assert program_level(Program.FOCUS, chosen).brightness_pct == 20
    assert program_level(Program.BREAK, chosen).brightness_pct == 80
    assert program_level(None, chosen).brightness_pct == 20


def step(
    previous: Program | None,
    wanted: Program | None,
    held: dict[str, Held],
    states: dict[str, State | None] | None = None,
    *,
    turn_on: bool = False,
    **request: Any,
) -> Pass:
    """Plan one pass with the chosen lights given by ``states``."""
    states = states or {}
    return plan(
        previous=previous,
        wanted=wanted,
        held=held,
        chosen=list(states),
        states=states,
        turn_on=turn_on,
        level=FOCUS,
        request=Request(**request),
    )


def test_nothing_held_and_nothing_wanted_does_nothing() -> None:
    assert step(None, None, {}) == Pass(program=None)


def test_a_block_snapshots_lights_the_level_would_change_and_reports_missing_ones() -> None:
    states: dict[str, State | None] = {
        "light.desk": on(),
        "light.off": State("light.off", "off", DIMMABLE),
        "light.plain": State("light.plain", "on", {"supported_color_modes": ["onoff"]}),
        "light.away": State("light.away", "unavailable"),
        "light.gone": None,
    }
    result = step(None, Program.FOCUS, {}, states)
    assert result.join == ("light.desk",)
    assert result.unavailable == ("light.away", "light.gone")
    assert result.level == ("light.desk",)
    assert result.announce
    # With "turn on lights that are off", the off light joins as well.
    assert step(None, Program.FOCUS, {}, states, turn_on=True).join == ("light.desk", "light.off")


def test_a_new_block_ends_take_overs_and_sets_everything_to_the_level() -> None:
    held = {"light.desk": OURS, "light.shelf": TAKEN}
    states: dict[str, State | None] = {"light.desk": on(), "light.shelf": on()}
    result = step(Program.FOCUS, Program.FOCUS, held, states, new_block=True)
    assert result.release == ("light.shelf",)
    assert result.join == ("light.shelf",)  # a fresh snapshot of what the person chose
    assert result.level == ("light.desk", "light.shelf")


def test_the_same_program_touches_only_lights_asked_for() -> None:
    held = {"light.desk": OURS, "light.shelf": Held(), "light.hall": TAKEN}
    assert step(Program.FOCUS, Program.FOCUS, held) == Pass(program=Program.FOCUS)
    retried = step(Program.FOCUS, Program.FOCUS, held, retry=frozenset({"light.desk"}))
    assert retried.level == ("light.desk",)
    # After a restart: the lights that never got the level get it; taken-over ones do not.
    refreshed = step(Program.FOCUS, Program.FOCUS, held, refresh=True)
    assert refreshed.level == ("light.shelf",)
    assert not refreshed.announce


def test_the_end_of_the_program_gives_back_all_but_taken_over_lights() -> None:
    held = {"light.desk": OURS, "light.shelf": TAKEN}
    result = step(Program.FOCUS, None, held)
    assert result == Pass(
        program=None, release=("light.shelf",), give_back=("light.desk",), announce=True
    )


def test_a_break_level_sets_every_held_light_again() -> None:
    held = {"light.desk": OURS, "light.shelf": TAKEN}
    result = step(Program.FOCUS, Program.BREAK, held)
    assert result.release == ()
    assert result.level == ("light.desk",)


def test_the_switch_gives_every_light_back_for_the_block() -> None:
    held = {"light.desk": OURS, "light.shelf": TAKEN}
    result = step(Program.FOCUS, Program.FOCUS, held, give_back_all=True)
    assert result.give_back == ("light.desk",)
    assert result.level == ()
    assert result.let_go
    assert result.announce


@pytest.mark.parametrize(
    ("exists", "chosen", "kept"),
    [(True, True, True), (True, False, False), (False, True, False), (False, False, False)],
)
def test_only_an_existing_chosen_light_waits_to_be_given_back(
    exists: bool, chosen: bool, kept: bool
) -> None:
    assert keep_record(exists=exists, chosen=chosen) is kept


def test_a_light_is_still_chosen_through_what_chose_it() -> None:
    chosen = options(light_entities=["light.shelf"], light_areas=["study"])
    assert still_chosen("light.desk", None, {"light.desk": "light.desk"}, chosen)
    # A member of an unavailable group: the group no longer lists it, but is still chosen.
    assert still_chosen("light.shelf_left", "light.shelf", {}, chosen)
    assert still_chosen("light.reading", "study", {}, chosen)
    assert not still_chosen("light.hall", "light.hall", {}, chosen)
    assert not still_chosen("light.hall", None, {}, chosen)


@pytest.mark.parametrize(
    ("program", "held", "chosen", "came_back", "fits", "expected"),
    [
        # Lights the timer does not hold: a chosen one that returns during a block joins it.
        (Program.FOCUS, None, True, True, False, Reaction.JOIN),
        (Program.FOCUS, None, False, True, False, Reaction.NONE),
        (None, None, True, True, False, Reaction.NONE),
        (Program.FOCUS, None, True, False, False, Reaction.NONE),
        # A taken-over light is the person's.
        (Program.FOCUS, TAKEN, True, False, False, Reaction.NONE),
        (None, TAKEN, True, True, False, Reaction.NONE),
        # A light waiting to be given back is given back when it returns; changed by
        # someone else meanwhile, it is theirs.
        (None, OURS, True, True, False, Reaction.GIVE_BACK),
        (None, OURS, True, False, True, Reaction.NONE),
        (None, OURS, True, False, False, Reaction.TAKE_OVER),
        # A light that missed the level gets it when it returns; changed by someone else
        # meanwhile, it is theirs.
        (Program.FOCUS, Held(), True, True, False, Reaction.LEVEL),
        (Program.FOCUS, Held(), True, False, True, Reaction.NONE),
        (Program.FOCUS, Held(), True, False, False, Reaction.TAKE_OVER),
        # A held light: a change that fits is ours, anything else is a take-over.
        (Program.FOCUS, OURS, True, False, True, Reaction.NONE),
        (Program.FOCUS, OURS, True, False, False, Reaction.TAKE_OVER),
        (Program.BREAK, OURS, True, True, False, Reaction.TAKE_OVER),
    ],
)
def test_what_a_state_change_means(
    program: Program | None,
    held: Held | None,
    chosen: bool,
    came_back: bool,
    fits: bool,
    expected: Reaction,
) -> None:
    assert (
        react(program=program, held=held, chosen=chosen, came_back=came_back, fits=fits) is expected
    )
