"""FocusTimer: binds the pure session to Home Assistant's clock, scheduler and storage.

Commands go in (start, pause, ...), transitions come out to listeners. Every
change is saved to the Store before anyone hears of it, and exactly one
callback is scheduled: at the instant the session next has something to do.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
import logging
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.event import async_track_point_in_utc_time, async_track_time_change
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN, STORAGE_VERSION, option_errors, settings_from_options
from .engine import (
    DayStats,
    Event,
    EventType,
    InvalidOperationError,
    Phase,
    Session,
    Settings,
    Status,
)

_LOGGER = logging.getLogger(__name__)

type Operation = Callable[[datetime], list[Event]]
type EventListener = Callable[[Event], None]


def timer_store(hass: HomeAssistant, entry_id: str) -> Store[dict[str, Any]]:
    """Return the Store that keeps one timer's session."""
    return Store(hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}")


class FocusTimer:
    """One Tomatoes timer: a session, its schedule, its storage and its listeners."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, store: Store[dict[str, Any]]
    ) -> None:
        """Prepare an idle timer; ``async_setup`` loads what was stored."""
        self.hass = hass
        self.entry = entry
        self._store = store
        self.session = Session(
            settings_from_options(entry.options), dt_util.get_default_time_zone()
        )
        self._listeners: list[CALLBACK_TYPE] = []
        self._event_listeners: list[EventListener] = []
        self._unsub_deadline: CALLBACK_TYPE | None = None
        self._unsub_midnight: CALLBACK_TYPE | None = None
        self._lock = asyncio.Lock()
        self._closing = False
        self._pending: list[Event] = []

    @property
    def name(self) -> str:
        """Return the timer's name as the user gave it."""
        return self.entry.title

    # ---------------------------------------------------------------- lifecycle

    async def async_setup(self) -> None:
        """Load the stored session, catch up on what ended meanwhile, and schedule."""
        stored = await self._store.async_load()
        if stored and "session" in stored:
            self.session = Session.from_dict(
                stored["session"], self.session.settings, self.session.tz
            )
            # The next phase follows today's settings (changed by an entity since the save).
            self.session.apply_settings(self.session.settings)
        now = dt_util.now()
        before = self.session.to_dict()
        missed = self.session.advance(now)
        if self.session.to_dict() != before:  # an idle reset too, which has no event
            await self._async_save()
        if missed:
            catch_up = Event(
                EventType.CAUGHT_UP,
                now,
                self.session.phase,
                {
                    "phase": str(self.session.phase),
                    "status": str(self.session.status),
                    "missed": [str(event.type) for event in missed],
                    "focus_completed": sum(
                        event.type is EventType.FOCUS_COMPLETED for event in missed
                    ),
                    "since": missed[0].at.isoformat(),
                    "task": self.session.task,
                },
            )
            _LOGGER.debug("%s caught up on %d transitions", self.name, len(missed))
            self._pending = [catch_up]
        self._schedule()
        self._unsub_midnight = async_track_time_change(
            self.hass, self._async_midnight, hour=0, minute=0, second=0
        )

    @callback
    def async_announce_pending(self) -> None:
        """Announce the catch-up of ``async_setup`` once the entities are listening."""
        pending, self._pending = self._pending, []
        if pending:
            self._announce(pending)

    async def async_shutdown(self) -> None:
        """Let an operation that is saving finish, then cancel the scheduled callbacks.

        The stored session stays; an operation that comes later does nothing (the next
        instance takes over from the Store).
        """
        self._closing = True
        async with self._lock:
            self._cancel()

    def closing(self) -> bool:
        """Return whether the timer is unloading: it saves, schedules and announces no more."""
        return self._closing

    @callback
    def _cancel(self) -> None:
        if self._unsub_deadline:
            self._unsub_deadline()
            self._unsub_deadline = None
        if self._unsub_midnight:
            self._unsub_midnight()
            self._unsub_midnight = None

    # ----------------------------------------------------------------- commands

    async def async_start(
        self,
        phase: Phase | None = None,
        duration: timedelta | None = None,
        task: str | None = None,
    ) -> None:
        """Start a phase (the next one by default)."""
        await self.async_run(lambda now: self.session.start(now, phase, duration, task))

    async def async_pause(self) -> None:
        """Pause the running phase."""
        await self.async_run(self.session.pause)

    async def async_resume(self) -> None:
        """Resume a paused phase."""
        await self.async_run(self.session.resume)

    async def async_toggle(self) -> None:
        """Pause, resume or start, whichever fits."""
        await self.async_run(self.session.toggle)

    async def async_skip(self) -> None:
        """Skip to the following phase."""
        await self.async_run(self.session.skip)

    async def async_extend(self, by: timedelta) -> None:
        """Add time to the current phase."""
        await self.async_run(lambda now: self.session.extend(now, by))

    async def async_stop(self) -> None:
        """Stop the timer."""
        await self.async_run(self.session.stop)

    async def async_run(self, operation: Operation) -> None:
        """Apply an operation: save if anything changed, then reschedule and announce."""
        async with self._lock:
            if self.closing():
                return
            before = self.session.to_dict()
            error: InvalidOperationError | None = None
            try:
                events = operation(dt_util.now())
            except InvalidOperationError as err:
                events, error = [], err
            after = self.session.to_dict()
            if after != before:
                await self._store.async_save({"session": after})
            if self.closing():
                return  # unloaded while saving: the next instance takes over from the Store
            self._schedule()
            self._announce(events, changed=after != before)
        if error is not None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=error.key,
                translation_placeholders={"name": self.name},
            ) from error

    async def async_update_options(self, changes: Mapping[str, Any]) -> None:
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
        self.apply_settings(settings)

    @callback
    def apply_settings(self, settings: Settings) -> None:
        """Use new settings from now on and tell the entities."""
        self.session.apply_settings(settings)
        self._schedule()
        self._notify()

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

    # ---------------------------------------------------------------- listeners

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` after every change; returns the function that removes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @callback
    def async_add_event_listener(self, listener: EventListener) -> CALLBACK_TYPE:
        """Call ``listener`` with every transition; returns the function that removes it."""
        self._event_listeners.append(listener)
        return lambda: self._event_listeners.remove(listener)

    # ----------------------------------------------------------------- internal

    async def _async_save(self) -> None:
        await self._store.async_save({"session": self.session.to_dict()})

    @callback
    def _announce(self, events: list[Event], *, changed: bool = True) -> None:
        for event in events:
            for listener in list(self._event_listeners):
                listener(event)
        if changed or events:
            self._notify()

    @callback
    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    @callback
    def _schedule(self) -> None:
        """Keep exactly one callback, at the session's next deadline (or none)."""
        if self._unsub_deadline:
            self._unsub_deadline()
            self._unsub_deadline = None
        deadline = self.session.next_deadline()
        if deadline is not None:
            self._unsub_deadline = async_track_point_in_utc_time(
                self.hass, self._deadline_reached, deadline
            )

    @callback
    def _deadline_reached(self, _now: datetime) -> None:
        self._unsub_deadline = None
        self.entry.async_create_task(
            self.hass, self.async_run(self.session.advance), "tomatoes deadline"
        )

    @callback
    def _async_midnight(self, _now: datetime) -> None:
        """Let the daily statistics fall back to zero on a new day."""
        self._notify()
