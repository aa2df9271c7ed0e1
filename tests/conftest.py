"""Fixtures shared by the Tomatoes tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

# Imported first so that our package, not Home Assistant's test one, provides
# custom_components.tomatoes.
from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

START = "2026-11-26 09:00:00+00:00"

type Advance = Callable[[timedelta], Awaitable[None]]


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom_components/tomatoes in every test."""


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return the entry of a timer called Study with the Classic preset."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={CONF_NAME: "Study"},
        options=dict(DEFAULT_OPTIONS),
        entry_id="study_entry",
    )


@pytest.fixture
async def init_integration(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Set up the Study timer at a fixed instant and return its entry."""
    freezer.move_to(START)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
def advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Advance:
    """Return a function that moves the clock and runs whatever became due."""

    async def _advance(delta: timedelta) -> None:
        freezer.tick(delta)
        async_fire_time_changed(hass)
        await hass.async_block_till_done()

    return _advance
