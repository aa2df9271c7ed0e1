"""Listeners, and the tasks and timers of one part of a timer, which all stop at unload.

A `Lifecycle` is closed once, when its timer is unloaded (or fails to set up). From then
on it starts no task, fires no scheduled callback and runs no listener it handed out; the
tasks still running are cancelled and awaited, so no late answer of a device can make a
closed part act again. A `Worker` runs one job at a time and runs it again when it was
asked for meanwhile: any number of requests while it works cost one more run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import suppress
from datetime import datetime
import logging
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_utc_time

_LOGGER = logging.getLogger(__name__)


class Listeners[*Args]:
    """Callbacks to call on a change; ``add`` returns the function that removes one."""

    def __init__(self) -> None:
        """Start with no listener."""
        self._listeners: list[Callable[[*Args], None]] = []

    @callback
    def add(self, listener: Callable[[*Args], None]) -> CALLBACK_TYPE:
        """Add a listener; the returned function removes it (calling it twice is harmless)."""
        self._listeners.append(listener)

        @callback
        def remove() -> None:
            with suppress(ValueError):
                self._listeners.remove(listener)

        return remove

    @callback
    def notify(self, *args: *Args) -> None:
        """Call every listener (one that removes itself meanwhile is still safe)."""
        for listener in list(self._listeners):
            listener(*args)

    def __len__(self) -> int:
        """Return how many listeners there are."""
        return len(self._listeners)


def _noop() -> None:
    """Cancel nothing (what scheduling on a closed lifecycle returns)."""


class Lifecycle:
    """The subscriptions, tasks and timers of one part of one timer; none outlive it."""

    def __init__(self, hass: HomeAssistant, name: str) -> None:
        """Start open, with nothing running."""
        self.hass = hass
        self.name = name
        self.closed = False
        self._unsubs: list[CALLBACK_TYPE] = []
        self._tasks: set[asyncio.Task[Any]] = set()

    @callback
    def on_close(self, unsub: CALLBACK_TYPE) -> None:
        """Call ``unsub`` when the lifecycle closes (at once when it is closed already)."""
        if self.closed:
            unsub()
        else:
            self._unsubs.append(unsub)

    @callback
    def create_task(self, coro: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None] | None:
        """Run ``coro`` in a task that closing cancels; a closed lifecycle runs nothing."""
        if self.closed:
            coro.close()
            return None
        task = self.hass.async_create_task(coro, f"{self.name} {name}", eager_start=False)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    @callback
    def call_at(self, when: datetime, action: Callable[[datetime], None]) -> CALLBACK_TYPE:
        """Call ``action`` at an instant unless closed by then; returns the cancel function."""
        if self.closed:
            return _noop

        @callback
        def fire(now: datetime) -> None:
            if not self.closed:
                action(now)

        return async_track_point_in_utc_time(self.hass, fire, when)

    @property
    def busy(self) -> bool:
        """Return whether any of its tasks still runs."""
        return any(not task.done() for task in self._tasks)

    async def async_close(self) -> None:
        """Close: unsubscribe everything, cancel the running tasks and wait for them to end."""
        self.closed = True
        while self._unsubs:
            self._unsubs.pop()()
        current = asyncio.current_task()
        running = [task for task in self._tasks if not task.done() and task is not current]
        for task in running:
            task.cancel()
        if running:
            await asyncio.wait(running)


class Worker:
    """Runs one job at a time, again while it was asked for meanwhile (requests coalesce)."""

    def __init__(self, lifecycle: Lifecycle, job: Callable[[], Awaitable[None]], name: str) -> None:
        """Bind the job to the lifecycle that ends it."""
        self._lifecycle = lifecycle
        self._job = job
        self._name = name
        self._wanted = False
        self._task: asyncio.Task[None] | None = None

    @callback
    def kick(self) -> None:
        """Ask for a run: now, or once more after the one in progress."""
        if self._lifecycle.closed:
            return
        self._wanted = True
        if self._task is None or self._task.done():
            self._task = self._lifecycle.create_task(self._async_loop(), self._name)

    async def async_settled(self) -> None:
        """Wait until every run asked for so far has ended."""
        while (task := self._task) is not None and not task.done():
            await asyncio.wait([task])

    async def _async_loop(self) -> None:
        while self._wanted and not self._lifecycle.closed:
            self._wanted = False
            try:
                await self._job()
            except Exception:
                # One failed run must not stop the next one; the next request retries.
                _LOGGER.exception("%s: %s failed", self._lifecycle.name, self._name)
