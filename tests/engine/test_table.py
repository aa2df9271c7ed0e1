"""Every operation from every state of the engine, as a table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from custom_components.tomatoes.engine import (
    EventType as E,
    InvalidOperationError,
    Phase as P,
    Session,
    Settings,
    Status as S,
)

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def manual() -> Settings:
    """Settings where nothing starts by itself (so 'ready' states exist)."""
    return Settings(auto_start_breaks=False, auto_start_focus=False)


def idle() -> Session:
    return Session(manual())


def focus() -> Session:
    session = idle()
    session.start(T0)
    return session


def short_break() -> Session:
    session = idle()
    session.start(T0, P.SHORT_BREAK)
    return session


def long_break() -> Session:
    session = idle()
    session.start(T0, P.LONG_BREAK)
    return session


def paused_focus() -> Session:
    session = focus()
    session.pause(T0 + 10 * MIN)
    return session


def paused_break() -> Session:
    session = short_break()
    session.pause(T0 + 2 * MIN)
    return session


def ready_for_break() -> Session:
    session = focus()
    session.advance(T0 + 25 * MIN)
    return session


def ready_for_focus() -> Session:
    session = short_break()
    session.advance(T0 + 5 * MIN)
    return session


STATES: dict[str, Callable[[], Session]] = {
    "idle": idle,
    "focus": focus,
    "short_break": short_break,
    "long_break": long_break,
    "paused_focus": paused_focus,
    "paused_break": paused_break,
    "ready_for_break": ready_for_break,
    "ready_for_focus": ready_for_focus,
}

NOW = T0 + 30 * MIN  # after every state above was made, before any phase of them ends
# (the running ones end at 09:25 / 09:05 / 09:15: use an instant that keeps them running)
OPS: dict[str, Callable[[Session, datetime], list]] = {
    "start": lambda s, now: s.start(now),
    "start_long_break": lambda s, now: s.start(now, P.LONG_BREAK),
    "start_focus": lambda s, now: s.start(now, P.FOCUS),
    "restart": lambda s, now: s.start(now, restart=True),
    "pause": lambda s, now: s.pause(now),
    "resume": lambda s, now: s.resume(now),
    "toggle": lambda s, now: s.toggle(now),
    "skip": lambda s, now: s.skip(now),
    "extend": lambda s, now: s.extend(now, 5 * MIN),
    "stop": lambda s, now: s.stop(now),
}

# state, operation -> (phase, status, next phase, event types) or an error key.
RUN = S.RUNNING
TABLE: dict[tuple[str, str], tuple[P, S, P, list[E]] | str] = {
    ("idle", "start"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    ("idle", "start_long_break"): (P.LONG_BREAK, RUN, P.FOCUS, [E.BREAK_STARTED]),
    ("idle", "pause"): "not_running",
    ("idle", "resume"): "not_paused",
    ("idle", "toggle"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    ("idle", "skip"): "not_active",
    ("idle", "extend"): "not_active",
    ("idle", "stop"): (P.IDLE, S.IDLE, P.FOCUS, []),
    ("focus", "start"): (P.FOCUS, RUN, P.SHORT_BREAK, []),
    ("focus", "start_long_break"): "focus_running",
    ("focus", "pause"): (P.FOCUS, S.PAUSED, P.SHORT_BREAK, [E.PAUSED]),
    ("focus", "resume"): (P.FOCUS, RUN, P.SHORT_BREAK, []),
    ("focus", "toggle"): (P.FOCUS, S.PAUSED, P.SHORT_BREAK, [E.PAUSED]),
    ("focus", "skip"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.SKIPPED, E.BREAK_STARTED]),
    ("focus", "extend"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.EXTENDED]),
    ("focus", "stop"): (P.IDLE, S.IDLE, P.FOCUS, [E.STOPPED]),
    ("short_break", "start"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("short_break", "start_long_break"): (
        P.LONG_BREAK,
        RUN,
        P.FOCUS,
        [E.SKIPPED, E.BREAK_STARTED],
    ),
    ("short_break", "pause"): (P.SHORT_BREAK, S.PAUSED, P.FOCUS, [E.PAUSED]),
    ("short_break", "resume"): (P.SHORT_BREAK, RUN, P.FOCUS, []),
    ("short_break", "toggle"): (P.SHORT_BREAK, S.PAUSED, P.FOCUS, [E.PAUSED]),
    ("short_break", "skip"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("short_break", "extend"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.EXTENDED]),
    ("short_break", "stop"): (P.IDLE, S.IDLE, P.FOCUS, [E.STOPPED]),
    ("long_break", "start"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("long_break", "start_long_break"): (
        P.LONG_BREAK,
        RUN,
        P.FOCUS,
        [E.SKIPPED, E.BREAK_STARTED],
    ),
    ("long_break", "pause"): (P.LONG_BREAK, S.PAUSED, P.FOCUS, [E.PAUSED]),
    ("long_break", "resume"): (P.LONG_BREAK, RUN, P.FOCUS, []),
    ("long_break", "toggle"): (P.LONG_BREAK, S.PAUSED, P.FOCUS, [E.PAUSED]),
    ("long_break", "skip"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("long_break", "extend"): (P.LONG_BREAK, RUN, P.FOCUS, [E.EXTENDED]),
    ("long_break", "stop"): (P.IDLE, S.IDLE, P.FOCUS, [E.STOPPED]),
    ("paused_focus", "start"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.RESUMED]),
    ("paused_focus", "start_long_break"): "focus_running",
    ("paused_focus", "pause"): (P.FOCUS, S.PAUSED, P.SHORT_BREAK, []),
    ("paused_focus", "resume"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.RESUMED]),
    ("paused_focus", "toggle"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.RESUMED]),
    ("paused_focus", "skip"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.SKIPPED, E.BREAK_STARTED]),
    ("paused_focus", "extend"): (P.FOCUS, S.PAUSED, P.SHORT_BREAK, [E.EXTENDED]),
    ("paused_focus", "stop"): (P.IDLE, S.IDLE, P.FOCUS, [E.STOPPED]),
    ("paused_break", "start"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("paused_break", "start_long_break"): (
        P.LONG_BREAK,
        RUN,
        P.FOCUS,
        [E.SKIPPED, E.BREAK_STARTED],
    ),
    ("paused_break", "pause"): (P.SHORT_BREAK, S.PAUSED, P.FOCUS, []),
    ("paused_break", "resume"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.RESUMED]),
    ("paused_break", "toggle"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.RESUMED]),
    ("paused_break", "skip"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("paused_break", "extend"): (P.SHORT_BREAK, S.PAUSED, P.FOCUS, [E.EXTENDED]),
    ("paused_break", "stop"): (P.IDLE, S.IDLE, P.FOCUS, [E.STOPPED]),
    ("ready_for_break", "start"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.BREAK_STARTED]),
    ("ready_for_break", "start_long_break"): (P.LONG_BREAK, RUN, P.FOCUS, [E.BREAK_STARTED]),
    ("ready_for_break", "pause"): "not_running",
    ("ready_for_break", "resume"): "not_paused",
    ("ready_for_break", "toggle"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.BREAK_STARTED]),
    ("ready_for_break", "skip"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("ready_for_break", "extend"): "not_active",
    ("ready_for_break", "stop"): (P.IDLE, S.IDLE, P.FOCUS, [E.STOPPED]),
    ("ready_for_focus", "start"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    ("ready_for_focus", "start_long_break"): (P.LONG_BREAK, RUN, P.FOCUS, [E.BREAK_STARTED]),
    ("ready_for_focus", "pause"): "not_running",
    ("ready_for_focus", "resume"): "not_paused",
    ("ready_for_focus", "toggle"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    ("ready_for_focus", "skip"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.SKIPPED, E.BREAK_STARTED]),
    ("ready_for_focus", "extend"): "not_active",
    ("ready_for_focus", "stop"): (P.IDLE, S.IDLE, P.FOCUS, [E.STOPPED]),
    # "Start focus" (the button): a focus block is kept (resumed when paused), a break gives way.
    ("idle", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    ("focus", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, []),
    ("short_break", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("long_break", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("paused_focus", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.RESUMED]),
    ("paused_break", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("ready_for_break", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    ("ready_for_focus", "start_focus"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    # An explicit restart replaces whatever runs, a focus block too.
    ("idle", "restart"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
    ("focus", "restart"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.SKIPPED, E.BREAK_STARTED]),
    ("short_break", "restart"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("long_break", "restart"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("paused_focus", "restart"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.SKIPPED, E.BREAK_STARTED]),
    ("paused_break", "restart"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.SKIPPED, E.FOCUS_STARTED]),
    ("ready_for_break", "restart"): (P.SHORT_BREAK, RUN, P.FOCUS, [E.BREAK_STARTED]),
    ("ready_for_focus", "restart"): (P.FOCUS, RUN, P.SHORT_BREAK, [E.FOCUS_STARTED]),
}


def at_for(state: str) -> datetime:
    """An instant after the state was made at which its running phase still runs."""
    return {
        "focus": T0 + 10 * MIN,
        "short_break": T0 + 2 * MIN,
        "long_break": T0 + 10 * MIN,
        "paused_focus": NOW,
        "paused_break": NOW,
    }.get(state, NOW)


def test_table_is_complete() -> None:
    assert set(TABLE) == {(state, op) for state in STATES for op in OPS}


@pytest.mark.parametrize(("state", "op"), sorted(TABLE))
def test_operation(state: str, op: str) -> None:
    session = STATES[state]()
    now = at_for(state)
    expected = TABLE[state, op]
    if isinstance(expected, str):
        before = session.to_dict()
        with pytest.raises(InvalidOperationError) as err:
            OPS[op](session, now)
        assert err.value.key == expected
        assert session.to_dict() == before, "a refused operation changes nothing"
        return
    phase, status, next_phase, kinds = expected
    events = OPS[op](session, now)
    assert (session.phase, session.status, session.next_phase) == (phase, status, next_phase)
    assert [event.type for event in events] == kinds
    assert all(event.at == now for event in events)
    left = session.time_left(now)
    if status in (S.RUNNING, S.PAUSED):
        assert left is not None
        assert left > timedelta(0)
    else:
        assert left is None
