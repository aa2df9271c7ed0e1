"""Playback during focus: the calls made on the players, in order, and what they get back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest.mock import patch

from homeassistant.components.media_player.const import MediaPlayerEntityFeature as F
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.network import NoURLAvailableError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from tests.conftest import Advance

from .conftest import AMBIENCE_KEY, BASE_URL, DESK, KITCHEN, PLAYER_FEATURES, Call, Players

pytestmark = pytest.mark.usefixtures("init_integration")

BROWN = "/api/tomatoes/sound/bundled/brown_noise.flac"


async def timer_action(hass: HomeAssistant, action: str, **data: Any) -> None:
    """Call a Tomatoes action and let what it sets off on the players run."""
    await hass.services.async_call(DOMAIN, action, data, blocking=True)
    await hass.async_block_till_done()


async def reload_with(hass: HomeAssistant, entry: MockConfigEntry, **changes: Any) -> None:
    """Change options and reload the timer, as the options flow does."""
    hass.config_entries.async_update_entry(entry, options={**entry.options, **changes})
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)


async def start_focus(hass: HomeAssistant) -> None:
    """Start a focus block and let the players' calls run."""
    await timer_action(hass, "start")


async def test_focus_start_snapshots_then_fades_in_and_plays(
    hass: HomeAssistant, players: Players, hass_storage: dict[str, Any], advance: Advance
) -> None:
    saved_before_first_call: list[dict[str, Any]] = []

    def check_storage(call: Call) -> None:
        if not saved_before_first_call:
            saved_before_first_call.append(hass_storage[AMBIENCE_KEY]["data"])

    players.on_call = check_storage
    await start_focus(hass)

    # The snapshot was in storage before anything was asked of a player.
    snapshot = saved_before_first_call[0]
    assert snapshot["program"] == "focus"
    assert snapshot["players"][DESK]["volume"] == 0.5
    assert snapshot["players"][KITCHEN]["volume"] == 0.2
    assert snapshot["players"][KITCHEN]["repeat"] == "all"

    desk = players.of(DESK)
    assert [service for service, _ in desk] == ["volume_set", "play_media", "repeat_set"]
    assert desk[0][1] == {"volume_level": 0.0}
    media_id = desk[1][1]["media_content_id"]
    assert media_id.startswith(f"{BASE_URL}{BROWN}?authSig=")
    assert desk[1][1]["media_content_type"] == "music"
    assert desk[2][1] == {"repeat": "one"}
    assert [service for service, _ in players.of(KITCHEN)] == [
        "volume_set",
        "play_media",
        "repeat_set",
    ]
    assert hass.states.get(DESK).state == "playing"

    # Fade in: ten steps, one a second, up to the focus volume (40 %).
    for _ in range(10):
        await advance(timedelta(seconds=1))
    assert players.volumes(DESK) == [0.0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36, 0.4]
    await advance(timedelta(minutes=5))
    assert len(players.volumes(DESK)) == 11  # no more steps once the fade is done


async def finish_fade_in(advance: Advance) -> None:
    """Let the ten-second fade in run to its end."""
    await advance(timedelta(seconds=10))


async def test_block_end_fades_out_stops_and_restores(
    hass: HomeAssistant, players: Players, hass_storage: dict[str, Any], advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.clear()
    await advance(timedelta(minutes=25) - timedelta(seconds=10))  # the block ends
    assert hass.states.get("sensor.study_phase").state == "short_break"
    for _ in range(5):
        await advance(timedelta(seconds=1))

    assert players.of(DESK) == [
        ("volume_set", {"volume_level": 0.32}),
        ("volume_set", {"volume_level": 0.24}),
        ("volume_set", {"volume_level": 0.16}),
        ("volume_set", {"volume_level": 0.08}),
        ("volume_set", {"volume_level": 0.0}),
        ("media_stop", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]
    assert players.of(KITCHEN)[-3:] == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "all"}),
        ("volume_set", {"volume_level": 0.2}),
    ]
    assert hass.states.get(DESK).state == "idle"
    assert hass.states.get(DESK).attributes["volume_level"] == 0.5
    assert hass_storage[AMBIENCE_KEY]["data"]["program"] is None
    assert hass_storage[AMBIENCE_KEY]["data"]["players"] == {}
    players.clear()
    await advance(timedelta(minutes=10))
    assert players.calls == []


