"""A restart with one of the timer's own modes chosen: nothing of it is lost."""

from __future__ import annotations

from datetime import timedelta

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from ..conftest import Advance, state
from ..sound.bench import Bench
from .test_apply import lamp_level, playing, select_mode, start
from .test_flow import WRITING, add_mode
from .test_stats import SENSOR, by_mode


async def restart(hass: HomeAssistant, entry: MockConfigEntry, advance: Advance) -> None:
    """Stop the timer as Home Assistant does at shutdown, wait a minute, and load it again."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    await advance(timedelta(minutes=1))
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_a_restart_keeps_the_chosen_own_mode_its_block_and_its_figures(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    speaker: Bench,
    advance: Advance,
) -> None:
    await add_mode(hass, init_integration, WRITING)
    await select_mode(hass, "Writing")
    await start(hass)  # 40 minutes, until 09:40
    await advance(timedelta(minutes=10))

    await restart(hass, init_integration, advance)

    mode = hass.states.get("select.study_mode")
    assert mode.state == "Writing"
    assert mode.attributes["modified"] is False
    assert mode.attributes["options"] == ["classic", "deep_focus", "sprint", "Writing"]
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:40:00+00:00"
    assert playing(speaker) == ("stream.flac", 0.2)
    assert lamp_level(hass) == (153, 3500)
    await advance(timedelta(minutes=29))
    assert by_mode(hass) == {"Writing": {"blocks": 1, "minutes": 40.0}}
    assert state(hass, SENSOR) == "40.0"
    assert state(hass, "sensor.study_phase") == "short_break"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:48:00+00:00"


async def test_a_renamed_own_mode_keeps_its_figures(
    hass: HomeAssistant, init_integration: MockConfigEntry, advance: Advance
) -> None:
    await add_mode(hass, init_integration, WRITING)
    await select_mode(hass, "Writing")
    await start(hass)
    await advance(timedelta(minutes=40))
    (writing,) = init_integration.subentries.values()
    hass.config_entries.async_update_subentry(init_integration, writing, title="Essays")
    await hass.async_block_till_done()
    await restart(hass, init_integration, advance)
    assert state(hass, "select.study_mode") == "Essays"
    assert by_mode(hass) == {"Essays": {"blocks": 1, "minutes": 40.0}}
