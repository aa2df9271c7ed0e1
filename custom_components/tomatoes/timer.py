"""FocusTimer: binds the pure session to Home Assistant's clock, scheduler and storage.

Commands go in (start, pause, ...), transitions come out to listeners. Every
change is saved to the Store before anyone hears of it, and exactly one
callback is scheduled: at the instant the session next has something to do.
Once closed (unloaded, or a failed set-up) the timer waits for an operation that
is saving, then schedules, saves and announces nothing more.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
import logging
from typing import TYPE_CHECKING, Any

from homeassistant.core import CALLBACK_TYPE, Context, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.event import async_track_time_change
from homeassistant.util import dt as dt_util

from .const import DOMAIN, STORAGE_VERSION, option_errors, settings_from_options
from .engine import Event, EventType, InvalidOperationError, Phase, Session, Status
from .persistence import parse_session
from .settings import Settings
from .stats import DayStats
from .toolkit.lifecycle import Lifecycle, Listeners
from .toolkit.store import Parsed, VersionedStore

if TYPE_CHECKING:
    from .models import TomatoesConfigEntry

_LOGGER = logging.getLogger(__name__)

type Operation = Callable[[datetime], list[Event]]
type EventListener = Callable[[Event], None]


def timer_store(
    hass: HomeAssistant, entry_id: str, parse: Callable[[Any], Parsed[Session]] | None = None
) -> VersionedStore[Session]:
    """Return the Store that keeps one timer's session (``parse`` checks it on load)."""
    return VersionedStore(
        hass, f"{DOMAIN}.{entry_id}", parse or _parse_alone, version=STORAGE_VERSION
    )


def _parse_alone(raw: Any) -> Parsed[Session]:
    """Check a stored session without a timer's settings (to look at it, not to run it)."""
    session, problems = parse_session(raw, Settings(), UTC)
    return Parsed(session, problems)


