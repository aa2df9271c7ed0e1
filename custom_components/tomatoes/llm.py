"""LLM tools of Tomatoes: the Assist intents as ``tomatoes__`` tools (Home Assistant 2026.8+).

Home Assistant 2026.8 gave integrations this platform and stopped offering every intent to
LLM agents; before that (2026.3-2026.7) the Assist API offers our intents by itself. The
tools are offered for the Assist API only, and only while an entity of a loaded Tomatoes
timer is exposed to the assistant asking. Each tool calls its intent, so an LLM agent
and a voice satellite get the same timer choice, operations and answers.
"""

from __future__ import annotations

from homeassistant.components.homeassistant.exposed_entities import async_should_expose
from homeassistant.components.llm import LLMTools  # type: ignore[import-not-found, unused-ignore]
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er, intent, llm
from homeassistant.util.json import JsonObjectType
import voluptuous as vol

from .const import DOMAIN
from .intent import TomatoesIntentHandler, create_handlers
from .targeting import loaded_entries
from .voice import const as vc

# intent -> (tool name after "tomatoes__", title, whether it only reads)
TOOLS: dict[str, tuple[str, str, bool]] = {
    vc.INTENT_START_FOCUS: ("start_focus", "Start a focus block", False),
    vc.INTENT_START_BREAK: ("start_break", "Start a break", False),
    vc.INTENT_PAUSE: ("pause", "Pause the focus timer", False),
    vc.INTENT_RESUME: ("resume", "Resume the focus timer", False),
    vc.INTENT_STOP: ("stop", "Stop the focus timer", False),
    vc.INTENT_SKIP: ("skip", "Skip the focus block or break", False),
    vc.INTENT_ADD_TIME: ("add_time", "Add time to the focus block or break", False),
    vc.INTENT_TIME_LEFT: ("time_left", "Time left on the focus timer", True),
    vc.INTENT_TODAY: ("today", "Focus blocks today", True),
    vc.INTENT_TASK: ("current_task", "Current focus task", True),
}

PROMPT = (
    "Tomatoes focus timers ({names}) run Pomodoro focus blocks and breaks. For focus, "
    "Pomodoro and break requests use the tomatoes__ tools; for plain countdown timers use "
    "the timer tools."
)


class TomatoesTool(llm.Tool):
    """One Tomatoes intent as an LLM tool."""

    integration = DOMAIN

    def __init__(self, handler: TomatoesIntentHandler, names: list[str]) -> None:
        """Describe the intent; the timer name is one of the loaded timers' names."""
        tool, title, read_only = TOOLS[handler.intent_type]
        self.intent_type = handler.intent_type
        self.name = f"{DOMAIN}__{tool}"
        self.title = title
        self.description = handler.description
        self.parameters = vol.Schema(
            {**handler.slot_schema, vol.Optional(vc.SLOT_NAME): vol.In(names)}
        )
        # Annotations exist from 2026.10; earlier versions do not read them.
        if (annotations := getattr(llm, "ToolAnnotations", None)) is not None:
            self.annotations = annotations(
                read_only=read_only, destructive=False, idempotent=read_only, open_world=False
            )

    async def async_call(
        self, hass: HomeAssistant, tool_input: llm.ToolInput, llm_context: llm.LLMContext
    ) -> llm.ToolResult:  # type: ignore[name-defined, unused-ignore]
        """Run the intent and return its answer (speech and outcome)."""
        slots = {
            key: {"value": value}
            for key, value in tool_input.tool_args.items()
            if value is not None and value != ""
        }
        response = await intent.async_handle(
            hass,
            llm_context.platform,
            self.intent_type,
            slots,
            None,
            llm_context.context,
            llm_context.language,
            llm_context.assistant,
            llm_context.device_id,
        )
        data: JsonObjectType = llm.IntentResponseDict(response)
        if hasattr(llm, "ToolResult"):
            return llm.ToolResult(data=data)  # type: ignore[attr-defined, unused-ignore]
        return data  # type: ignore[return-value, unused-ignore]  # 2026.8-2026.9 take a dict


@callback
def async_get_tools(
    hass: HomeAssistant, llm_context: llm.LLMContext, api_id: str
) -> LLMTools | None:
    """Return the Tomatoes tools for the Assist API when a Tomatoes entity is exposed."""
    assistant = llm_context.assistant
    if api_id != llm.LLM_API_ASSIST or not assistant or not _exposed(hass, assistant):
        return None
    names = [entry.title for entry in loaded_entries(hass)]
    tools: list[llm.Tool] = [TomatoesTool(handler, names) for handler in create_handlers()]
    return LLMTools(tools=tools, prompt=PROMPT.format(names=", ".join(names)))


def _exposed(hass: HomeAssistant, assistant: str) -> bool:
    """Tell whether an entity of a loaded timer is exposed to the assistant."""
    registry = er.async_get(hass)
    return any(
        async_should_expose(hass, assistant, entity.entity_id)
        for entry in loaded_entries(hass)
        for entity in er.async_entries_for_config_entry(registry, entry.entry_id)
    )
