"""LLM agents get Tomatoes' tools through the Assist API, with their schemas, and can call them.

From Home Assistant 2026.8 the tools come from our llm.py platform (``tomatoes__...``); on
2026.3-2026.7 the Assist API offers our intents itself. Each CI target runs its own path.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er, llm
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN

from .conftest import async_add_timer, phase_and_status

LLM_PLATFORMS = importlib.util.find_spec("homeassistant.components.llm") is not None

# The tools an LLM agent sees, by intent: (2026.8+ name, 2026.3-2026.7 name).
TOOL_NAMES = {
    "start_focus": "TomatoesStartFocus",
    "start_break": "TomatoesStartBreak",
    "pause": "TomatoesPause",
    "resume": "TomatoesResume",
    "stop": "TomatoesStop",
    "skip": "TomatoesSkip",
    "add_time": "TomatoesAddTime",
    "time_left": "TomatoesTimeLeft",
    "today": "TomatoesToday",
    "current_task": "TomatoesTask",
}


def _tool_name(key: str) -> str:
    return f"{DOMAIN}__{key}" if LLM_PLATFORMS else TOOL_NAMES[key]


def _context() -> llm.LLMContext:
    return llm.LLMContext(
        platform="test",
        context=Context(),
        language="en",
        assistant="conversation",
        device_id=None,
    )


def _expose_all(hass: HomeAssistant, entry: MockConfigEntry, exposed: bool) -> None:
    for entity in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id):
        async_expose_entity(hass, "conversation", entity.entity_id, exposed)


def _data(result: Any) -> dict[str, Any]:
    data: dict[str, Any] = result.data if hasattr(result, "data") else result
    return data


async def test_tools_are_listed_with_schemas_and_called(hass: HomeAssistant, assist: None) -> None:
    study = await async_add_timer(hass, "Study")
    await async_add_timer(hass, "Office")
    _expose_all(hass, study, True)
    api = await llm.async_get_api(hass, llm.LLM_API_ASSIST, _context())
    tools = {tool.name: tool for tool in api.tools}

    ours = {key: tools[_tool_name(key)] for key in TOOL_NAMES}
    for tool in ours.values():
        assert "Tomatoes" in (tool.description or "")
    assert "HassStartTimer" in (ours["start_focus"].description or "")
    fields = {key: {str(field) for field in tool.parameters.schema} for key, tool in ours.items()}
    assert fields["start_focus"] == {"name", "minutes", "task", "mode"}
    assert fields["start_break"] == {"name", "minutes", "long"}
    assert fields["skip"] == {"name", "phase"}
    assert fields["add_time"] == {"name", "minutes"}
    for key in ("pause", "resume", "stop", "time_left", "today", "current_task"):
        assert fields[key] == {"name"}
    if LLM_PLATFORMS:
        assert {tool.integration for tool in ours.values()} == {DOMAIN}
        name_choice = ours["pause"].parameters.schema
        assert [validator.container for validator in name_choice.values()] == [["Study", "Office"]]

    result = await api.async_call_tool(
        llm.ToolInput(
            tool_name=_tool_name("start_focus"),
            tool_args={"name": "Study", "minutes": 10, "task": "the report"},
        )
    )
    assert _data(result)["speech"]["plain"]["speech"] == "Focusing on the report for 10 minutes."
    assert phase_and_status(hass, "study") == ("focus", "running")
    assert phase_and_status(hass, "office") == ("idle", "idle")

    result = await api.async_call_tool(
        llm.ToolInput(tool_name=_tool_name("time_left"), tool_args={"name": "Study"})
    )
    assert _data(result)["speech"]["plain"]["speech"] == "10 minutes left in your focus block."

    # Without a name there are two timers to choose from: the agent is asked which.
    result = await api.async_call_tool(llm.ToolInput(tool_name=_tool_name("pause"), tool_args={}))
    assert _data(result)["response_type"] == "error"
    assert _data(result)["speech"]["plain"]["speech"] == "Which timer: Study or Office?"
    assert phase_and_status(hass, "study") == ("focus", "running")


@pytest.mark.skipif(not LLM_PLATFORMS, reason="LLM tool platforms exist from 2026.8")
async def test_tools_only_while_a_tomatoes_entity_is_exposed(
    hass: HomeAssistant, assist: None
) -> None:
    from custom_components.tomatoes.llm import async_get_tools  # noqa: PLC0415

    study = await async_add_timer(hass, "Study")
    _expose_all(hass, study, False)
    api = await llm.async_get_api(hass, llm.LLM_API_ASSIST, _context())
    assert not [tool for tool in api.tools if tool.name.startswith(f"{DOMAIN}__")]

    _expose_all(hass, study, True)
    assert async_get_tools(hass, _context(), "another_api") is None
    tools = async_get_tools(hass, _context(), llm.LLM_API_ASSIST)
    assert tools is not None
    assert "Study" in tools.prompt
