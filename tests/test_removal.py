"""Deleting a timer gives back each thing it held on its own: one broken part stops no other."""

from __future__ import annotations

from typing import Any

from homeassistant.components.light import ATTR_BRIGHTNESS, ColorMode
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from .conftest import TIMER_KEY, async_set_up, store
from .lighting.bench import BenchLight

SOUND_KEY = f"{TIMER_KEY}.ambience"
LIGHTS_KEY = f"{TIMER_KEY}.lights"


@pytest.fixture
async def lamp(hass: HomeAssistant) -> BenchLight:
    """Set up light.desk: a dimmable lamp, on at brightness 200."""
    desk = BenchLight("desk", {ColorMode.BRIGHTNESS}, on=True, brightness=200)
    setup_test_component_platform(hass, "light", [desk])
    assert await async_setup_component(hass, "light", {"light": [{"platform": "test"}]})
    await hass.async_block_till_done()
    return desk


@pytest.fixture
def mock_config_entry(lamp: BenchLight) -> MockConfigEntry:
    """The Study timer dims light.desk for focus."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={
            **DEFAULT_OPTIONS,
            "light_entities": ["light.desk"],
            "light_focus_brightness": 30,
            "light_transition": 0,
        },
        entry_id="study_entry",
    )


def brightness(hass: HomeAssistant) -> int:
    """Return light.desk's brightness."""
    desk = hass.states.get("light.desk")
    assert desk is not None
    return int(desk.attributes[ATTR_BRIGHTNESS])


async def test_deleting_a_timer_with_a_damaged_sound_store_gives_its_lights_back(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    freezer: Any,
) -> None:
    """Finding 5: the players' give-back fails, the lights, stores and issues still go."""
    await async_set_up(hass, mock_config_entry, freezer)
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await hass.async_block_till_done()
    assert brightness(hass) == 76  # 30 %
    # The sound store names a player without the state it had (hand-edited, or damaged).
    store(hass_storage, SOUND_KEY, {"players": {"media_player.kitchen": {"volume": 0.3}}})
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"player_{mock_config_entry.entry_id}_media_player.kitchen",
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key="player_unavailable",
    )

    await hass.config_entries.async_remove(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert brightness(hass) == 200, "the lamp is given back"
    assert TIMER_KEY not in hass_storage
    assert SOUND_KEY not in hass_storage
    assert LIGHTS_KEY not in hass_storage
    assert [issue_id for domain, issue_id in issue_registry.issues if domain == DOMAIN] == []


async def test_deleting_a_timer_whose_lights_cannot_be_given_back_still_deletes_its_session(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    lamp: BenchLight,
    freezer: Any,
) -> None:
    await async_set_up(hass, mock_config_entry, freezer)
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await hass.async_block_till_done()

    async def broken(**kwargs: Any) -> None:
        raise RuntimeError("the bulb does not answer")

    lamp.async_turn_on = broken  # type: ignore[method-assign]
    await hass.config_entries.async_remove(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert TIMER_KEY not in hass_storage
    assert LIGHTS_KEY not in hass_storage
