"""The lighting step of the options: lights, areas, levels and what breaks do."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS

FORM: dict[str, Any] = {
    "light_entities": ["light.desk", "light.shelf"],
    "light_areas": ["study_room"],
    "light_focus_brightness": 25,
    "light_color_temp_kelvin": 2700,
    "light_transition": 10,
    "light_break_mode": "break_level",
    "light_break_brightness": 60,
    "light_turn_on": True,
}


async def open_lighting(hass: HomeAssistant, entry: MockConfigEntry) -> Any:
    """Open the options and choose focus lighting from the menu."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["timer", "sound", "lighting"]
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "lighting"}
    )


@pytest.mark.parametrize("light_changes", [{"light_entities": [], "light_areas": []}])
async def test_choosing_lights_adds_the_switch_and_keeps_the_timer_rules(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    assert hass.states.get("switch.study_focus_lighting") is None
    result = await open_lighting(hass, init_integration)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "lighting"
    result = await hass.config_entries.options.async_configure(result["flow_id"], FORM)
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options == {**DEFAULT_OPTIONS, "mode": "classic", **FORM}
    assert hass.states.get("switch.study_focus_lighting").state == "on"


async def test_leaving_the_colour_temperature_empty_removes_it(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await open_lighting(hass, init_integration)
    await hass.config_entries.options.async_configure(result["flow_id"], FORM)
    await hass.async_block_till_done()
    result = await open_lighting(hass, init_integration)
    without = {key: value for key, value in FORM.items() if key != "light_color_temp_kelvin"}
    await hass.config_entries.options.async_configure(result["flow_id"], without)
    await hass.async_block_till_done()
    assert "light_color_temp_kelvin" not in init_integration.options
    assert init_integration.options["light_focus_brightness"] == 25


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("light_focus_brightness", 0),
        ("light_focus_brightness", 101),
        ("light_transition", -1),
        ("light_break_mode", "disco"),
        ("light_entities", ["switch.kettle"]),
    ],
)
async def test_out_of_range_values_are_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry, key: str, value: Any
) -> None:
    result = await open_lighting(hass, init_integration)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(result["flow_id"], {**FORM, key: value})
    assert init_integration.options["light_focus_brightness"] == 30
