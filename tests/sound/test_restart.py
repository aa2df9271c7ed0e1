"""Restarts during a block: snapshots and playback come back from storage, nothing is lost."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.engine import Session, Settings
from custom_components.tomatoes.sound.fade import Fade
from custom_components.tomatoes.sound.options import DEFAULT_SOUND
from tests.conftest import NOW, TIMER_KEY, Advance, async_set_up, store, store_focus

from .conftest import AMBIENCE_KEY, BASE_URL, DESK, KITCHEN, Players

OUR_URL = f"{BASE_URL}/api/tomatoes/sound/bundled/brown_noise.flac?authSig=old"


def snapshot(volume: float, repeat: str, state: str = "idle", **extra: Any) -> dict[str, Any]:
    """Return a stored player snapshot."""
    return {
        "state": state,
        "volume": volume,
        "repeat": repeat,
        "content_id": None,
        "content_type": None,
        "released": False,
        "level": None,
        "position": 0,
        **extra,
    }


def seed_playing(hass_storage: dict[str, Any], fade: Fade, releasing: str | None = None) -> None:
    """Store the sound state of a block in progress on desk and kitchen."""
    store(
        hass_storage,
        AMBIENCE_KEY,
        {
            "program": "focus",
            "sound": DEFAULT_SOUND,
            "seed": 7,
            "fade": fade.as_dict(),
            "releasing": releasing,
            "switch_to": None,
            "players": {DESK: snapshot(0.5, "off"), KITCHEN: snapshot(0.2, "all")},
            "pending": {},
        },
    )


async def test_restart_mid_block_keeps_the_snapshot_and_carries_on(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    players: Players,
    advance: Advance,
) -> None:
    started = NOW - timedelta(minutes=10)
    store_focus(hass_storage, started)
    seed_playing(hass_storage, Fade.over(started, 10, 0.0, 1.0))
    # The desk kept playing through the restart; the kitchen lost its stream meanwhile.
    players.add(DESK, "playing", volume=0.4, repeat="one", media_content_id=OUR_URL)
    players.add(KITCHEN, "idle", volume=0.4, repeat="one")
    await async_set_up(hass, mock_config_entry, freezer)

    assert players.of(DESK) == []
    kitchen = players.of(KITCHEN)
    assert [service for service, _ in kitchen] == ["volume_set", "play_media", "repeat_set"]
    assert kitchen[0] == ("volume_set", {"volume_level": 0.4})
    stored = hass_storage[AMBIENCE_KEY]["data"]["players"]
    assert stored[DESK]["volume"] == 0.5  # still the volume from before the block
    assert stored[KITCHEN]["volume"] == 0.2

    players.clear()
    await advance(timedelta(minutes=15))  # the block ends
    await advance(timedelta(seconds=5))
    assert players.of(DESK)[-3:] == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]
    assert players.of(KITCHEN)[-3:] == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "all"}),
        ("volume_set", {"volume_level": 0.2}),
    ]


async def test_restart_mid_fade_in_continues_the_same_fade(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    players: Players,
    advance: Advance,
) -> None:
    started = NOW - timedelta(seconds=3)
    store_focus(hass_storage, started)
    seed_playing(hass_storage, Fade.over(started, 10, 0.0, 1.0))
    players.add(DESK, "playing", volume=0.12, media_content_id=OUR_URL)
    players.add(KITCHEN, "playing", volume=0.12, media_content_id=OUR_URL)
    await async_set_up(hass, mock_config_entry, freezer)
    for _ in range(7):
        await advance(timedelta(seconds=1))
    assert players.volumes(DESK) == [0.16, 0.2, 0.24, 0.28, 0.32, 0.36, 0.4]


async def test_block_that_ended_while_down_gives_the_players_back(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    players: Players,
    advance: Advance,
) -> None:
    started = NOW - timedelta(minutes=27)  # ended two minutes ago; a break runs now
    store_focus(hass_storage, started)
    seed_playing(hass_storage, Fade.over(started, 10, 0.0, 1.0))
    players.add(DESK, "playing", volume=0.4, repeat="one", media_content_id=OUR_URL)
    players.add(KITCHEN, "playing", volume=0.4, repeat="one", media_content_id=OUR_URL)
    await async_set_up(hass, mock_config_entry, freezer)
    assert hass.states.get("sensor.study_phase").state == "short_break"
    await advance(timedelta(seconds=5))
    assert players.of(DESK)[-3:] == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]
    assert hass.states.get(KITCHEN).attributes["volume_level"] == 0.2
    assert hass_storage[AMBIENCE_KEY]["data"]["players"] == {}


async def test_restart_mid_fade_out_finishes_giving_back(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    players: Players,
    advance: Advance,
) -> None:
    store(hass_storage, TIMER_KEY, {"session": Session(Settings()).to_dict()})
    seed_playing(hass_storage, Fade.over(NOW - timedelta(seconds=3), 5, 1.0, 0.0), releasing="stop")
    players.add(DESK, "playing", volume=0.16, media_content_id=OUR_URL)
    players.add(KITCHEN, "playing", volume=0.16, media_content_id=OUR_URL)
    await async_set_up(hass, mock_config_entry, freezer)
    await advance(timedelta(seconds=1))
    await advance(timedelta(seconds=1))
    assert players.of(DESK) == [
        ("volume_set", {"volume_level": 0.08}),
        ("volume_set", {"volume_level": 0.0}),
        ("media_stop", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]


async def test_unloading_during_a_block_leaves_the_players_and_keeps_the_state(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    players: Players,
    advance: Advance,
) -> None:
    await async_set_up(hass, mock_config_entry, freezer)
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    await hass.async_block_till_done()
    await advance(timedelta(seconds=10))
    players.clear()
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await advance(timedelta(minutes=30))
    assert players.calls == []
    assert hass.states.get(DESK).state == "playing"
    stored = hass_storage[AMBIENCE_KEY]["data"]
    assert stored["program"] == "focus"
    assert stored["players"][DESK]["volume"] == 0.5


async def test_restart_after_the_fade_out_ended_gives_back_at_once(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    players: Players,
) -> None:
    store(hass_storage, TIMER_KEY, {"session": Session(Settings()).to_dict()})
    seed_playing(hass_storage, Fade.over(NOW - timedelta(minutes=3), 5, 1.0, 0.0), releasing="stop")
    players.add(DESK, "playing", volume=0.0, media_content_id=OUR_URL)
    players.add(KITCHEN, "playing", volume=0.0, media_content_id=OUR_URL)
    await async_set_up(hass, mock_config_entry, freezer)
    assert players.of(DESK) == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]
