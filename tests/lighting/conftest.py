"""Fixtures of the focus lighting tests: a room of real lights, a light group and an area."""

from __future__ import annotations

from typing import Any

from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import Event, HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from .bench import BenchLight, async_set_up_room

# Chosen: three single lights, an on/off light, a light that is off, the shelf group, and
# the study area (which holds the reading light). Transition of 5 seconds.
LIGHT_OPTIONS: dict[str, Any] = {
    "light_entities": [
        "light.desk",
        "light.ceiling",
        "light.strip",
        "light.fan_light",
        "light.floor_lamp",
        "light.shelf",
    ],
    "light_areas": ["study_room"],
    "light_focus_brightness": 30,
    "light_transition": 5,
    "light_break_mode": "restore",
    "light_break_brightness": 70,
    "light_turn_on": False,
}

FOCUS_BRIGHTNESS = 76  # 30 % of 255, as light.turn_on rounds it


@pytest.fixture
def light_changes() -> dict[str, Any]:
    """Return changes to the default lighting options (tests parametrize this)."""
    return {}


@pytest.fixture
def light_options(light_changes: dict[str, Any]) -> dict[str, Any]:
    """Return the lighting options of the Study timer."""
    return {**LIGHT_OPTIONS, **light_changes}


@pytest.fixture
async def bench(hass: HomeAssistant) -> dict[str, BenchLight]:
    """Set up the room's lights, the shelf light group and the study area."""
    return await async_set_up_room(hass)


@pytest.fixture
def mock_config_entry(
    bench: dict[str, BenchLight], light_options: dict[str, Any]
) -> MockConfigEntry:
    """Return the Study timer with focus lighting (after the lights exist)."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={**DEFAULT_OPTIONS, **light_options},
        entry_id="study_entry",
    )


@pytest.fixture
def service_events(hass: HomeAssistant) -> list[Event[Any]]:
    """Capture every action call from now on."""
    return async_capture_events(hass, EVENT_CALL_SERVICE)
