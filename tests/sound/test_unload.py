"""Unload and delete: nothing of a timer's sound runs afterwards, and a deleted one gives back."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.light import ColorMode
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.sound import async_give_back_removed, removed
from custom_components.tomatoes.toolkit.store import VersionedStore
from tests.conftest import TIMER_KEY, Advance, async_set_up, store
from tests.lighting.bench import BenchLight

from .conftest import AMBIENCE_KEY, BASE_URL, DESK, KITCHEN, SOUND_OPTIONS, Players
from .test_playback import finish_fade_in, reload_with, start_focus
from .test_restart import snapshot

KITCHEN_ISSUE = "player_study_entry_media_player.kitchen"
OUR_URL = f"{BASE_URL}/api/tomatoes/sound/bundled/brown_noise.flac?authSig=old"


async def late_answer_while(
    hass: HomeAssistant, players: Players, finish: asyncio.Future[Any]
) -> None:
    """Let the desk answer its play call only once ``finish`` (an unload or delete) is under way."""
    for _ in range(20):
        await asyncio.sleep(0)
    players.holds[DESK, "play_media"].set()
    await finish
    await hass.async_block_till_done()


async def test_a_late_answer_while_unloading_drives_no_player_afterwards(
    hass: HomeAssistant,
    players: Players,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    players.hold(DESK, "play_media")
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await players.waiting.wait()
    unload = hass.async_create_task(hass.config_entries.async_unload(init_integration.entry_id))
    await late_answer_while(hass, players, unload)
    assert unload.result() is True
    players.clear()
    await advance(timedelta(seconds=30))  # no fade step
    players.set_state(DESK, "idle")  # the desk stops by itself: no one restarts it
    players.set_state(KITCHEN, "idle")
    await hass.async_block_till_done()
    await advance(timedelta(minutes=30))
    assert players.calls == []


async def test_a_deleted_timer_gives_the_volume_back_despite_a_late_answer(
    hass: HomeAssistant,
    players: Players,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    advance: Advance,
) -> None:
    players.hold(DESK, "play_media")
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await players.waiting.wait()
    remove = hass.async_create_task(hass.config_entries.async_remove(init_integration.entry_id))
    await late_answer_while(hass, players, remove)
    await advance(timedelta(seconds=30))
    players.set_state(DESK, "idle")
    await hass.async_block_till_done()
    await advance(timedelta(minutes=30))
    for player, volume in ((DESK, 0.5), (KITCHEN, 0.2)):
        assert hass.states.get(player).attributes["volume_level"] == volume
        assert hass.states.get(player).state == "idle"
    assert AMBIENCE_KEY not in hass_storage
    players.clear()
    await advance(timedelta(minutes=30))
    assert players.calls == []


@pytest.fixture
async def desk_lamp(hass: HomeAssistant) -> BenchLight:
    """Set up one real light, on at full brightness."""
    lamp = BenchLight("desk_lamp", {ColorMode.BRIGHTNESS}, on=True, brightness=255)
    setup_test_component_platform(hass, "light", [lamp])
    assert await async_setup_component(hass, "light", {"light": {"platform": "test"}})
    await hass.async_block_till_done()
    return lamp


async def test_deleting_a_timer_with_a_damaged_sound_store_gives_back_the_rest(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    players: Players,
    desk_lamp: BenchLight,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    advance: Advance,
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={
            **DEFAULT_OPTIONS,
            **SOUND_OPTIONS,
            "light_entities": ["light.desk_lamp"],
            "light_focus_brightness": 30,
            "light_transition": 0,
        },
        entry_id="study_entry",
    )
    await async_set_up(hass, entry, freezer)
    await start_focus(hass)
    await finish_fade_in(advance)
    assert hass.states.get("light.desk_lamp").attributes["brightness"] == 76
    assert await hass.config_entries.async_unload(entry.entry_id)
    # While Home Assistant is down, a hand edit damages the sound's file.
    sound = hass_storage[AMBIENCE_KEY]["data"]
    sound["players"][KITCHEN] = "garbage"
    sound["pending"] = {"media_player.gone": {"volume": "loud"}}

    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()

    assert hass.states.get(DESK).attributes["volume_level"] == 0.5
    assert hass.states.get("light.desk_lamp").attributes["brightness"] == 255
    assert TIMER_KEY not in hass_storage
    assert AMBIENCE_KEY not in hass_storage
    assert [issue for (domain, issue) in issue_registry.issues if domain == DOMAIN] == []


async def test_giving_back_a_deleted_timers_damaged_store_never_raises(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    players: Players,
    issue_registry: ir.IssueRegistry,
) -> None:
    store(
        hass_storage,
        AMBIENCE_KEY,
        {
            "program": "break",
            "fade": {"start": "not a date"},
            "players": {DESK: {**snapshot(0.5, "off"), "repeat": 3}, KITCHEN: snapshot(0.2, "all")},
            "pending": ["media_player.lounge"],
        },
    )
    players.add(DESK, "playing", volume=0.4, media_content_id=OUR_URL)
    players.add(KITCHEN, "playing", volume=0.4, media_content_id=OUR_URL)
    players.failing.add(KITCHEN)
    await async_give_back_removed(hass, "study_entry", "Study")
    assert players.of(DESK) == [("media_stop", {}), ("volume_set", {"volume_level": 0.5})]
    assert AMBIENCE_KEY not in hass_storage
    assert [issue for (domain, issue) in issue_registry.issues if domain == DOMAIN] == []
    # Nothing stored at all is nothing to give back.
    await async_give_back_removed(hass, "study_entry", "Study")


async def test_a_player_issue_from_before_a_reload_clears_when_the_player_works(
    hass: HomeAssistant,
    players: Players,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    advance: Advance,
) -> None:
    players.failing.add(KITCHEN)
    await start_focus(hass)
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is not None
    players.failing.clear()  # the kitchen works again, and the timer is reloaded
    await reload_with(hass, init_integration)
    await finish_fade_in(advance)
    assert hass.states.get(KITCHEN).state == "playing"
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None


async def test_issues_of_players_no_longer_chosen_go(
    hass: HomeAssistant,
    players: Players,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    advance: Advance,
) -> None:
    players.failing.add(KITCHEN)
    await start_focus(hass)
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is not None
    await reload_with(hass, init_integration, sound_players=[DESK])
    await advance(timedelta(seconds=1))
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None
    assert hass.states.get("sensor.study_sound_status").state == "playing"


async def test_a_player_that_comes_back_while_nothing_plays_has_no_issue_left(
    hass: HomeAssistant,
    players: Players,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    advance: Advance,
) -> None:
    players.add(KITCHEN, "unavailable")
    await start_focus(hass)
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is not None
    await hass.services.async_call(DOMAIN, "stop", {}, blocking=True)
    await advance(timedelta(seconds=5))
    players.set_state(KITCHEN, "idle")
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None


async def test_each_player_of_a_deleted_timer_is_given_back_on_its_own(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    players: Players,
    caplog: pytest.LogCaptureFixture,
) -> None:
    store(
        hass_storage,
        AMBIENCE_KEY,
        {
            "program": "focus",
            "players": {KITCHEN: snapshot(0.2, "all"), DESK: snapshot(0.5, "off")},
        },
    )
    players.add(DESK, "playing", volume=0.4, media_content_id=OUR_URL)
    real = removed.async_give_back

    async def give_back(hass: HomeAssistant, calls: Any, entity_id: str, *args: Any) -> None:
        if entity_id == KITCHEN:
            raise RuntimeError("the kitchen's integration broke")
        await real(hass, calls, entity_id, *args)

    with (
        patch.object(removed, "async_give_back", give_back),
        patch.object(VersionedStore, "async_remove", side_effect=OSError("read-only")),
    ):
        await async_give_back_removed(hass, "study_entry", "Study")
    assert hass.states.get(DESK).attributes["volume_level"] == 0.5
    assert "media_player.kitchen could not be given back" in caplog.text
    assert "the sound's data could not be deleted" in caplog.text
    with patch.object(VersionedStore, "async_load", side_effect=RuntimeError("no disk")):
        await async_give_back_removed(hass, "study_entry", "Study")
    assert "nothing to give back" in caplog.text
