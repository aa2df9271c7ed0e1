"""A busy player is left alone, and says so: the logbook and the sound status sensor."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.tomatoes.logbook import async_describe_events
from tests.conftest import Advance

from .conftest import DESK, KITCHEN, Players
from .test_playback import reload_with, start_focus, timer_action

pytestmark = pytest.mark.usefixtures("init_integration")

STATUS = "sensor.study_sound_status"


def status(hass: HomeAssistant) -> tuple[str, dict[str, Any]]:
    """Return the sound status sensor's state and the players it lists."""
    state = hass.states.get(STATUS)
    assert state is not None
    return state.state, {key: state.attributes[key] for key in ("playing", "busy", "failing")}


async def test_a_busy_player_is_named_in_the_logbook_and_the_sensor(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    described: dict[str, Any] = {}

    def register(domain: str, event_type: str, describe: Any) -> None:
        described[event_type] = describe

    async_describe_events(hass, register)
    busy = async_capture_events(hass, "tomatoes_player_busy")
    assert status(hass) == ("off", {"playing": [], "busy": [], "failing": []})
    players.add(DESK, "playing", media_content_id="radio", media_content_type="music")
    await start_focus(hass)

    assert players.of(DESK) == []
    assert [event.data for event in busy] == [
        {"entry_id": "study_entry", "timer": "Study", "entity_id": DESK}
    ]
    assert described["tomatoes_player_busy"](busy[0]) == {
        "name": "Desk",
        "message": "was already playing, so Study left it alone and plays no focus sound "
        "on it (allow it with Take over busy players)",
        "entity_id": DESK,
    }
    assert status(hass) == ("player_busy", {"playing": [KITCHEN], "busy": [DESK], "failing": []})

    # Left alone for the block: a player that stops later is not taken (nor reported again).
    players.set_state(DESK, "idle")
    await timer_action(hass, "extend", minutes=5)
    assert players.of(DESK) == []
    assert len(busy) == 1
    # The next block looks again.
    await timer_action(hass, "stop")
    await advance(timedelta(seconds=5))
    assert status(hass)[0] == "off"
    await start_focus(hass)
    assert [service for service, _ in players.of(DESK)][:2] == ["volume_set", "play_media"]
    assert status(hass) == ("playing", {"playing": [DESK, KITCHEN], "busy": [], "failing": []})


async def test_a_failing_player_shows_in_the_sensor(
    hass: HomeAssistant, players: Players, advance: Advance
) -> None:
    players.failing.add(KITCHEN)
    await start_focus(hass)
    assert status(hass) == (
        "player_failing",
        {"playing": [DESK], "busy": [], "failing": [KITCHEN]},
    )
    players.failing.clear()
    await advance(timedelta(seconds=1))
    assert status(hass)[0] == "playing"


async def test_taking_over_busy_players_when_allowed(
    hass: HomeAssistant, players: Players, init_integration: MockConfigEntry
) -> None:
    await reload_with(hass, init_integration, sound_take_over=True)
    busy = async_capture_events(hass, "tomatoes_player_busy")
    players.add(DESK, "playing", media_content_id="radio", media_content_type="music")
    await start_focus(hass)
    assert [service for service, _ in players.of(DESK)][:2] == ["volume_set", "play_media"]
    assert busy == []
    assert status(hass)[0] == "playing"


async def test_without_players_there_is_no_sound_status(
    hass: HomeAssistant, init_integration: MockConfigEntry, entity_registry: er.EntityRegistry
) -> None:
    assert entity_registry.async_get(STATUS) is not None
    await reload_with(hass, init_integration, sound_players=[])
    assert hass.states.get(STATUS) is None
    assert entity_registry.async_get(STATUS) is None


async def test_a_volume_that_is_no_number_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "number",
            "set_value",
            {"entity_id": "number.study_sound_volume", "value": float("nan")},
            blocking=True,
        )
    assert err.value.translation_key == "invalid_sound_volume"
    assert init_integration.options["sound_volume"] == 40
    assert hass.states.get("number.study_sound_volume").state == "40"
