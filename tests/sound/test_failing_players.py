"""Players that are missing, unavailable or failing: the timer and the others go on."""

from __future__ import annotations

from datetime import timedelta
import logging

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.sound.players import CALL_TIMEOUT
from tests.conftest import Advance

from .conftest import DESK, KITCHEN, Players
from .test_playback import finish_fade_in, reload_with, start_focus, timer_action

pytestmark = pytest.mark.usefixtures("init_integration")

KITCHEN_ISSUE = "player_study_entry_media_player.kitchen"


def warnings_about(caplog: pytest.LogCaptureFixture, entity_id: str) -> list[str]:
    """Return the warnings logged about one player."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and entity_id in record.getMessage()
    ]


async def test_an_unavailable_player_is_reported_and_taken_when_it_returns(
    hass: HomeAssistant,
    players: Players,
    advance: Advance,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    players.add(KITCHEN, "unavailable")
    await start_focus(hass)
    assert [service for service, _ in players.of(DESK)][:2] == ["volume_set", "play_media"]
    assert players.of(KITCHEN) == []
    assert hass.states.get("sensor.study_phase").state == "focus"
    issue = issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE)
    assert issue is not None
    assert issue.translation_key == "player_unavailable"
    assert issue.translation_placeholders["name"] == "Kitchen"
    assert issue.translation_placeholders["timer"] == "Study"
    assert len(warnings_about(caplog, KITCHEN)) == 1

    await advance(timedelta(seconds=4))
    players.add(KITCHEN, "idle", volume=0.2)  # back on the network
    await hass.async_block_till_done()
    kitchen = players.of(KITCHEN)
    assert [service for service, _ in kitchen] == ["volume_set", "play_media", "repeat_set"]
    assert kitchen[0] == ("volume_set", {"volume_level": 0.16})  # where the fade is now
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None
    await finish_fade_in(advance)
    assert players.volumes(KITCHEN)[-1] == 0.4
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert hass.states.get(KITCHEN).attributes["volume_level"] == 0.2


async def test_a_failing_player_warns_once_and_the_issue_clears_when_it_works(
    hass: HomeAssistant,
    players: Players,
    advance: Advance,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    players.failing.add(KITCHEN)
    await start_focus(hass)
    for _ in range(3):
        await advance(timedelta(seconds=1))
    assert hass.states.get("sensor.study_phase").state == "focus"
    assert players.volumes(DESK) == [0.0, 0.04, 0.08, 0.12]
    assert len(warnings_about(caplog, KITCHEN)) == 1
    assert "is not answering" in warnings_about(caplog, KITCHEN)[0]
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is not None

    players.failing.clear()
    await advance(timedelta(seconds=1))
    assert players.volumes(KITCHEN) == [0.16]
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None
    assert "media_player.kitchen works again" in caplog.text


async def test_a_player_that_does_not_exist_is_named_in_the_issue(
    hass: HomeAssistant,
    players: Players,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    await reload_with(hass, init_integration, sound_players=[DESK, "media_player.gone"])
    await start_focus(hass)
    issue = issue_registry.async_get_issue(DOMAIN, "player_study_entry_media_player.gone")
    assert issue is not None
    assert issue.translation_key == "player_unavailable"
    assert issue.translation_placeholders["name"] == "media_player.gone"
    assert hass.states.get(DESK).state == "playing"


async def test_a_player_lost_mid_block_plays_again_when_it_returns(
    hass: HomeAssistant, players: Players, advance: Advance, issue_registry: ir.IssueRegistry
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.set_state(KITCHEN, "unavailable")
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is not None
    players.clear()
    players.set_state(KITCHEN, "idle")
    await hass.async_block_till_done()
    assert [service for service, _ in players.of(KITCHEN)] == [
        "volume_set",
        "play_media",
        "repeat_set",
    ]
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None


async def test_a_player_unavailable_at_the_end_is_given_back_when_it_returns(
    hass: HomeAssistant, players: Players, advance: Advance, hass_storage: dict[str, object]
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.set_state(KITCHEN, "unavailable")
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert hass.states.get(DESK).attributes["volume_level"] == 0.5
    stored = hass_storage["tomatoes.study_entry.ambience"]["data"]
    assert list(stored["pending"]) == [KITCHEN]
    players.clear()
    players.set_state(KITCHEN, "playing")
    await hass.async_block_till_done()
    assert players.of(KITCHEN) == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "all"}),
        ("volume_set", {"volume_level": 0.2}),
    ]
    assert hass_storage["tomatoes.study_entry.ambience"]["data"]["pending"] == {}


async def test_a_player_that_does_not_answer_counts_as_failing(
    hass: HomeAssistant,
    players: Players,
    issue_registry: ir.IssueRegistry,
    freezer: FrozenDateTimeFactory,
) -> None:
    for service in ("volume_set", "play_media"):
        players.hold(KITCHEN, service)  # never answers
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    for _ in range(2):  # the volume, then the play call: each waits for its time-out
        await players.waiting.wait()
        players.waiting.clear()
        freezer.tick(timedelta(seconds=CALL_TIMEOUT + 1))  # the loop's clock moves on too
    await hass.async_block_till_done()
    issue = issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE)
    assert issue is not None
    assert issue.translation_key == "player_no_answer"
    assert hass.states.get(DESK).state == "playing"
    assert hass.states.get("sensor.study_phase").state == "focus"


async def test_a_player_whose_give_back_fails_is_given_back_when_it_reports_again(
    hass: HomeAssistant, players: Players, advance: Advance, issue_registry: ir.IssueRegistry
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.failing.add(KITCHEN)
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert hass.states.get(DESK).state == "idle"
    assert hass.states.get(KITCHEN).state == "playing"  # the stop failed
    issue = issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE)
    assert issue is not None
    assert issue.translation_key == "player_call_failed"
    attempts: list[str] = []
    players.on_call = lambda call: attempts.append(call.entity_id)
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.study_sound_volume", "value": 50},
        blocking=True,
    )
    assert KITCHEN not in attempts  # not tried again at every run, only once it reports

    players.failing.clear()
    players.set_state(KITCHEN, "unavailable")  # it reconnects
    players.set_state(KITCHEN, "playing")
    await hass.async_block_till_done()
    kitchen = hass.states.get(KITCHEN)
    assert kitchen.state == "idle"
    assert kitchen.attributes["volume_level"] == 0.2
    assert kitchen.attributes["repeat"] == "all"
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None


async def test_a_player_a_person_took_that_returns_in_the_next_block_is_stopped_at_its_end(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.set_state(KITCHEN, "idle", Context(user_id="person"))  # a person stops it
    players.set_state(KITCHEN, "unavailable")
    await advance(timedelta(minutes=25))  # the block ends while it is away
    await advance(timedelta(minutes=5))
    await start_focus(hass)  # the next block
    players.set_state(KITCHEN, "idle")  # back: taken afresh for this block
    await hass.async_block_till_done()
    assert hass.states.get(KITCHEN).state == "playing"
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    kitchen = hass.states.get(KITCHEN)
    assert kitchen.state == "idle"
    assert kitchen.attributes["volume_level"] == 0.2
    assert kitchen.attributes["repeat"] == "all"


async def test_a_failed_players_issue_goes_when_the_sound_no_longer_needs_it(
    hass: HomeAssistant, players: Players, advance: Advance, issue_registry: ir.IssueRegistry
) -> None:
    players.failing.add(KITCHEN)
    await start_focus(hass)
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is not None
    players.set_state(KITCHEN, "off", Context(user_id="person"))  # a person takes it
    await hass.async_block_till_done()
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    # Nothing is asked of it any more: no issue is left that nothing would ever clear.
    assert issue_registry.async_get_issue(DOMAIN, KITCHEN_ISSUE) is None


async def test_a_person_using_a_player_that_waits_to_be_given_back_keeps_it(
    hass: HomeAssistant,
    players: Players,
    advance: Advance,
    init_integration: MockConfigEntry,
) -> None:
    await reload_with(hass, init_integration, sound_take_over=True)
    players.add(KITCHEN, "playing", volume=0.2, media_content_id="radio:news")
    players.failing.add(KITCHEN)
    await start_focus(hass)
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))  # its give-back fails too: it waits
    players.failing.clear()
    kitchen = players.players[KITCHEN]
    kitchen._attr_volume_level = 0.7  # a person turns the news up in the dashboard
    kitchen.async_set_context(Context(user_id="person"))
    kitchen.async_write_ha_state()
    await hass.async_block_till_done()
    assert hass.states.get(KITCHEN).attributes["volume_level"] == 0.7


async def test_a_player_the_sound_never_reached_is_not_stopped_at_the_end(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    players.add(DESK, "paused", media_content_id="spotify:album:1")  # someone's music, paused
    players.failing.add(DESK)
    await start_focus(hass)  # the desk does not answer: it stays paused
    players.failing.clear()
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert hass.states.get(DESK).state == "paused"
    assert hass.states.get(KITCHEN).state == "idle"
