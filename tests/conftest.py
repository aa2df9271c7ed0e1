"""Fixtures shared by the Tomatoes tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

# Imported first so that our package, not Home Assistant's test one, provides
# custom_components.tomatoes.
from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.engine import Session, Settings

START = "2026-11-26 09:00:00+00:00"
NOW = datetime.fromisoformat(START)
TIMER_KEY = f"{DOMAIN}.study_entry"

type Advance = Callable[[timedelta], Awaitable[None]]


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom_components/tomatoes in every test."""


@pytest.fixture
def hass_config_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Give each test's Home Assistant a config folder of its own.

    Setting up Tomatoes copies its blueprints into the config folder; the plugin's
    default folder lies inside the installed test package.
    """
    return str(tmp_path_factory.mktemp("config"))


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


def store(hass_storage: dict[str, Any], key: str, data: dict[str, Any]) -> None:
    """Put data into storage as the previous run of Home Assistant left it."""
    hass_storage[key] = {"version": 1, "minor_version": 1, "key": key, "data": data}


def store_session(hass_storage: dict[str, Any], session: Session) -> None:
    """Store the Study timer's session as the previous run left it."""
    store(hass_storage, TIMER_KEY, {"session": session.to_dict()})


def store_focus(hass_storage: dict[str, Any], started: datetime) -> None:
    """Store a Study timer whose Classic focus block started at ``started``."""
    session = Session(Settings())
    session.start(started)
    store_session(hass_storage, session)


async def async_set_up(
    hass: HomeAssistant, entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """Add a timer's entry and set it up at START."""
    freezer.move_to(START)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


def state(hass: HomeAssistant, entity_id: str) -> str:
    """Return the state of an entity, which must exist."""
    current = hass.states.get(entity_id)
    assert current is not None, entity_id
    return current.state


@pytest.fixture
async def init_integration(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Set up the Study timer at a fixed instant and return its entry."""
    await async_set_up(hass, mock_config_entry, freezer)
    return mock_config_entry


@pytest.fixture
def advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Advance:
    """Return a function that moves the clock and runs whatever became due."""

    async def _advance(delta: timedelta) -> None:
        freezer.tick(delta)
        async_fire_time_changed(hass)
        await hass.async_block_till_done()

    return _advance