async def test_late_fade_steps_catch_up_instead_of_stretching(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await advance(timedelta(seconds=3.5))  # three steps were due; one runs, at 3.5 s
    await advance(timedelta(seconds=10))  # the fade's end has passed: straight to the end
    assert players.volumes(DESK) == [0.0, 0.14, 0.4]


async def test_stop_gives_players_back_and_a_player_that_was_off_is_turned_off(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    players.add(KITCHEN, "off", volume=0.3, repeat=None)
    await start_focus(hass)
    assert [service for service, _ in players.of(KITCHEN)][:3] == [
        "turn_on",
        "volume_set",
        "play_media",
    ]
    assert "repeat_set" in [service for service, _ in players.of(KITCHEN)]
    await finish_fade_in(advance)
    players.clear()
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert players.of(KITCHEN)[-3:] == [
        ("media_stop", {}),
        ("volume_set", {"volume_level": 0.3}),
        ("turn_off", {}),
    ]
    assert hass.states.get(KITCHEN).state == "off"


async def test_what_a_player_was_playing_is_given_back(
    hass: HomeAssistant, players: Players, advance: Advance, init_integration: MockConfigEntry
) -> None:
    await reload_with(hass, init_integration, sound_take_over=True)
    players.add(
        DESK,
        "playing",
        media_content_id="spotify:playlist:focus",
        media_content_type="playlist",
    )
    await start_focus(hass)
    await finish_fade_in(advance)
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert players.of(DESK)[-1] == (
        "play_media",
        {"media_content_id": "spotify:playlist:focus", "media_content_type": "playlist"},
    )


async def test_a_busy_player_is_left_alone_unless_taking_over_is_allowed(
    hass: HomeAssistant, players: Players, advance: Advance, caplog: pytest.LogCaptureFixture
) -> None:
    players.add(DESK, "playing", media_content_id="radio", media_content_type="music")
    await start_focus(hass)
    assert players.of(DESK) == []
    assert [service for service, _ in players.of(KITCHEN)][:2] == ["volume_set", "play_media"]
    assert "media_player.desk is busy; left alone" in caplog.text
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert players.of(DESK) == []


OCEAN = "/api/tomatoes/sound/bundled/ocean.flac"


async def test_break_sound_follows_the_focus_sound_then_players_are_given_back(
    hass: HomeAssistant, players: Players, advance: Advance, init_integration: MockConfigEntry
) -> None:
    await reload_with(hass, init_integration, sound_on_break="sound")
    await start_focus(hass)
    await finish_fade_in(advance)
    players.clear()
    await advance(timedelta(minutes=25) - timedelta(seconds=10))  # focus ends, break starts
    for _ in range(5):
        await advance(timedelta(seconds=1))  # fade out
    desk = players.of(DESK)
    assert [service for service, _ in desk] == ["volume_set"] * 5 + [
        "volume_set",
        "play_media",
        "repeat_set",
    ]
    assert desk[5] == ("volume_set", {"volume_level": 0.0})
    assert OCEAN in desk[6][1]["media_content_id"]
    players.clear()
    await finish_fade_in(advance)
    # The ocean loop carries +1.48 dB of ReplayGain: 40 % becomes 47.4 %.
    assert players.volumes(DESK)[-1] == 0.474
    players.clear()
    await advance(timedelta(minutes=5) - timedelta(seconds=15))  # the break ends
    await advance(timedelta(seconds=5))
    assert players.of(DESK)[-3:] == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]


async def test_breaks_can_pause_the_players_instead(
    hass: HomeAssistant, players: Players, advance: Advance, init_integration: MockConfigEntry
) -> None:
    await reload_with(hass, init_integration, sound_on_break="pause", sound_fade_out=0)
    await start_focus(hass)
    await finish_fade_in(advance)
    players.clear()
    await advance(timedelta(minutes=25))
    assert players.of(DESK) == [
        ("media_pause", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]
    assert hass.states.get(DESK).state == "paused"


async def test_pausing_the_timer_gives_players_back_and_resuming_takes_them_again(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    await timer_action(hass, "pause")
    await advance(timedelta(seconds=5))
    assert hass.states.get(DESK).state == "idle"
    assert hass.states.get(DESK).attributes["volume_level"] == 0.5
    players.clear()
    await timer_action(hass, "resume")
    assert [service for service, _ in players.of(DESK)] == [
        "volume_set",
        "play_media",
        "repeat_set",
    ]


async def test_focus_coming_back_during_the_fade_out_fades_back_in(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    await timer_action(hass, "pause")
    await advance(timedelta(seconds=2))  # 0.4 -> 0.24
    players.clear()
    await timer_action(hass, "resume")
    await advance(timedelta(seconds=10))
    desk = players.of(DESK)
    assert "media_stop" not in [service for service, _ in desk]
    assert "play_media" not in [service for service, _ in desk]
    assert players.volumes(DESK)[-1] == 0.4
    assert players.volumes(DESK)[0] > 0.24


async def test_a_player_that_stops_mid_block_plays_again(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.clear()
    players.set_state(DESK, "idle")  # the device stopped by itself (a network glitch, say)
    await hass.async_block_till_done()
    desk = players.of(DESK)
    assert [service for service, _ in desk] == ["volume_set", "play_media", "repeat_set"]
    assert desk[0][1] == {"volume_level": 0.4}
    assert players.of(KITCHEN) == []


async def test_a_player_a_person_stopped_is_left_alone(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.clear()
    players.set_state(DESK, "idle", Context(user_id="person"))
    await hass.async_block_till_done()
    assert players.of(DESK) == []
    await advance(timedelta(minutes=25))
    await advance(timedelta(seconds=5))
    # Only the repeat mode and the volume, which nobody changed since, are put back; the
    # player is not stopped.
    assert players.of(DESK) == [
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]


async def test_a_player_a_person_turns_off_while_the_sound_fades_out_stays_off(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    await timer_action(hass, "stop")  # a five second fade out begins
    await advance(timedelta(seconds=2))
    players.set_state(DESK, "off", Context(user_id="person"))
    await hass.async_block_till_done()
    await advance(timedelta(seconds=3))
    desk = players.players[DESK]
    assert desk.state == "off"
    assert desk.volume_level == 0.5


async def test_a_player_a_person_turned_off_gets_its_volume_and_repeat_mode_back(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.set_state(KITCHEN, "off", Context(user_id="person"))  # its state hides the volume
    await hass.async_block_till_done()
    await advance(timedelta(minutes=25))
    await advance(timedelta(seconds=5))
    kitchen = players.players[KITCHEN]
    assert kitchen.state == "off"
    assert kitchen.volume_level == 0.2
    assert kitchen.repeat == "all"


async def test_a_person_playing_something_else_takes_the_player(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    desk = players.players[DESK]
    desk._attr_media_content_id = "spotify:album:1"
    players.set_state(DESK, "playing", Context(user_id="person"))
    await hass.async_block_till_done()
    players.clear()
    await advance(timedelta(minutes=25))
    await advance(timedelta(seconds=5))
    # Not stopped: the person's music plays on; what Tomatoes set is put back.
    assert ("media_stop", {}) not in players.of(DESK)
    assert desk.state == "playing"
    assert desk.media_content_id == "spotify:album:1"
    assert desk.volume_level == 0.5
    assert desk.repeat == "off"


async def test_a_player_that_keeps_stopping_is_reported_not_restarted_forever(
    hass: HomeAssistant, players: Players, advance: Advance, issue_registry: ir.IssueRegistry
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    for _ in range(6):
        players.set_state(DESK, "idle")
        await hass.async_block_till_done()
    # The first stop (after ten seconds of sound) and two quick stops after it are played
    # through; the third quick stop in a row makes the player count as failing.
    plays = [service for service, _ in players.of(DESK)].count("play_media")
    assert plays == 1 + 3
    issue = issue_registry.async_get_issue(DOMAIN, "player_study_entry_media_player.desk")
    assert issue is not None
    assert hass.states.get("sensor.study_phase").state == "focus"


async def test_changing_the_sound_and_the_volume_applies_at_once(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    players.clear()
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.study_sound", "option": "Rain"},
        blocking=True,
    )
    desk = players.of(DESK)
    assert [service for service, _ in desk] == ["volume_set", "play_media", "repeat_set"]
    assert "/api/tomatoes/sound/bundled/rain.flac?authSig=" in desk[1][1]["media_content_id"]
    assert hass.states.get("select.study_sound").state == "Rain"
    players.clear()
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.study_sound_volume", "value": 25},
        blocking=True,
    )
    assert players.of(DESK) == [("volume_set", {"volume_level": 0.25})]
    assert hass.states.get("number.study_sound_volume").state == "25"


async def test_chimes_are_announced_on_players_that_support_it(
    hass: HomeAssistant, players: Players, advance: Advance, init_integration: MockConfigEntry
) -> None:
    players.add(KITCHEN, features=int(PLAYER_FEATURES | F.MEDIA_ANNOUNCE))
    await reload_with(hass, init_integration, sound_chimes=True)
    await start_focus(hass)
    announced = [data for service, data in players.of(KITCHEN) if data.get("announce")]
    assert len(announced) == 1
    assert (
        "/api/tomatoes/sound/chimes/chime_focus.flac?authSig=" in announced[0]["media_content_id"]
    )
    assert not [data for service, data in players.of(DESK) if data.get("announce")]
    await advance(timedelta(minutes=25))
    announced = [data for service, data in players.of(KITCHEN) if data.get("announce")]
    assert "chime_break.flac" in announced[-1]["media_content_id"]


async def test_a_stream_url_is_played_as_it_is_and_repeated_as_a_queue(
    hass: HomeAssistant, players: Players, init_integration: MockConfigEntry
) -> None:
    await reload_with(hass, init_integration, sound_source="https://radio.example/ambient")
    await start_focus(hass)
    desk = players.of(DESK)
    assert desk[1] == (
        "play_media",
        {"media_content_id": "https://radio.example/ambient", "media_content_type": "music"},
    )
    assert desk[2] == ("repeat_set", {"repeat": "all"})


async def test_without_a_home_assistant_url_players_get_the_media_source_id(
    hass: HomeAssistant, players: Players
) -> None:
    await hass.config.async_update(internal_url=None)
    with patch("custom_components.tomatoes.sound.tracks.get_url", side_effect=NoURLAvailableError):
        await start_focus(hass)
    assert players.of(DESK)[1][1]["media_content_id"] == (
        "media-source://tomatoes/bundled/brown_noise.flac"
    )


async def test_changing_the_players_gives_back_and_takes_during_a_block(
    hass: HomeAssistant, players: Players, advance: Advance, init_integration: MockConfigEntry
) -> None:
    players.add("media_player.lounge")
    await start_focus(hass)
    await finish_fade_in(advance)
    players.clear()
    await reload_with(hass, init_integration, sound_players=[DESK, "media_player.lounge"])
    assert players.of(DESK) == []  # carried on, not taken again
    assert players.of(KITCHEN) == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "all"}),
        ("volume_set", {"volume_level": 0.2}),
    ]
    assert [service for service, _ in players.of("media_player.lounge")] == [
        "volume_set",
        "play_media",
        "repeat_set",
    ]
    assert players.of("media_player.lounge")[0] == ("volume_set", {"volume_level": 0.4})


async def test_a_new_sound_chosen_while_fading_out_plays_when_focus_resumes(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    await start_focus(hass)
    await finish_fade_in(advance)
    await timer_action(hass, "pause")
    await advance(timedelta(seconds=2))
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.study_sound", "option": "Pink noise"},
        blocking=True,
    )
    players.clear()
    await timer_action(hass, "resume")
    desk = players.of(DESK)
    assert [service for service, _ in desk] == ["volume_set", "play_media", "repeat_set"]
    assert desk[0] == ("volume_set", {"volume_level": 0.0})
    assert "pink_noise.flac" in desk[1][1]["media_content_id"]


async def test_a_sound_missing_from_the_library_falls_back_to_the_default(
    hass: HomeAssistant,
    players: Players,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await reload_with(
        hass, init_integration, sound_source="media-source://tomatoes/bundled/gone.flac"
    )
    await start_focus(hass)
    assert BROWN in players.of(DESK)[1][1]["media_content_id"]
    assert caplog.text.count("is not in the library") == 1
