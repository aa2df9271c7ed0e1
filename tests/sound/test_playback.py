"""Playback during focus: the calls made on the players, in order, and what they get back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN

from ..conftest import Advance
from .conftest import AMBIENCE_KEY, BASE_URL, DESK, KITCHEN, Call, Players

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
    await hass.async_block_till_done()


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
    assert players.volumes(DESK) == [
        0.0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36, 0.4
    ]
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
