"""The sound's options, entities, action and diagnostics, and a folder played as a playlist."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.diagnostics import async_get_config_entry_diagnostics
from custom_components.tomatoes.sound.library import DATA_LIBRARY, folder_source_id
from custom_components.tomatoes.sound.options import (
    CONF_SOUND_FOLDERS,
    CONF_SOUND_SOURCE,
    DEFAULT_SOUND_OPTIONS,
)
from tests.conftest import Advance

from .audio import write_flac, write_mp3
from .conftest import AMBIENCE_KEY, DESK, KITCHEN, SOUND_OPTIONS, Players
from .test_playback import finish_fade_in, reload_with, start_focus

pytestmark = pytest.mark.usefixtures("init_integration")


@pytest.fixture
def focus_folder(media_dir: Path) -> Path:
    """Return a folder of three tagged songs, two of them with ReplayGain."""
    folder = media_dir / "focus"
    write_flac(folder / "a.flac", "Alpha", replaygain_track_gain="-6.02 dB")
    write_mp3(folder / "b.mp3", "Beta", replaygain_track_gain="-6.02 dB")
    write_mp3(folder / "c.mp3", "Gamma")
    return folder


@pytest.fixture
def sound_options(focus_folder: Path) -> dict[str, Any]:
    """Use the focus folder as a library folder."""
    return {**SOUND_OPTIONS, CONF_SOUND_FOLDERS: [str(focus_folder)]}


async def open_sound_step(hass: HomeAssistant, entry: MockConfigEntry) -> dict[str, Any]:
    """Open the options flow and pick the sound step."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "sound"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "sound"
    return result


def file_of(url: str) -> str:
    """Return the file name in a signed URL."""
    return url.split("?", maxsplit=1)[0].rsplit("/", 1)[1]


def form(**changes: Any) -> dict[str, Any]:
    """Return a complete sound form with some values changed."""
    return {**DEFAULT_SOUND_OPTIONS, **SOUND_OPTIONS, **changes}


async def test_options_flow_saves_the_sound_and_keeps_the_timer_rules(
    hass: HomeAssistant, init_integration: MockConfigEntry, media_dir: Path
) -> None:
    other = media_dir / "other"
    other.mkdir()
    result = await open_sound_step(hass, init_integration)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        form(
            sound_players=[DESK],
            sound_source="https://radio.example/rain",
            sound_volume=55,
            sound_on_break="sound",
            sound_chimes=True,
            sound_folders=[f"{other}/"],
        ),
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    options = init_integration.options
    assert options["sound_players"] == [DESK]
    assert options["sound_source"] == "https://radio.example/rain"
    assert options["sound_volume"] == 55
    assert options["sound_folders"] == [str(other)]
    assert options["focus_minutes"] == DEFAULT_OPTIONS["focus_minutes"]
    assert hass.states.get("number.study_sound_volume").state == "55"
    assert folder_source_id(str(other)) in hass.data[DATA_LIBRARY].sources


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"sound_folders": ["/etc"]}, {"sound_folders": "folder_not_allowed"}),
        ({"sound_folders": ["music"]}, {"sound_folders": "folder_not_absolute"}),
        ({"sound_source": "ftp://files.example/rain.mp3"}, {"sound_source": "invalid_sound"}),
        ({"sound_break_source": "rain"}, {"sound_break_source": "invalid_sound"}),
    ],
)
async def test_options_flow_refuses_what_cannot_work(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    changes: dict[str, Any],
    errors: dict[str, str],
) -> None:
    before = dict(init_integration.options)
    result = await open_sound_step(hass, init_integration)
    result = await hass.config_entries.options.async_configure(result["flow_id"], form(**changes))
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == errors
    assert dict(init_integration.options) == before


async def test_options_flow_refuses_a_missing_folder(
    hass: HomeAssistant, init_integration: MockConfigEntry, media_dir: Path
) -> None:
    result = await open_sound_step(hass, init_integration)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], form(sound_folders=[str(media_dir / "missing")])
    )
    assert result["errors"] == {"sound_folders": "folder_not_found"}


async def test_the_sound_select_offers_loops_folders_and_files(
    hass: HomeAssistant, focus_folder: Path, init_integration: MockConfigEntry
) -> None:
    await hass.async_block_till_done()
    state = hass.states.get("select.study_sound")
    assert state.state == "Brown noise"
    assert state.attributes["options"] == [
        "Brown noise",
        "Deep Focus drone",
        "Fireplace",
        "Ocean",
        "Pink noise",
        "Rain",
        "Slow pads",
        "Soft chords",
        "Stream",
        "Wind",
        "\N{TWISTED RIGHTWARDS ARROWS} focus",
        "Alpha",
        "Beta",
        "Gamma",
    ]
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.study_sound", "option": "\N{TWISTED RIGHTWARDS ARROWS} focus"},
        blocking=True,
    )
    source = folder_source_id(str(focus_folder))
    assert init_integration.options[CONF_SOUND_SOURCE] == f"media-source://tomatoes/{source}"
    assert hass.states.get("select.study_sound").state == "\N{TWISTED RIGHTWARDS ARROWS} focus"


