"""The lifecycle, listeners and worker every part of a timer stands on."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.tomatoes.toolkit.lifecycle import Lifecycle, Listeners, Worker


async def test_listeners_are_called_until_removed_and_removing_twice_is_harmless() -> None:
    listeners: Listeners[int] = Listeners()
    seen: list[int] = []
    remove = listeners.add(seen.append)
    listeners.notify(1)
    remove()
    remove()
    listeners.notify(2)
    assert seen == [1]
    assert len(listeners) == 0


async def test_a_closed_lifecycle_fires_no_scheduled_callback(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    lifecycle = Lifecycle(hass, "test")
    fired: list[object] = []
    lifecycle.call_at(dt_util.utcnow() + timedelta(seconds=5), fired.append)
    await lifecycle.async_close()
    freezer.tick(timedelta(seconds=10))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert fired == []
    # Scheduling after close does nothing either.
    lifecycle.call_at(dt_util.utcnow() + timedelta(seconds=1), fired.append)
    freezer.tick(timedelta(seconds=2))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert fired == []


async def test_closing_cancels_running_tasks_and_starts_no_new_ones(hass: HomeAssistant) -> None:
    lifecycle = Lifecycle(hass, "test")
    started, finished = asyncio.Event(), []

    async def slow() -> None:
        started.set()
        await asyncio.sleep(3600)
        finished.append(True)

    task = lifecycle.create_task(slow(), "slow")
    assert task is not None
    await started.wait()
    assert lifecycle.busy
    unsubscribed: list[bool] = []
    lifecycle.on_close(lambda: unsubscribed.append(True))
    await lifecycle.async_close()
    assert task.cancelled()
    assert finished == []
    assert unsubscribed == [True]
    assert not lifecycle.busy

    async def later() -> None:
        finished.append(True)

    assert lifecycle.create_task(later(), "later") is None
    await hass.async_block_till_done()
    assert finished == []
    # What is handed to a closed lifecycle is undone at once.
    lifecycle.on_close(lambda: unsubscribed.append(True))
    assert unsubscribed == [True, True]


async def test_worker_coalesces_requests_made_while_it_runs(hass: HomeAssistant) -> None:
    lifecycle = Lifecycle(hass, "test")
    gate = asyncio.Event()
    runs: list[int] = []

    async def job() -> None:
        runs.append(len(runs))
        if len(runs) == 1:
            await gate.wait()

    worker = Worker(lifecycle, job, "job")
    worker.kick()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for _ in range(5):
        worker.kick()
    gate.set()
    await worker.async_settled()
    assert runs == [0, 1]


async def test_a_failed_run_is_logged_and_the_next_request_runs_again(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    lifecycle = Lifecycle(hass, "test")
    runs: list[int] = []

    async def job() -> None:
        runs.append(1)
        if len(runs) == 1:
            raise RuntimeError("boom")

    worker = Worker(lifecycle, job, "job")
    worker.kick()
    await worker.async_settled()
    assert "job failed" in caplog.text
    worker.kick()
    await worker.async_settled()
    assert len(runs) == 2
    await lifecycle.async_close()
    worker.kick()
    await worker.async_settled()
    assert len(runs) == 2
