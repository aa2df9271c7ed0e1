"""Today's focus per mode: which mode the day's blocks and minutes went to.

The timer counts the day's completed blocks and focused seconds (engine.py); this module
shares those figures out between modes and never counts on its own, so the modes always
add up to the timer's totals. Whatever the timer's figures grew by since they were last
shared out goes to the mode the running focus block started in (the mode whose rhythm
it runs); a block started before a mode change belongs to the mode it started in.

The share-out is kept in its own Store (``tomatoes.<entry_id>.modes``), checked on load,
so a restart loses nothing; blocks that ended while Home Assistant was down go to the
mode their block started in. Only today is kept: at a new day everything starts at zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
import math
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..engine import Event, EventType
from ..stats import DayStats
from ..timer import FocusTimer
from ..toolkit.lifecycle import Lifecycle, Listeners
from ..toolkit.store import DamagedDataError, Parsed, VersionedStore
from .catalogue import Mode

SAVE_DELAY = 5.0
"""Seconds a changed share-out waits before it is written (several changes write once)."""


@dataclass(frozen=True, slots=True)
class ModeDay:
    """One mode's share of today: completed focus blocks and focused seconds."""

    name: str
    """What the mode select showed for the mode when it was last credited."""
    blocks: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class Tally:
    """How today's figures of the timer were shared out between modes."""

    day: date | None = None
    seen: DayStats = field(default_factory=DayStats)
    """The timer's figures of ``day`` already shared out."""
    block: tuple[str, str] | None = None
    """The mode (id, name) the current or last focus block started in."""
    modes: dict[str, ModeDay] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Return the tally as JSON-safe data."""
        return {
            "day": self.day.isoformat() if self.day else None,
            "seen": [self.seen.blocks, self.seen.focus_seconds],
            "block": list(self.block) if self.block else None,
            "modes": {
                mode_id: {"name": day.name, "blocks": day.blocks, "seconds": day.seconds}
                for mode_id, day in self.modes.items()
            },
        }


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _seconds(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


def parse_tally(raw: Any) -> Parsed[Tally]:
    """Check stored data field by field: what is wrong is dropped and named as a problem."""
    if not isinstance(raw, dict):
        raise DamagedDataError("not an object")
    problems: list[str] = []
    day = date.fromisoformat(raw["day"]) if raw.get("day") is not None else None
    tally = Tally(day=day)
    match raw.get("seen"):
        case [blocks, seconds] if _count(blocks) and _seconds(seconds):
            tally.seen = DayStats(blocks, float(seconds))
        case seen:
            problems.append(f"seen: {seen!r} is invalid")
    match raw.get("block"):
        case None:
            pass
        case [str(mode_id), str(name)]:
            tally.block = (mode_id, name)
        case block:
            problems.append(f"block: {block!r} is invalid")
    modes = raw.get("modes")
    for mode_id, data in (modes if isinstance(modes, dict) else {}).items():
        if (
            isinstance(data, dict)
            and isinstance(data.get("name"), str)
            and _count(data.get("blocks"))
            and _seconds(data.get("seconds"))
        ):
            tally.modes[mode_id] = ModeDay(data["name"], data["blocks"], float(data["seconds"]))
        else:
            problems.append(f"{mode_id}: {data!r} is invalid")
    if not isinstance(modes, dict):
        problems.append(f"modes: {modes!r} is invalid")
    return Parsed(tally, problems)


def stats_store(hass: HomeAssistant, entry_id: str) -> VersionedStore[Tally]:
    """Return the Store of one timer's focus per mode."""
    return VersionedStore(hass, f"{DOMAIN}.{entry_id}.modes", parse_tally)


class ModeStats:
    """Shares a timer's figures of the day out between its modes, and keeps them."""

    def __init__(
        self, hass: HomeAssistant, entry_id: str, timer: FocusTimer, current: Callable[[], Mode]
    ) -> None:
        """Prepare; ``async_setup`` loads what was kept and catches up with the timer."""
        self._timer = timer
        self._current = current
        self._store = stats_store(hass, entry_id)
        self.tally = Tally()
        self._listeners: Listeners[()] = Listeners()

    async def async_setup(self, lifecycle: Lifecycle) -> None:
        """Load the share-out, credit what the timer counted meanwhile, and follow the timer."""
        if (stored := await self._store.async_load()) is not None:
            self.tally = stored
        self._settle()
        lifecycle.on_close(self._timer.async_add_event_listener(self._on_event))
        lifecycle.on_close(self._timer.async_add_listener(self._on_change))

    async def async_save(self) -> None:
        """Write the share-out now (at unload)."""
        await self._store.async_save(self.tally.as_dict())

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` after the share-out changed."""
        return self._listeners.add(listener)

    def today(self) -> dict[str, ModeDay]:
        """Return today's share of each mode that has one, by mode id."""
        today = self._timer.session.local_day(dt_util.now())
        return dict(self.tally.modes) if self.tally.day == today else {}

    @callback
    def _on_event(self, event: Event) -> None:
        if event.type is EventType.FOCUS_STARTED:
            self._settle()  # what ran before belongs to the block before
            mode = self._current()
            self.tally.block = (mode.id, mode.option)
            self._store.async_delay_save(self.tally.as_dict, SAVE_DELAY)

    @callback
    def _on_change(self) -> None:
        if self._settle():
            self._listeners.notify()

    def _settle(self) -> bool:
        """Credit what the timer's figures grew by; return whether the share-out changed."""
        tally = self.tally
        today = self._timer.session.local_day(dt_util.now())
        changed = False
        if tally.day != today:
            changed = bool(tally.modes)
            tally.day, tally.seen, tally.modes = today, DayStats(), {}
        totals = self._timer.today()
        blocks = totals.blocks - tally.seen.blocks
        seconds = totals.focus_seconds - tally.seen.focus_seconds
        if blocks >= 0 and seconds >= 0 and (blocks or seconds):
            if tally.block is None:
                mode = self._current()
                tally.block = (mode.id, mode.option)
            mode_id, name = tally.block
            before = tally.modes.get(mode_id, ModeDay(name))
            tally.modes[mode_id] = ModeDay(name, before.blocks + blocks, before.seconds + seconds)
            changed = True
        if totals != tally.seen:
            # Figures that went down (a repaired store) are not taken from any mode.
            tally.seen = totals
            changed = True
        if changed:
            self._store.async_delay_save(tally.as_dict, SAVE_DELAY)
        return changed