class FocusTimer:
    """One Tomatoes timer: a session, its schedule, its storage and its listeners."""

    def __init__(self, hass: HomeAssistant, entry: TomatoesConfigEntry) -> None:
        """Prepare an idle timer; ``async_setup`` loads what was stored."""
        self.hass = hass
        self.entry = entry
        self.session = Session(
            settings_from_options(entry.options), dt_util.get_default_time_zone()
        )
        self.store = timer_store(hass, entry.entry_id, self._parse)
        self.context: Context | None = None
        """The Context of the action whose change is being announced (None: the clock)."""
        self._listeners: Listeners[()] = Listeners()
        self._event_listeners: Listeners[Event] = Listeners()
        self._lifecycle = Lifecycle(hass, f"tomatoes {entry.title}")
        self._unsub_deadline: CALLBACK_TYPE | None = None
        self._lock = asyncio.Lock()
        self._closing = False
        self._pending: list[Event] = []
        self._repaired = False

    @property
    def name(self) -> str:
        """Return the timer's name as the user gave it."""
        return self.entry.title

    # ---------------------------------------------------------------- lifecycle

    async def async_setup(self) -> None:
        """Load the stored session, catch up on what ended meanwhile, and schedule."""
        if (stored := await self.store.async_load()) is not None:
            self.session = stored
            # The next phase follows today's settings (changed by an entity since the save).
            self.session.apply_settings(self.session.settings)
        now = dt_util.now()
        before = self.session.to_dict()
        missed = self.session.advance(now)
        if self._repaired or self.session.to_dict() != before:  # an idle reset has no event
            await self._async_save()
        if missed:
            self._pending = [self._catch_up(now, missed)]
            _LOGGER.debug("%s caught up on %d transitions", self.name, len(missed))
        self._schedule()
        self._lifecycle.on_close(
            async_track_time_change(self.hass, self._async_midnight, hour=0, minute=0, second=0)
        )

    def _parse(self, raw: Any) -> Parsed[Session]:
        """Check the stored session; a repaired one is saved again at once (reported once)."""
        session, problems = parse_session(raw, self.session.settings, self.session.tz)
        self._repaired = bool(problems)
        return Parsed(session, problems)

    def _catch_up(self, now: datetime, missed: list[Event]) -> Event:
        """Return the one event that reports what ended while Home Assistant was down."""
        return Event(
            EventType.CAUGHT_UP,
            now,
            self.session.phase,
            {
                "phase": str(self.session.phase),
                "status": str(self.session.status),
                "missed": [str(event.type) for event in missed],
                "focus_completed": sum(event.type is EventType.FOCUS_COMPLETED for event in missed),
                "since": missed[0].at.isoformat(),
                "task": self.session.task,
            },
        )

    @callback
    def async_announce_pending(self) -> None:
        """Announce the catch-up of ``async_setup`` once the entities are listening."""
        pending, self._pending = self._pending, []
        if pending and not self._closing:
            self._announce(pending)

    def closing(self) -> bool:
        """Return whether the timer is being (or was) closed: it schedules and announces no more."""
        return self._closing

    async def async_close(self) -> None:
        """Close: let an operation that is saving finish, then stop scheduling and announcing."""
        self._closing = True
        async with self._lock:
            if self._unsub_deadline is not None:
                self._unsub_deadline()
                self._unsub_deadline = None
            await self._lifecycle.async_close()

    # ----------------------------------------------------------------- commands

    async def async_start(
        self,
        phase: Phase | None = None,
        duration: timedelta | None = None,
        task: str | None = None,
        *,
        restart: bool = False,
        context: Context | None = None,
    ) -> None:
        """Start a phase (the next one by default); a focus block is replaced only on restart."""
        await self.async_run(
            lambda now: self.session.start(now, phase, duration, task, restart=restart), context
        )

    async def async_pause(self, context: Context | None = None) -> None:
        """Pause the running phase."""
        await self.async_run(self.session.pause, context)

    async def async_resume(self, context: Context | None = None) -> None:
        """Resume a paused phase."""
        await self.async_run(self.session.resume, context)

    async def async_toggle(self, context: Context | None = None) -> None:
        """Pause, resume or start, whichever fits."""
        await self.async_run(self.session.toggle, context)

    async def async_skip(self, context: Context | None = None) -> None:
        """Skip to the following phase."""
        await self.async_run(self.session.skip, context)

    async def async_extend(self, by: timedelta, context: Context | None = None) -> None:
        """Add time to the current phase."""
        await self.async_run(lambda now: self.session.extend(now, by), context)

    async def async_stop(self, context: Context | None = None) -> None:
        """Stop the timer."""
        await self.async_run(self.session.stop, context)

    async def async_run(self, operation: Operation, context: Context | None = None) -> None:
        """Apply an operation: save if anything changed, then reschedule and announce."""
        async with self._lock:
            if self._closing:
                return
            before = self.session.to_dict()
            error: InvalidOperationError | None = None
            try:
                events = operation(dt_util.now())
            except InvalidOperationError as err:
                events, error = [], err
            after = self.session.to_dict()
            if after != before:
                await self.store.async_save({"session": after})
            if self.closing():
                return  # unloaded while saving: the next instance takes over from the Store
            self._schedule()
            self.context = context
            try:
                self._announce(events, changed=after != before)
            finally:
                self.context = None
        if error is not None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=error.key,
                translation_placeholders={"name": self.name},
            ) from error

    async def async_update_options(
        self, changes: Mapping[str, Any], context: Context | None = None
    ) -> None:
        """Change some settings (from a number, select or switch); they apply to the next phase."""
        options = {**self.entry.options, **changes}
        if errors := option_errors(options):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=next(iter(errors.values())),
                translation_placeholders={"name": self.name},
            )
        settings = settings_from_options(options)
        self.hass.config_entries.async_update_entry(self.entry, options=options)
        self.context = context
        try:
            self.apply_settings(settings)
        finally:
            self.context = None

    @callback
    def apply_settings(self, settings: Settings) -> None:
        """Use new settings from now on and tell the entities."""
        self.session.apply_settings(settings)
        self._schedule()
        self._listeners.notify()

    # ------------------------------------------------------------------ queries

    def today(self) -> DayStats:
        """Return today's statistics (zero on a day with nothing done yet)."""
        return self.session.stats_for(self.session.local_day(dt_util.now()))

    def time_left(self) -> timedelta | None:
        """Return the time left in the current phase, if any."""
        return self.session.time_left(dt_util.now())

    @property
    def status(self) -> Status:
        """Return the session's status."""
        return self.session.status

    def diagnostics(self) -> dict[str, Any]:
        """Return the session and the schedule (for diagnostics)."""
        deadline = self.session.next_deadline()
        return {
            "session": self.session.to_dict(),
            "next_deadline": deadline.isoformat() if deadline else None,
            "scheduled": self._unsub_deadline is not None,
            "listeners": len(self._listeners),
            "event_listeners": len(self._event_listeners),
        }

    # ---------------------------------------------------------------- listeners

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``listener`` after every change; returns the function that removes it."""
        return self._listeners.add(listener)

    @callback
    def async_add_event_listener(self, listener: EventListener) -> CALLBACK_TYPE:
        """Call ``listener`` with every transition; returns the function that removes it."""
        return self._event_listeners.add(listener)

    # ----------------------------------------------------------------- internal

    async def _async_save(self) -> None:
        await self.store.async_save({"session": self.session.to_dict()})

    @callback
    def _announce(self, events: list[Event], *, changed: bool = True) -> None:
        for event in events:
            self._event_listeners.notify(event)
        if changed or events:
            self._listeners.notify()

    @callback
    def _schedule(self) -> None:
        """Keep exactly one callback, at the session's next deadline (or none)."""
        if self._unsub_deadline:
            self._unsub_deadline()
            self._unsub_deadline = None
        deadline = self.session.next_deadline()
        if deadline is not None and not self._closing:
            self._unsub_deadline = self._lifecycle.call_at(deadline, self._deadline_reached)

    @callback
    def _deadline_reached(self, _now: datetime) -> None:
        self._unsub_deadline = None
        self._lifecycle.create_task(self.async_run(self.session.advance), "deadline")

    @callback
    def _async_midnight(self, _now: datetime) -> None:
        """Let the daily statistics fall back to zero on a new day."""
        self._listeners.notify()
