"""Random sequences of operations, checked against the engine's invariants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import random

import pytest

from custom_components.tomatoes.engine import (
    InvalidOperationError,
    Phase,
    Session,
    Settings,
    Status,
)
from custom_components.tomatoes.persistence import parse_session

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
PHASES = [None, Phase.FOCUS, Phase.SHORT_BREAK, Phase.LONG_BREAK]


def random_settings(rng: random.Random) -> Settings:
    return Settings(
        focus=timedelta(minutes=rng.randint(1, 50)),
        short_break=timedelta(minutes=rng.randint(1, 10)),
        long_break=timedelta(minutes=rng.randint(1, 30)),
        long_break_every=rng.randint(1, 5),
        auto_start_breaks=rng.random() < 0.5,
        auto_start_focus=rng.random() < 0.5,
        session_target=rng.choice([0, 0, 1, 3, 6]),
        idle_reset=timedelta(minutes=rng.randint(5, 120)),
    )


def apply_random_operation(session: Session, rng: random.Random, now: datetime) -> None:
    operation = rng.choice(
        ["start", "pause", "resume", "toggle", "skip", "extend", "stop", "advance", "settings"]
    )
    try:
        if operation == "start":
            duration = rng.choice([None, timedelta(minutes=rng.randint(1, 30))])
            session.start(now, rng.choice(PHASES), duration, rng.choice([None, "", "Task"]))
        elif operation == "extend":
            session.extend(now, timedelta(minutes=rng.randint(1, 10)))
        elif operation == "settings":
            session.apply_settings(random_settings(rng))
        else:
            getattr(session, operation)(now)
    except InvalidOperationError:
        pass


def check_invariants(session: Session, now: datetime) -> None:
    # At most one scheduled end: an end instant exactly while running, else none.
    assert (session.ends_at is not None) == (session.status is Status.RUNNING)
    assert (session.remaining is not None) == (session.status is Status.PAUSED)
    deadline = session.next_deadline()
    if session.status is Status.RUNNING:
        assert deadline == session.ends_at
    elif session.status is Status.PAUSED:
        assert deadline is None
    left = session.time_left(now)
    assert left is None or left >= timedelta(0)
    if session.status in (Status.IDLE, Status.READY):
        assert session.phase is Phase.IDLE
    else:
        assert session.phase is not Phase.IDLE
    assert session.next_phase is not Phase.IDLE
    assert session.cycle_blocks >= 0
    assert session.session_blocks >= 0


@pytest.mark.parametrize("seed", range(60))
def test_random_sequences_keep_the_invariants(seed: int) -> None:
    rng = random.Random(seed)
    session = Session(random_settings(rng))
    now = T0
    seen: dict[object, tuple[int, float]] = {}
    for _ in range(400):
        now += timedelta(seconds=rng.choice([0, 1, 30, 90, 600, 1800, 7200]))
        apply_random_operation(session, rng, now)
        if rng.random() < 0.3:
            session.advance(now)
        check_invariants(session, now)
        if rng.random() < 0.1:
            session, problems = parse_session({"session": session.to_dict()}, session.settings, UTC)
            assert problems == [], "every session the engine makes is stored intact"
        today = session.stats_for(session.local_day(now))
        before = seen.get(session.local_day(now), (0, 0.0))
        # Counts never decrease within a day.
        assert today.blocks >= before[0]
        assert today.focus_seconds >= before[1]
        seen[session.local_day(now)] = (today.blocks, today.focus_seconds)


@pytest.mark.parametrize("seed", range(20))
def test_catching_up_in_one_step_equals_following_every_deadline(seed: int) -> None:
    rng = random.Random(seed)
    settings = random_settings(rng)
    late, punctual = Session(settings), Session(settings)
    late.start(T0)
    punctual.start(T0)
    end = T0 + timedelta(hours=rng.randint(1, 12))
    while (deadline := punctual.next_deadline()) is not None and deadline <= end:
        punctual.advance(deadline)
    punctual.advance(end)
    late.advance(end)
    assert late.to_dict() == punctual.to_dict()
