"""A person's own modes: added, edited and removed as subentries of the timer, with errors."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import SOURCE_RECONFIGURE, SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.modes.catalogue import SUBENTRY_MODE

from ..conftest import state
from .test_apply import lamp_level, select_mode, set_number, start

WRITING: dict[str, Any] = {
    "name": "Writing",
    "focus_minutes": 40,
    "short_break_minutes": 8,
    "long_break_minutes": 20,
    "long_break_every": 3,
    "sound_source": "media-source://tomatoes/bundled/stream.flac",
    "sound_volume": 20,
    "sound_break_source": "media-source://tomatoes/bundled/wind.flac",
    "light_focus_brightness": 60,
    "light_color_temp_kelvin": 3500,
}


def suggested(result: FlowResult[Any, Any]) -> dict[str, Any]:
    """Return the values a form starts with."""
    schema = result["data_schema"]
    assert schema is not None
    return {
        str(key): key.description["suggested_value"]
        for key in schema.schema
        if key.description and "suggested_value" in key.description
    }


async def open_add(hass: HomeAssistant, entry: MockConfigEntry) -> FlowResult[Any, Any]:
    """Open the Add mode form of the timer."""
    result = await hass.config_entries.subentries.async_init(
        (entry.entry_id, SUBENTRY_MODE), context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "mode"
    return result


async def add_mode(
    hass: HomeAssistant, entry: MockConfigEntry, values: dict[str, Any]
) -> FlowResult[Any, Any]:
    """Add a mode with the form; return the flow's last result."""
    result = await open_add(hass, entry)
    result = await hass.config_entries.subentries.async_configure(result["flow_id"], values)
    await hass.async_block_till_done()
    return result


async def open_edit(
    hass: HomeAssistant, entry: MockConfigEntry, subentry_id: str
) -> FlowResult[Any, Any]:
    """Open the form of one of the timer's own modes."""
    result = await hass.config_entries.subentries.async_init(
        (entry.entry_id, SUBENTRY_MODE),
        context={"source": SOURCE_RECONFIGURE, "subentry_id": subentry_id},
    )
    assert result["type"] is FlowResultType.FORM
    return result


def own_mode(entry: MockConfigEntry, title: str) -> str:
    """Return the subentry id of the timer's own mode with this name."""
    return next(sub.subentry_id for sub in entry.subentries.values() if sub.title == title)


async def test_a_new_mode_starts_from_the_timers_values_and_is_offered_at_once(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await set_number(hass, "number.study_focus_duration", 45)
    result = await open_add(hass, init_integration)
    start_values = suggested(result)
    assert start_values["focus_minutes"] == 45
    assert start_values["sound_source"] == "Brown noise"  # by name, as the sound select shows it
    # No colour temperature: the switch is off, the slider waits at a warm white.
    assert start_values["light_set_color_temp"] is False
    assert start_values["light_color_temp_kelvin"] == 2700
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"], {**start_values, "name": "  Long Classic "}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Long Classic"
    assert "light_color_temp_kelvin" not in next(iter(init_integration.subentries.values())).data

    mode = hass.states.get("select.study_mode")
    assert mode.attributes["options"] == ["classic", "deep_focus", "sprint", "Long Classic"]
    assert mode.state == "classic"
    assert mode.attributes["modified_parts"] == ["focus_minutes"]
    await select_mode(hass, "Long Classic")
    mode = hass.states.get("select.study_mode")
    assert (mode.state, mode.attributes["modified"]) == ("Long Classic", False)


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"name": " "}, {"name": "name_required"}),
        ({"name": "Deep focus"}, {"name": "name_exists"}),
        ({"name": "sprint"}, {"name": "name_exists"}),
        ({"name": "W" * 51}, {"name": "name_too_long"}),
        ({"long_break_minutes": 5}, {"long_break_minutes": "long_break_too_short"}),
        ({"sound_source": "stream"}, {"sound_source": "invalid_sound"}),
        (
            {"name": "", "sound_break_source": "ftp://radio"},
            {"name": "name_required", "sound_break_source": "invalid_sound"},
        ),
    ],
)
async def test_adding_a_mode_refuses_what_cannot_work_then_recovers(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    changes: dict[str, Any],
    errors: dict[str, str],
) -> None:
    result = await open_add(hass, init_integration)
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"], {**WRITING, **changes}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == errors
    assert suggested(result)["focus_minutes"] == WRITING["focus_minutes"]  # kept as typed
    assert not init_integration.subentries
    result = await hass.config_entries.subentries.async_configure(result["flow_id"], WRITING)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert [sub.title for sub in init_integration.subentries.values()] == ["Writing"]


