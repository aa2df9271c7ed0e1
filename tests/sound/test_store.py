"""The sound's stored data: every field is checked, damage never stops a timer from loading."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.sound.fade import Fade
from custom_components.tomatoes.sound.options import DEFAULT_SOUND, BreakAction
from custom_components.tomatoes.sound.players import PlayerSnapshot
from custom_components.tomatoes.sound.policy import Program, Target
from custom_components.tomatoes.sound.store import Playback, parse_playback
from custom_components.tomatoes.toolkit.store import DamagedDataError
from tests.conftest import NOW, Advance, async_set_up, store, store_focus

from .conftest import AMBIENCE_KEY, BASE_URL, DESK, KITCHEN, Players
from .test_restart import snapshot

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
OUR_URL = f"{BASE_URL}/api/tomatoes/sound/bundled/brown_noise.flac?authSig=old"
ISSUE = f"damaged_{AMBIENCE_KEY}"


def playing(**changes: Any) -> dict[str, Any]:
    """Return stored data of a focus block playing on desk and kitchen, with some changes."""
    data: dict[str, Any] = {
        "program": "focus",
        "sound": DEFAULT_SOUND,
        "seed": 7,
        "fade": Fade.over(NOW - timedelta(minutes=10), 10, 0.0, 1.0).as_dict(),
        "releasing": None,
        "switch_to": None,
        "players": {DESK: snapshot(0.5, "off"), KITCHEN: snapshot(0.2, "all")},
        "pending": {},
    }
    return {**data, **changes}


def test_good_data_comes_back_as_it_was_saved() -> None:
    playback = Playback(
        program=Program.BREAK,
        sound=DEFAULT_SOUND,
        seed=3,
        fade=Fade.over(T0, 10, 1.0, 0.0),
        releasing=None,
        switch_to=Target(Program.FOCUS, DEFAULT_SOUND),
        players={DESK: PlayerSnapshot("playing", 0.5, "all", "radio", "music", False, 0.3, 2)},
        pending={KITCHEN: PlayerSnapshot("off")},
    )
    parsed = parse_playback(playback.as_dict())
    assert parsed.problems == []
    assert parsed.value == playback


def test_what_is_not_a_mapping_cannot_be_kept() -> None:
    with pytest.raises(DamagedDataError):
        parse_playback(["focus"])


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"seed": "7"}, "seed"),
        ({"sound": 5}, "sound"),
        ({"releasing": "later"}, "stop action"),
        ({"switch_to": ["lunch", 3]}, "switch_to"),
        ({"players": "desk"}, "players"),
        ({"fade": {"start": "yesterday"}}, "fade"),
    ],
)
def test_each_wrong_field_is_named_and_the_rest_kept(changes: dict[str, Any], problem: str) -> None:
    parsed = parse_playback(playing(**changes))
    assert len(parsed.problems) == 1
    assert problem in parsed.problems[0]
    assert parsed.value.program is Program.FOCUS
    assert parsed.value.fade is not None


def test_a_snapshot_keeps_its_good_fields() -> None:
    data = playing(
        players={
            DESK: {**snapshot(0.5, "off"), "volume": "loud", "position": -1, "released": "no"},
            KITCHEN: "garbage",
            "not an entity": snapshot(0.1, "off"),
        }
    )
    parsed = parse_playback(data)
    assert list(parsed.value.players) == [DESK]
    desk = parsed.value.players[DESK]
    assert (desk.volume, desk.repeat, desk.position, desk.released) == (None, "off", 0, False)
    assert len(parsed.problems) == 5


def test_a_naive_fade_becomes_a_finished_one() -> None:
    naive = {"start": "2026-11-26T09:00:00", "end": "2026-11-26T09:00:10", "begin": 0, "target": 1}
    parsed = parse_playback(playing(fade=naive))
    assert "no time zone" in parsed.problems[0]
    assert parsed.value.fade == Fade.constant(1.0)
    parsed = parse_playback(playing(fade=naive, releasing=BreakAction.STOP))
    assert parsed.value.fade == Fade.constant(0.0)


def test_players_of_an_unknown_programme_are_given_back() -> None:
    parsed = parse_playback(playing(program="lunch"))
    assert parsed.value.program is None
    assert parsed.value.players == {}
    assert set(parsed.value.pending) == {DESK, KITCHEN}


# The four kinds of damage a hand edit or a crash leaves, each on a block in progress.
NAIVE_FADE = {"start": "2026-11-26T08:50:00", "end": "2026-11-26T08:50:10", "begin": 0, "target": 1}
DAMAGE = {
    "unknown_programme": playing(program="lunch"),
    "wrong_types": playing(
        seed="7.5",
        sound=["rain"],
        players={DESK: snapshot(0.5, "off"), KITCHEN: {**snapshot(0.2, "all"), "position": "one"}},
    ),
    "naive_fade": playing(fade=NAIVE_FADE),
    "malformed_snapshots": playing(players={DESK: snapshot(0.5, "off"), KITCHEN: "garbage"}),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
async def test_a_damaged_sound_store_never_stops_the_timer(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    players: Players,
    advance: Advance,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    damage: str,
) -> None:
    store_focus(hass_storage, NOW - timedelta(minutes=10))
    store(hass_storage, AMBIENCE_KEY, DAMAGE[damage])
    players.add(DESK, "playing", volume=0.4, repeat="one", media_content_id=OUR_URL)
    players.add(KITCHEN, "playing", volume=0.4, repeat="one", media_content_id=OUR_URL)
    await async_set_up(hass, mock_config_entry, freezer)

    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.study_phase").state == "focus"
    issue = issue_registry.async_get_issue(DOMAIN, ISSUE)
    assert issue is not None
    assert issue.translation_key == "damaged_store"
    warnings = [
        r for r in caplog.records if r.levelno == logging.WARNING and "damaged" in r.getMessage()
    ]
    assert len(warnings) == 1
    # What could be kept was: the desk gets its own volume back, now or when the block ends.
    await advance(timedelta(minutes=15))
    await advance(timedelta(seconds=5))
    assert hass.states.get(DESK).attributes["volume_level"] == 0.5
    assert hass.states.get(DESK).state == "idle"
    assert hass_storage[AMBIENCE_KEY]["data"]["players"] == {}
