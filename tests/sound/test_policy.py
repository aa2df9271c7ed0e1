"""What should play, as tables: the sound's pure decisions, without Home Assistant."""

from __future__ import annotations

import pytest

from custom_components.tomatoes.engine import EventType as E, Phase as P, Status as S
from custom_components.tomatoes.sound.options import BreakAction, SoundOptions
from custom_components.tomatoes.sound.policy import (
    Move,
    Program,
    SoundStatus,
    Target,
    chime_for,
    next_move,
    player_volume,
    repeat_mode,
    sound_status,
    stop_action,
    wanted,
)

RAIN = "media-source://tomatoes/bundled/rain.flac"
OCEAN = "media-source://tomatoes/bundled/ocean.flac"
FOCUS = Target(Program.FOCUS, RAIN)
FOCUS_OCEAN = Target(Program.FOCUS, OCEAN)
BREAK = Target(Program.BREAK, OCEAN)


def options(
    on_break: str = "stop", players: tuple[str, ...] = ("media_player.desk",)
) -> SoundOptions:
    return SoundOptions.from_options(
        {
            "sound_players": list(players),
            "sound_source": RAIN,
            "sound_break_source": OCEAN,
            "sound_on_break": on_break,
        }
    )


@pytest.mark.parametrize(
    ("phase", "status", "on_break", "expected"),
    [
        (P.IDLE, S.IDLE, "sound", None),
        (P.FOCUS, S.RUNNING, "stop", FOCUS),
        (P.FOCUS, S.PAUSED, "sound", None),  # a paused block plays nothing
        (P.FOCUS, S.READY, "sound", None),
        (P.SHORT_BREAK, S.RUNNING, "stop", None),
        (P.SHORT_BREAK, S.RUNNING, "pause", None),
        (P.SHORT_BREAK, S.RUNNING, "sound", BREAK),
        (P.LONG_BREAK, S.RUNNING, "sound", BREAK),
        (P.LONG_BREAK, S.PAUSED, "sound", None),
    ],
)
def test_what_should_play(phase: P, status: S, on_break: str, expected: Target | None) -> None:
    assert wanted(phase, status, options(on_break)) == expected


def test_nothing_plays_without_players() -> None:
    assert wanted(P.FOCUS, S.RUNNING, options(players=())) is None


@pytest.mark.parametrize(
    ("phase", "status", "on_break", "expected"),
    [
        (P.SHORT_BREAK, S.RUNNING, "pause", BreakAction.PAUSE),
        (P.LONG_BREAK, S.RUNNING, "pause", BreakAction.PAUSE),
        (P.SHORT_BREAK, S.RUNNING, "stop", BreakAction.STOP),
        (P.FOCUS, S.PAUSED, "pause", BreakAction.STOP),  # pausing the timer gives back
        (P.IDLE, S.IDLE, "pause", BreakAction.STOP),  # stopping the timer too
        (P.SHORT_BREAK, S.READY, "pause", BreakAction.STOP),
    ],
)
def test_how_the_sound_ends(phase: P, status: S, on_break: str, expected: BreakAction) -> None:
    assert stop_action(phase, status, options(on_break)) is expected


@pytest.mark.parametrize(
    ("playing", "target", "releasing", "switching", "move"),
    [
        (None, None, False, None, Move.NONE),
        (None, FOCUS, False, None, Move.TAKE),
        (FOCUS, None, False, None, Move.WIND_DOWN),
        (FOCUS, None, True, None, Move.NONE),  # already fading out
        (FOCUS, FOCUS, True, None, Move.FADE_BACK),
        (FOCUS, FOCUS_OCEAN, True, None, Move.FADE_BACK),  # from silence, the new sound
        (FOCUS, BREAK, False, BREAK, Move.RETARGET),
        (FOCUS, FOCUS, False, BREAK, Move.FADE_BACK),  # back to focus before the switch
        (FOCUS, None, False, BREAK, Move.WIND_DOWN),
        (FOCUS, BREAK, False, None, Move.SWITCH),
        (BREAK, FOCUS, False, None, Move.SWITCH),
        (FOCUS, FOCUS_OCEAN, False, None, Move.CHANGE_SOUND),
        (FOCUS, FOCUS, False, None, Move.KEEP),
    ],
)
def test_the_move_towards_what_is_wanted(
    playing: Target | None,
    target: Target | None,
    releasing: bool,
    switching: Target | None,
    move: Move,
) -> None:
    assert next_move(playing, target, releasing=releasing, switching=switching) is move


@pytest.mark.parametrize(
    ("level", "volume", "gain", "expected"),
    [
        (1.0, 0.4, None, 0.4),
        (0.5, 0.4, None, 0.2),
        (0.0, 0.4, 6.0, 0.0),
        (1.0, 0.4, -6.0206, 0.2),  # -6 dB of ReplayGain: half the volume
        (1.0, 0.4, 1.48, 0.474),
        (1.0, 0.9, 6.0, 1.0),  # never above full volume
    ],
)
def test_a_players_volume(level: float, volume: float, gain: float | None, expected: float) -> None:
    assert player_volume(level, volume, gain) == expected


def test_repeat_modes_and_chimes() -> None:
    assert repeat_mode(1, library_file=True) == "one"
    assert repeat_mode(1, library_file=False) == "all"
    assert repeat_mode(3, library_file=True) == "off"
    assert chime_for(E.FOCUS_STARTED) == "chime_focus.flac"
    assert chime_for(E.BREAK_STARTED) == "chime_break.flac"
    assert chime_for(E.SESSION_COMPLETED) == "chime_break.flac"
    assert chime_for(E.PAUSED) is None


@pytest.mark.parametrize(
    ("playing", "busy", "failing", "status"),
    [
        (False, ["a"], ["b"], SoundStatus.OFF),
        (True, [], [], SoundStatus.PLAYING),
        (True, ["a"], [], SoundStatus.PLAYER_BUSY),
        (True, ["a"], ["b"], SoundStatus.PLAYER_FAILING),
    ],
)
def test_the_status_shown(
    playing: bool, busy: list[str], failing: list[str], status: SoundStatus
) -> None:
    assert sound_status(playing=playing, busy=busy, failing=failing) is status