async def test_a_second_mode_cannot_take_the_name_of_the_first(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await add_mode(hass, init_integration, WRITING)
    result = await add_mode(hass, init_integration, {**WRITING, "name": "WRITING"})
    assert result["errors"] == {"name": "name_exists"}
    assert len(init_integration.subentries) == 1


async def test_editing_the_chosen_mode_applies_it_except_what_was_changed_by_hand(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await add_mode(hass, init_integration, WRITING)
    await select_mode(hass, "Writing")
    await start(hass)
    assert lamp_level(hass) == (153, 3500)
    await set_number(hass, "number.study_sound_volume", 33)
    writing = own_mode(init_integration, "Writing")

    result = await open_edit(hass, init_integration, writing)
    assert suggested(result) == {
        **WRITING,
        "sound_source": "Stream",
        "sound_break_source": "Wind",
        "light_set_color_temp": True,
    }
    edited = {**WRITING, "name": "Deep writing", "sound_volume": 15, "light_focus_brightness": 30}
    result = await hass.config_entries.subentries.async_configure(result["flow_id"], edited)
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"

    mode = hass.states.get("select.study_mode")
    assert mode.state == "Deep writing"
    assert mode.attributes["options"][-1] == "Deep writing"
    assert lamp_level(hass) == (76, 3500)  # the new focus brightness, at once
    assert state(hass, "number.study_sound_volume") == "33"  # set by hand: kept
    assert mode.attributes["modified_parts"] == ["sound_volume"]


async def test_editing_refuses_a_taken_name_and_keeps_its_own(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await add_mode(hass, init_integration, WRITING)
    await add_mode(hass, init_integration, {**WRITING, "name": "Reading"})
    result = await open_edit(hass, init_integration, own_mode(init_integration, "Reading"))
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"], {**WRITING, "name": "writing", "long_break_minutes": 7}
    )
    assert result["errors"] == {"name": "name_exists", "long_break_minutes": "long_break_too_short"}
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"], {**WRITING, "name": "Reading", "focus_minutes": 30}
    )
    assert result["type"] is FlowResultType.ABORT
    reading = init_integration.subentries[own_mode(init_integration, "Reading")]
    assert reading.data["focus_minutes"] == 30


async def test_editing_a_mode_that_is_not_chosen_changes_nothing_on_the_timer(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await add_mode(hass, init_integration, WRITING)
    before = dict(init_integration.options)
    result = await open_edit(hass, init_integration, own_mode(init_integration, "Writing"))
    await hass.config_entries.subentries.async_configure(
        result["flow_id"], {**WRITING, "focus_minutes": 35}
    )
    await hass.async_block_till_done()
    assert dict(init_integration.options) == before
    assert state(hass, "select.study_mode") == "classic"


async def test_removing_the_chosen_mode_keeps_its_settings_shown_as_classic_modified(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await add_mode(hass, init_integration, WRITING)
    await add_mode(hass, init_integration, {**WRITING, "name": "Reading"})
    await select_mode(hass, "Writing")
    await start(hass)

    hass.config_entries.async_remove_subentry(
        init_integration, own_mode(init_integration, "Reading")
    )
    await hass.async_block_till_done()
    mode = hass.states.get("select.study_mode")
    assert mode.attributes["options"] == ["classic", "deep_focus", "sprint", "Writing"]
    assert mode.state == "Writing"

    hass.config_entries.async_remove_subentry(
        init_integration, own_mode(init_integration, "Writing")
    )
    await hass.async_block_till_done()
    mode = hass.states.get("select.study_mode")
    assert mode.attributes["options"] == ["classic", "deep_focus", "sprint"]
    assert mode.state == "classic"
    assert mode.attributes["modified"] is True
    assert state(hass, "number.study_focus_duration") == "40.0"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:40:00+00:00"
    assert lamp_level(hass) == (153, 3500)


async def test_switching_the_colour_temperature_off_leaves_the_lights_their_colour(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await add_mode(hass, init_integration, WRITING)
    writing = own_mode(init_integration, "Writing")
    await select_mode(hass, "Writing")
    await start(hass)
    assert lamp_level(hass) == (153, 3500)
    result = await open_edit(hass, init_integration, writing)
    await hass.config_entries.subentries.async_configure(
        result["flow_id"], {**WRITING, "light_set_color_temp": False}
    )
    await hass.async_block_till_done()
    assert "light_color_temp_kelvin" not in init_integration.subentries[writing].data
    assert "light_color_temp_kelvin" not in init_integration.options
    assert hass.states.get("select.study_mode").attributes["modified"] is False
    result = await open_edit(hass, init_integration, writing)
    assert suggested(result)["light_set_color_temp"] is False


async def test_sounds_are_chosen_by_name_and_stored_as_references(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await open_add(hass, init_integration)
    schema = result["data_schema"].schema
    field = next(key for key in schema if str(key) == "sound_source")
    names = [option["value"] for option in schema[field].config["options"]]
    assert names[:4] == ["Brown noise", "Deep Focus drone", "Fireplace", "Ocean"]
    await hass.config_entries.subentries.async_configure(
        result["flow_id"],
        {
            **WRITING,
            "sound_source": "Slow pads",
            "sound_break_source": "https://radio.example/calm",
        },
    )
    (mode,) = init_integration.subentries.values()
    assert mode.data["sound_source"] == "media-source://tomatoes/bundled/slow_pads.flac"
    assert mode.data["sound_break_source"] == "https://radio.example/calm"
    result = await open_edit(hass, init_integration, mode.subentry_id)
    values = suggested(result)
    assert (values["sound_source"], values["sound_break_source"]) == (
        "Slow pads",
        "https://radio.example/calm",
    )
