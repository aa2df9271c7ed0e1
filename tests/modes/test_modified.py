"""A part of the chosen mode changed by hand: the mode shows as modified, and is not lost."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from ..conftest import state
from ..sound.bench import Bench
from .test_apply import lamp_level, playing, select_mode, set_number, start


def modified(hass: HomeAssistant) -> tuple[str, bool, list[str]]:
    """Return the mode select's state and what it says was changed by hand."""
    mode = hass.states.get("select.study_mode")
    assert mode is not None
    return mode.state, mode.attributes["modified"], mode.attributes["modified_parts"]


async def test_changes_by_hand_show_the_mode_as_modified_until_it_is_chosen_again(
    hass: HomeAssistant, init_integration: MockConfigEntry, speaker: Bench
) -> None:
    await select_mode(hass, "deep_focus")
    await start(hass)
    assert modified(hass) == ("deep_focus", False, [])

    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.study_sound", "option": "Rain"},
        blocking=True,
    )
    await set_number(hass, "number.study_long_break_every", 2)
    await set_number(hass, "number.study_sound_volume", 50)
    assert modified(hass) == (
        "deep_focus",
        True,
        ["long_break_every", "sound_source", "sound_volume"],
    )
    assert playing(speaker) == ("rain.flac", 0.5)

    # Choosing Deep Focus again puts every part back.
    await select_mode(hass, "deep_focus")
    assert modified(hass) == ("deep_focus", False, [])
    assert playing(speaker) == ("deep_focus_drone.flac", 0.25)
    assert state(hass, "number.study_long_break_every") == "3.0"


async def test_lighting_options_changed_in_the_options_flow_show_as_modified(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await select_mode(hass, "sprint")
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "lighting"}
    )
    form = {
        "light_entities": ["light.lamp"],
        "light_focus_brightness": 20,
        "light_transition": 0,
        "light_break_mode": "restore",
        "light_break_brightness": 70,
        "light_turn_on": False,
    }
    await hass.config_entries.options.async_configure(result["flow_id"], form)
    await hass.async_block_till_done()  # the options flow reloads the timer
    assert modified(hass) == (
        "sprint",
        True,
        ["light_focus_brightness", "light_color_temp_kelvin"],
    )
    await start(hass)
    assert lamp_level(hass) == (51, 2700)


async def test_the_timers_other_settings_never_count_as_a_change(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await select_mode(hass, "sprint")
    for entity_id, service in (
        ("switch.study_start_focus_automatically", "turn_on"),
        ("switch.study_start_breaks_automatically", "turn_off"),
    ):
        await hass.services.async_call("switch", service, {"entity_id": entity_id}, blocking=True)
    await set_number(hass, "number.study_session_target", 4)
    assert modified(hass) == ("sprint", False, [])
