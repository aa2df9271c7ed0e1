"""Today's focus per mode: blocks and minutes go to the mode their block started in."""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.modes.stats import parse_tally
from custom_components.tomatoes.toolkit.store import DamagedDataError

from ..conftest import Advance, async_set_up, state
from .test_apply import select_mode, start

SENSOR = "sensor.study_focus_time_today_in_this_mode"
STATS_KEY = f"{DOMAIN}.study_entry.modes"


def by_mode(hass: HomeAssistant) -> dict[str, dict[str, float]]:
    """Return today's blocks and minutes per mode, as the sensor shows them."""
    current = hass.states.get(SENSOR)
    assert current is not None
    modes: dict[str, dict[str, float]] = current.attributes["modes"]
    return modes


async def test_blocks_and_minutes_go_to_the_mode_their_block_started_in(
    hass: HomeAssistant, init_integration: MockConfigEntry, advance: Advance
) -> None:
    assert (state(hass, SENSOR), by_mode(hass)) == ("0.0", {})
    await start(hass)  # Classic, 25 minutes
    await advance(timedelta(minutes=10))
    await select_mode(hass, "sprint")  # the running block stays Classic's
    await advance(timedelta(minutes=15))  # done at 09:25; Sprint's 3-minute break
    assert by_mode(hass) == {"classic": {"blocks": 1, "minutes": 25.0}}
    assert state(hass, SENSOR) == "0.0"  # nothing in Sprint yet
    await advance(timedelta(minutes=3))
    await start(hass)  # Sprint, 15 minutes
    await advance(timedelta(minutes=6))
    await hass.services.async_call(DOMAIN, "pause", {}, blocking=True)
    assert by_mode(hass)["sprint"] == {"blocks": 0, "minutes": 6.0}
    await hass.services.async_call(DOMAIN, "resume", {}, blocking=True)
    await advance(timedelta(minutes=9))
    assert by_mode(hass) == {
        "classic": {"blocks": 1, "minutes": 25.0},
        "sprint": {"blocks": 1, "minutes": 15.0},
    }
    assert state(hass, SENSOR) == "15.0"
    assert hass.states.get(SENSOR).attributes["mode"] == "sprint"
    # The modes add up to the day's figures.
    assert state(hass, "sensor.study_focus_blocks_today") == "2"
    assert state(hass, "sensor.study_focus_time_today") == "40.0"


async def test_a_block_cut_short_counts_its_minutes_for_its_mode(
    hass: HomeAssistant, init_integration: MockConfigEntry, advance: Advance
) -> None:
    await select_mode(hass, "deep_focus")
    await start(hass)
    await advance(timedelta(minutes=20))
    await start(hass, mode="classic", phase="focus", restart=True)  # replaces the block
    await advance(timedelta(minutes=5))
    await hass.services.async_call(DOMAIN, "stop", {}, blocking=True)
    assert by_mode(hass) == {
        "deep_focus": {"blocks": 0, "minutes": 20.0},
        "classic": {"blocks": 0, "minutes": 5.0},
    }


async def test_a_new_day_starts_at_zero(
    hass: HomeAssistant, init_integration: MockConfigEntry, advance: Advance
) -> None:
    await start(hass)
    await advance(timedelta(minutes=25))
    await hass.services.async_call(DOMAIN, "stop", {}, blocking=True)
    assert by_mode(hass) == {"classic": {"blocks": 1, "minutes": 25.0}}
    await advance(timedelta(days=1))  # past midnight (local time)
    assert (state(hass, SENSOR), by_mode(hass)) == ("0.0", {})


async def test_the_share_out_is_kept_and_what_ended_meanwhile_goes_to_its_mode(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
    hass_storage: dict[str, Any],
) -> None:
    await select_mode(hass, "deep_focus")
    await start(hass)
    await advance(timedelta(minutes=10))
    await hass.config_entries.async_unload(init_integration.entry_id)
    assert hass_storage[STATS_KEY]["data"]["block"] == ["deep_focus", "deep_focus"]
    await advance(timedelta(minutes=50))  # Home Assistant is down; the block ends at 09:50
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert by_mode(hass) == {"deep_focus": {"blocks": 1, "minutes": 50.0}}
    assert state(hass, SENSOR) == "50.0"


async def test_a_damaged_share_out_keeps_what_it_can_and_says_so(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await hass.config_entries.async_unload(init_integration.entry_id)
    hass_storage[STATS_KEY] = {
        "version": 1,
        "minor_version": 1,
        "key": STATS_KEY,
        "data": {
            "day": "2026-11-26",
            "seen": [0, 0.0],
            "block": "classic",
            "modes": {
                "classic": {"name": "classic", "blocks": 2, "seconds": 3000.0},
                "sprint": {"name": "sprint", "blocks": -1, "seconds": 60.0},
            },
        },
    }
    with caplog.at_level(logging.WARNING):
        assert await hass.config_entries.async_setup(init_integration.entry_id)
        await hass.async_block_till_done()
    assert by_mode(hass) == {"classic": {"blocks": 2, "minutes": 50.0}}
    assert issue_registry.async_get_issue(DOMAIN, f"damaged_{STATS_KEY}") is not None
    assert "sprint" in caplog.text


async def test_a_deleted_timer_takes_its_share_out_with_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    advance: Advance,
    hass_storage: dict[str, Any],
) -> None:
    await start(hass)
    await advance(timedelta(minutes=1))
    await hass.config_entries.async_unload(init_integration.entry_id)
    assert STATS_KEY in hass_storage
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert STATS_KEY not in hass_storage


@pytest.mark.parametrize(
    ("raw", "problems"),
    [
        ({"day": None, "seen": [0, 0], "block": None, "modes": {}}, []),
        ({"day": "2026-11-26", "seen": "many", "block": None, "modes": {}}, ["seen:"]),
        ({"day": None, "seen": [1, -2.0], "block": ["a", "A"], "modes": []}, ["seen:", "modes:"]),
        ({"day": None, "seen": [0, 0], "block": ["a"], "modes": {"a": "A"}}, ["block:", "a:"]),
    ],
)
def test_the_stored_share_out_is_checked_field_by_field(
    raw: dict[str, Any], problems: list[str]
) -> None:
    parsed = parse_tally(raw)
    assert [problem.split()[0] for problem in parsed.problems] == problems
    assert parsed.value.modes == {}


def test_stored_data_that_is_no_object_keeps_nothing() -> None:
    with pytest.raises(DamagedDataError):
        parse_tally(["day"])


async def test_figures_that_went_down_are_taken_from_no_mode(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    advance: Advance,
) -> None:
    # The share-out saw more than the timer has (the timer's own store was repaired).
    hass_storage[STATS_KEY] = {
        "version": 1,
        "minor_version": 1,
        "key": STATS_KEY,
        "data": {
            "day": "2026-11-26",
            "seen": [3, 4500.0],
            "block": ["classic", "classic"],
            "modes": {"classic": {"name": "classic", "blocks": 3, "seconds": 4500.0}},
        },
    }
    await async_set_up(hass, mock_config_entry, freezer)
    assert by_mode(hass) == {"classic": {"blocks": 3, "minutes": 75.0}}
    await start(hass)
    await advance(timedelta(minutes=25))
    assert by_mode(hass) == {"classic": {"blocks": 4, "minutes": 100.0}}
