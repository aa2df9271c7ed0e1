"""The Pomodoro cycle: long breaks, auto-start, session target, idle reset, statistics."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.tomatoes.engine import (
    EventType as E,
    InvalidOperationError,
    Phase as P,
    Session,
    Settings,
    Status as S,
)
from custom_components.tomatoes.persistence import parse_session
from custom_components.tomatoes.stats import HISTORY_DAYS, DayStats

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def test_classic_cycle_runs_by_itself_with_a_long_break_after_four_blocks() -> None:
    session = Session(Settings(auto_start_breaks=True, auto_start_focus=True))
    session.start(T0)
    # 4 x (25 + 5) minus the last short break, then the 15-minute long break.
    events = session.advance(T0 + timedelta(minutes=4 * 25 + 3 * 5))
    kinds = [event.type for event in events]
    assert kinds.count(E.FOCUS_COMPLETED) == 4
    assert (session.phase, session.status) == (P.LONG_BREAK, S.RUNNING)
    assert session.ends_at == T0 + timedelta(minutes=4 * 25 + 3 * 5 + 15)
    breaks = [e.phase for e in events if e.type is E.BREAK_STARTED]
    assert breaks == [P.SHORT_BREAK] * 3 + [P.LONG_BREAK]
    session.advance(T0 + timedelta(minutes=4 * 25 + 3 * 5 + 15))
    assert (session.phase, session.next_phase) == (P.FOCUS, P.SHORT_BREAK)
    assert session.stats.today.blocks == 4
    assert session.stats.today.focus_seconds == 4 * 25 * 60


def test_transitions_happen_at_the_scheduled_instant_not_when_noticed() -> None:
    session = Session(Settings(auto_start_breaks=True))
    session.start(T0)
    late = T0 + timedelta(minutes=27)
    events = session.advance(late)
    assert [(e.type, e.at) for e in events] == [
        (E.FOCUS_COMPLETED, T0 + 25 * MIN),
        (E.BREAK_STARTED, T0 + 25 * MIN),
    ]
    assert session.ends_at == T0 + 30 * MIN


def test_without_auto_start_the_next_phase_waits_and_is_named() -> None:
    session = Session(Settings(auto_start_breaks=False))
    session.start(T0)
    session.advance(T0 + 25 * MIN)
    assert (session.phase, session.status, session.next_phase) == (
        P.IDLE,
        S.READY,
        P.SHORT_BREAK,
    )
    session.start(T0 + 40 * MIN)
    assert (session.phase, session.ends_at) == (P.SHORT_BREAK, T0 + 45 * MIN)


def test_long_break_every_setting() -> None:
    session = Session(Settings(long_break_every=2, auto_start_focus=True))
    session.start(T0)
    session.advance(T0 + 25 * MIN)
    assert session.phase is P.SHORT_BREAK
    session.advance(T0 + 55 * MIN)
    assert session.phase is P.LONG_BREAK
    assert session.cycle_blocks == 0


def test_session_target_stops_after_the_last_block() -> None:
    session = Session(Settings(session_target=2, auto_start_focus=True))
    session.start(T0, task="Report")
    events = session.advance(T0 + 55 * MIN)
    assert [e.type for e in events][-2:] == [E.FOCUS_COMPLETED, E.SESSION_COMPLETED]
    assert events[-1].data["blocks"] == 2
    assert (session.phase, session.status, session.next_phase) == (P.IDLE, S.IDLE, P.FOCUS)
    assert session.task is None
    assert session.next_deadline() is None


def test_cycle_count_resets_after_the_idle_time() -> None:
    session = Session(Settings(auto_start_breaks=False, idle_reset=timedelta(minutes=30)))
    session.start(T0)
    session.advance(T0 + 25 * MIN)
    assert session.cycle_blocks == 1
    assert session.next_deadline() == T0 + 55 * MIN
    session.advance(T0 + 54 * MIN)
    assert (session.status, session.cycle_blocks) == (S.READY, 1)
    assert session.advance(T0 + 55 * MIN) == []
    assert (session.status, session.next_phase, session.cycle_blocks) == (S.IDLE, P.FOCUS, 0)
    assert session.next_deadline() is None
    assert session.stats.today.blocks == 1, "statistics are not part of the cycle"


def test_skipping_focus_does_not_count_it_but_keeps_the_focused_time() -> None:
    session = Session()
    session.start(T0)
    session.skip(T0 + 10 * MIN)
    assert (session.phase, session.stats.today.blocks) == (P.SHORT_BREAK, 0)
    assert session.stats.today.focus_seconds == 600


def test_skipping_a_waiting_long_break_starts_a_new_cycle() -> None:
    session = Session(Settings(long_break_every=1, auto_start_breaks=False))
    session.start(T0)
    session.advance(T0 + 25 * MIN)
    assert session.next_phase is P.LONG_BREAK
    events = session.skip(T0 + 26 * MIN)
    assert events[0].phase is P.LONG_BREAK
    assert (session.phase, session.cycle_blocks) == (P.FOCUS, 0)


def test_pause_keeps_the_time_left_and_resume_moves_the_end() -> None:
    session = Session()
    session.start(T0)
    session.pause(T0 + 10 * MIN)
    assert session.time_left(T0 + 90 * MIN) == 15 * MIN
    assert session.next_deadline() is None, "nothing is scheduled while paused"
    session.resume(T0 + 60 * MIN)
    assert session.ends_at == T0 + 75 * MIN
    session.advance(T0 + 75 * MIN)
    assert session.stats.today.focus_seconds == 25 * 60


def test_extend_adds_to_the_end_and_the_plan() -> None:
    session = Session()
    session.start(T0, duration=10 * MIN)
    events = session.extend(T0 + 5 * MIN, 5 * MIN)
    assert session.ends_at == T0 + 15 * MIN
    assert events[0].data["planned_minutes"] == 15
    assert events[0].data["extended_minutes"] == 5


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda s: s.start(T0, duration=timedelta(0)), "invalid_duration"),
        (lambda s: s.start(T0, P.IDLE), "invalid_phase"),
        (lambda s: s.extend(T0, -MIN), "invalid_extension"),
    ],
)
def test_bad_input_is_refused_without_change(call, key: str) -> None:
    session = Session()
    before = session.to_dict()
    with pytest.raises(InvalidOperationError) as err:
        call(session)
    assert err.value.key == key
    assert session.to_dict() == before


@pytest.mark.parametrize(
    "settings",
    [
        {"focus": timedelta(0)},
        {"long_break_every": 0},
        {"session_target": -1},
    ],
)
def test_settings_refuse_values_that_break_the_cycle(settings) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        Settings(**settings)


def test_task_label_follows_the_session() -> None:
    session = Session()
    session.start(T0, task="  Write the report ")
    assert session.task == "Write the report"
    session.skip(T0 + MIN)
    assert session.task == "Write the report"
    session.start(T0 + 2 * MIN, P.FOCUS, task="")
    assert session.task is None
    session.start(T0 + 3 * MIN, task="Mail")
    session.stop(T0 + 4 * MIN)
    assert session.task is None


def test_a_running_focus_block_is_not_lost_to_a_start() -> None:
    session = Session()
    session.start(T0, task="Report")
    # Pressing "start" again keeps the block; a new task label is taken.
    assert session.start(T0 + 10 * MIN, P.FOCUS, task="Slides") == []
    assert (session.phase, session.ends_at, session.task) == (P.FOCUS, T0 + 25 * MIN, "Slides")
    # Asking for something else is refused and changes nothing.
    before = session.to_dict()
    for phase, duration in ((P.SHORT_BREAK, None), (None, 50 * MIN), (P.FOCUS, 50 * MIN)):
        with pytest.raises(InvalidOperationError) as err:
            session.start(T0 + 11 * MIN, phase, duration)
        assert err.value.key == "focus_running"
        assert session.to_dict() == before
    # A paused block is resumed with the time it had left.
    session.pause(T0 + 15 * MIN)
    events = session.start(T0 + 40 * MIN)
    assert [event.type for event in events] == [E.RESUMED]
    assert session.ends_at == T0 + 50 * MIN
    # Only an explicit restart replaces it: the block is not counted, its minutes are.
    events = session.start(T0 + 45 * MIN, P.FOCUS, 50 * MIN, restart=True)
    assert [event.type for event in events] == [E.SKIPPED, E.FOCUS_STARTED]
    assert session.ends_at == T0 + 95 * MIN
    assert session.stats.today == DayStats(0, 20 * 60.0)


def test_statistics_belong_to_the_local_day_and_are_kept_across_days() -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    session = Session(Settings(), tz=amsterdam)
    # 23:00 UTC is midnight in Amsterdam: this block ends on the 27th locally.
    session.start(datetime(2026, 11, 26, 22, 40, tzinfo=UTC))
    session.advance(datetime(2026, 11, 26, 23, 5, tzinfo=UTC))
    assert session.stats.day == date(2026, 11, 27)
    assert session.stats_for(date(2026, 11, 27)).blocks == 1
    session.start(datetime(2026, 11, 27, 23, 0, tzinfo=UTC), P.FOCUS)
    session.advance(datetime(2026, 11, 27, 23, 30, tzinfo=UTC))
    assert session.stats_for(date(2026, 11, 28)).blocks == 1
    assert session.stats_for(date(2026, 11, 27)) == DayStats(1, 1500.0)


def test_history_is_bounded() -> None:
    session = Session()
    start = T0
    for day in range(HISTORY_DAYS + 10):
        at = start + timedelta(days=day)
        session.start(at, P.FOCUS)
        session.stop(at + MIN)
    assert len(session.stats.history) == HISTORY_DAYS
    assert min(session.stats.history) == (T0 + timedelta(days=9)).date().isoformat()


def test_a_clock_that_goes_back_never_rewrites_a_counted_day() -> None:
    session = Session()
    session.start(T0)
    session.stop(T0 + 10 * MIN)
    session.start(T0 - timedelta(days=1), P.FOCUS)
    session.stop(T0 - timedelta(days=1) + 5 * MIN)
    assert session.stats.day == T0.date()
    assert session.stats.today.focus_seconds == 900


def test_round_trip_through_storage() -> None:
    session = Session(Settings(auto_start_breaks=False))
    session.start(T0, task="Plan")
    session.advance(T0 + 25 * MIN)
    session.start(T0 + 26 * MIN)
    session.pause(T0 + 27 * MIN)
    session.stats.history["2026-11-25"] = DayStats(3, 4500.0)
    copy, problems = parse_session({"session": session.to_dict()}, session.settings, UTC)
    assert problems == []
    assert copy.to_dict() == session.to_dict()
    assert copy.time_left(T0 + 99 * MIN) == 4 * MIN


def test_new_settings_apply_to_the_next_phase() -> None:
    session = Session()
    session.start(T0)
    session.apply_settings(Settings(focus=50 * MIN, long_break_every=1))
    assert session.ends_at == T0 + 25 * MIN
    assert session.next_phase is P.LONG_BREAK
    ready = Session(Settings(auto_start_breaks=False))
    ready.start(T0)
    ready.advance(T0 + 25 * MIN)
    ready.apply_settings(Settings(auto_start_breaks=False, long_break_every=1))
    assert ready.next_phase is P.LONG_BREAK
