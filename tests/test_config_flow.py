"""Config, options and reconfigure flows, including their errors."""

from __future__ import annotations

from typing import Any

from homeassistant import config_entries
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

USER_INPUT: dict[str, Any] = {
    "name": "Kitchen",
    "focus_minutes": 50,
    "short_break_minutes": 10,
    "long_break_minutes": 30,
    "long_break_every": 3,
    "auto_start_breaks": True,
    "auto_start_focus": True,
}


async def test_user_flow_creates_a_timer(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], USER_INPUT)
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Kitchen"
    assert result["data"] == {"name": "Kitchen"}
    entry = result["result"]
    assert entry.options["focus_minutes"] == 50
    assert entry.options["long_break_every"] == 3
    assert entry.options["session_target"] == 0
    assert entry.version == 2
    # The rhythm asked for is Deep Focus's; its sound and light are not chosen yet.
    mode = hass.states.get("select.kitchen_mode")
    assert mode.state == "deep_focus"
    assert mode.attributes["modified"] is True
    assert hass.states.get("switch.kitchen_start_focus_automatically").state == "on"


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"name": "  "}, "name", "name_required"),
        ({"name": "study"}, "name", "name_exists"),
        ({"long_break_minutes": 5}, "long_break_minutes", "long_break_too_short"),
    ],
)
async def test_user_flow_errors_then_recovers(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    changes: dict[str, Any],
    field: str,
    error: str,
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**USER_INPUT, **changes}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {field: error}
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1
    result = await hass.config_entries.flow.async_configure(result["flow_id"], USER_INPUT)
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_user_flow_refuses_values_out_of_range(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    with pytest.raises(InvalidData):
        await hass.config_entries.flow.async_configure(
            result["flow_id"], {**USER_INPUT, "focus_minutes": -5}
        )
    assert hass.config_entries.async_entries(DOMAIN) == []


async def test_several_timers_coexist_each_its_own_device(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    await hass.config_entries.flow.async_configure(result["flow_id"], USER_INPUT)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.study_phase") is not None
    assert hass.states.get("sensor.kitchen_phase") is not None


async def open_timer_options(hass: HomeAssistant, entry: MockConfigEntry) -> Any:
    """Open the options and choose the timer's rules from the menu."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert "timer" in result["menu_options"]
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "timer"}
    )


async def test_options_flow_changes_the_rules(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    entry = init_integration
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["timer", "sound", "lighting"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "timer"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "timer"
    new = {**DEFAULT_OPTIONS, "focus_minutes": 40, "session_target": 4}
    result = await hass.config_entries.options.async_configure(result["flow_id"], new)
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["focus_minutes"] == 40
    assert entry.options["session_target"] == 4
    assert hass.states.get("number.study_focus_duration").state == "40.0"
    mode = hass.states.get("select.study_mode")
    assert (mode.state, mode.attributes["modified_parts"]) == ("classic", ["focus_minutes"])


async def test_options_flow_error(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    entry = init_integration
    result = await open_timer_options(hass, entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**DEFAULT_OPTIONS, "short_break_minutes": 20}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"long_break_minutes": "long_break_too_short"}
    assert entry.options["short_break_minutes"] == 5


async def test_reconfigure_renames_and_changes_rules(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    entry = init_integration
    result = await entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**DEFAULT_OPTIONS, "name": "Office", "focus_minutes": 30}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.title == "Office"
    assert entry.options["focus_minutes"] == 30


async def test_reconfigure_refuses_a_taken_name(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    MockConfigEntry(domain=DOMAIN, title="Office", data={"name": "Office"}).add_to_hass(hass)
    result = await init_integration.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**DEFAULT_OPTIONS, "name": "office"}
    )
    assert result["errors"] == {"name": "name_exists"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**DEFAULT_OPTIONS, "name": "Study"}
    )
    assert result["reason"] == "reconfigure_successful"
