"""A timer that is unloaded, reloaded or fails to set up leaves nothing running behind it."""

from __future__ import annotations

import asyncio
from copy import deepcopy
from datetime import timedelta
from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN

from .conftest import NOW, TIMER_KEY, Advance, state, store_focus


async def test_a_reload_while_a_start_is_saving_leaves_no_old_timer_behind(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    """Finding 1: the old instance must not reschedule and later save over the new one."""
    writing, release = asyncio.Event(), asyncio.Event()
    write = Store._async_write_data

    async def slow_write(store: Store[Any], *args: Any) -> None:
        if store.key == TIMER_KEY and not release.is_set():
            writing.set()
            await release.wait()
        await write(store, *args)

    with patch.object(Store, "_async_write_data", slow_write):
        start = hass.async_create_task(hass.services.async_call(DOMAIN, "start", {}, blocking=True))
        await writing.wait()
        # An options change reloads the entry while the start is still being saved.
        reload = hass.async_create_task(hass.config_entries.async_reload(init_integration.entry_id))
        for _ in range(5):
            await asyncio.sleep(0)
        release.set()
        await start
        assert await reload
        await hass.async_block_till_done()

    # The new instance carries on with the block that was started, and the person stops it.
    assert state(hass, "sensor.study_phase") == "focus"
    await hass.services.async_call(DOMAIN, "stop", {}, blocking=True)
    await advance(timedelta(minutes=30))
    assert hass_storage[TIMER_KEY]["data"]["session"]["phase"] == "idle"

    # After the next restart the timer is where the person left it: no phantom block.
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert state(hass, "sensor.study_phase") == "idle"
    assert state(hass, "sensor.study_status") == "idle"
    assert state(hass, "sensor.study_focus_blocks_today") == "0"


async def test_a_failed_set_up_leaves_nothing_scheduled(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: Any,
    advance: Advance,
) -> None:
    """Finding 4: the deadline and the midnight callback go when a later step fails."""
    store_focus(hass_storage, NOW - timedelta(minutes=10))
    with patch(
        "custom_components.tomatoes.async_get_library",
        side_effect=RuntimeError("the library could not be set up"),
    ):
        freezer.move_to(NOW)
        mock_config_entry.add_to_hass(hass)
        assert not await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    stored = deepcopy(hass_storage[TIMER_KEY])

    # The block's end and the next midnight pass: nothing of the failed timer runs or saves.
    await advance(timedelta(minutes=20))
    await advance(timedelta(hours=24))
    assert hass_storage[TIMER_KEY] == stored
    # (and the test harness finds no timer callback left scheduled when the test ends)


@pytest.mark.usefixtures("init_integration")
async def test_an_unloaded_timer_announces_and_saves_nothing(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    timer = init_integration.runtime_data.timer
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    stored = deepcopy(hass_storage[TIMER_KEY])
    await advance(timedelta(minutes=30))
    await timer.async_stop()
    assert hass_storage[TIMER_KEY] == stored
    assert state(hass, "sensor.study_phase") == "unavailable"
