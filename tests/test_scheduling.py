"""Scheduling: exactly one callback per running phase, none while paused or idle."""

from __future__ import annotations

from collections.abc import Callable
import contextlib
from datetime import datetime, timedelta
import random
from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.toolkit import lifecycle as lifecycle_module

from .conftest import Advance


class ScheduleCounter:
    """Wraps the scheduler to count the timer callbacks that are still pending."""

    def __init__(self) -> None:
        """Start with nothing pending."""
        self.pending: set[int] = set()
        self.made = 0
        self.real = lifecycle_module.async_track_point_in_utc_time

    def __call__(
        self, hass: HomeAssistant, action: Callable[[datetime], Any], point: datetime
    ) -> Callable[[], None]:
        """Schedule through Home Assistant; remember the handle until it fires or is cancelled."""
        self.made += 1
        handle = self.made

        @callback
        def fired(now: datetime) -> None:
            self.pending.discard(handle)
            action(now)

        cancel = self.real(hass, fired, point)
        self.pending.add(handle)

        def unsubscribe() -> None:
            self.pending.discard(handle)
            cancel()

        return unsubscribe


@pytest.fixture
def counter() -> ScheduleCounter:
    """Count the callbacks the timer keeps scheduled."""
    counting = ScheduleCounter()
    with patch.object(lifecycle_module, "async_track_point_in_utc_time", counting):
        yield counting


OPERATIONS: list[tuple[str, dict[str, Any]]] = [
    ("start", {}),
    ("start", {"phase": "short_break"}),
    ("start", {"duration": {"minutes": 3}}),
    ("start", {"phase": "focus", "restart": True}),
    ("pause", {}),
    ("resume", {}),
    ("toggle", {}),
    ("skip", {}),
    ("extend", {"minutes": 2}),
    ("stop", {}),
]


@pytest.mark.parametrize("seed", range(8))
async def test_never_more_than_one_scheduled_end(
    hass: HomeAssistant,
    counter: ScheduleCounter,
    mock_config_entry: MockConfigEntry,
    freezer: Any,
    advance: Advance,
    seed: int,
) -> None:
    freezer.move_to("2026-11-26 09:00:00+00:00")
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    rng = random.Random(seed)
    for _ in range(60):
        service, data = rng.choice(OPERATIONS)
        with contextlib.suppress(ServiceValidationError):
            await hass.services.async_call(DOMAIN, service, data, blocking=True)
        await advance(timedelta(minutes=rng.choice([0, 1, 4, 7, 20, 90])))
        assert len(counter.pending) <= 1
        status = hass.states.get("sensor.study_status")
        assert status is not None
        if status.state == "running":
            assert len(counter.pending) == 1
        if status.state == "paused":
            assert counter.pending == set()


async def test_a_paused_timer_has_nothing_scheduled(
    hass: HomeAssistant, counter: ScheduleCounter, init_integration: MockConfigEntry
) -> None:
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    assert len(counter.pending) == 1
    await hass.services.async_call(DOMAIN, "pause", {}, blocking=True)
    assert counter.pending == set()
    await hass.config_entries.async_unload(init_integration.entry_id)
    assert counter.pending == set()