async def test_a_sound_that_is_no_choice_is_still_shown(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await reload_with(hass, init_integration, sound_source="https://radio.example/rain")
    state = hass.states.get("select.study_sound")
    assert state.state == "https://radio.example/rain"
    assert state.attributes["options"][-1] == "https://radio.example/rain"


async def test_a_folder_plays_shuffled_evened_out_and_moves_on_when_a_file_ends(
    hass: HomeAssistant,
    players: Players,
    advance: Advance,
    focus_folder: Path,
    init_integration: MockConfigEntry,
) -> None:
    source = folder_source_id(str(focus_folder))
    await reload_with(
        hass,
        init_integration,
        sound_source=f"media-source://tomatoes/{source}",
        sound_players=[DESK],
    )
    await start_focus(hass)
    await finish_fade_in(advance)
    desk = players.of(DESK)
    assert desk[2] == ("repeat_set", {"repeat": "off"})  # the next file follows instead
    volume_of = {file_of(desk[1][1]["media_content_id"]): players.volumes(DESK)[-1]}
    for _ in range(2):
        players.clear()
        players.set_state(DESK, "idle")  # the file ended
        await hass.async_block_till_done()
        volume, play = players.of(DESK)[:2]
        volume_of[file_of(play[1]["media_content_id"])] = volume[1]["volume_level"]
    # Each file once, in a shuffled order; ReplayGain -6.02 dB plays at half the volume.
    assert volume_of == {"a.flac": 0.2, "b.mp3": 0.2, "c.mp3": 0.4}


async def test_a_file_that_ended_unnoticed_is_followed_after_its_duration(
    hass: HomeAssistant,
    players: Players,
    advance: Advance,
    focus_folder: Path,
    init_integration: MockConfigEntry,
) -> None:
    source = folder_source_id(str(focus_folder))
    await reload_with(
        hass,
        init_integration,
        sound_source=f"media-source://tomatoes/{source}",
        sound_players=[DESK],
    )
    await start_focus(hass)
    play = players.of(DESK)[1][1]
    # The player stops within our own call's context (as a device that reports late would):
    # that is no reason to act at once, but the file's duration says it should be over.
    players.set_state(DESK, "idle", players.calls[1].context)
    await hass.async_block_till_done()
    players.clear()
    await advance(timedelta(seconds=2))
    assert "play_media" not in [service for service, _ in players.of(DESK)]
    await advance(timedelta(seconds=7))
    plays = [data for service, data in players.of(DESK) if service == "play_media"]
    assert len(plays) == 1
    assert plays[0]["media_content_id"] != play["media_content_id"]


async def test_rescan_action_answers_with_the_figures(
    hass: HomeAssistant, focus_folder: Path
) -> None:
    await hass.async_block_till_done()
    write_mp3(focus_folder / "d.mp3", "Delta")
    response = await hass.services.async_call(
        DOMAIN, "rescan_library", {}, blocking=True, return_response=True
    )
    assert response["files"] == 4 + 12
    assert response["read"] == 1
    assert response["corrupt"] == 0
    assert hass.states.get("select.study_sound").attributes["options"][-1] == "Delta"
    assert await hass.services.async_call(DOMAIN, "rescan_library", {}, blocking=True) is None


async def test_rescan_without_a_library_is_refused(hass: HomeAssistant) -> None:
    library = hass.data.pop(DATA_LIBRARY)
    try:
        with pytest.raises(ServiceValidationError) as err:
            await hass.services.async_call(DOMAIN, "rescan_library", {}, blocking=True)
        assert err.value.translation_key == "no_timers"
    finally:
        hass.data[DATA_LIBRARY] = library


async def test_diagnostics_show_playback_and_library(
    hass: HomeAssistant, players: Players, init_integration: MockConfigEntry, focus_folder: Path
) -> None:
    (focus_folder / "broken.mp3").write_bytes(b"no")
    await hass.services.async_call(DOMAIN, "rescan_library", {}, blocking=True)
    players.failing.add(KITCHEN)
    await start_focus(hass)
    result = await async_get_config_entry_diagnostics(hass, init_integration)
    sound = result["ambient_sound"]
    assert sound["playback"]["program"] == "focus"
    assert sound["playback"]["players"][DESK]["volume"] == 0.5
    assert KITCHEN in sound["playback"]["failing_players"]
    assert sound["library"]["corrupt_files"] == 1
    assert sound["library"]["sources"]["bundled"]["tracks"] == 10
    assert sound["library"]["last_scan"]["files"] == 4 + 12


async def test_removing_the_timer_gives_players_back_and_removes_its_sound_state(
    hass: HomeAssistant,
    players: Players,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    advance: Advance,
) -> None:
    players.failing.add(KITCHEN)
    await start_focus(hass)
    await finish_fade_in(advance)
    assert AMBIENCE_KEY in hass_storage
    players.clear()
    assert issue_registry.async_get_issue(DOMAIN, "player_study_entry_media_player.kitchen")
    assert await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert AMBIENCE_KEY not in hass_storage
    assert not issue_registry.async_get_issue(DOMAIN, "player_study_entry_media_player.kitchen")
    assert players.of(DESK) == [
        ("media_stop", {}),
        ("repeat_set", {"repeat": "off"}),
        ("volume_set", {"volume_level": 0.5}),
    ]
