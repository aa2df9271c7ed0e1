"""Names shared by Tomatoes' intents, sentences and LLM tools."""

from __future__ import annotations

from typing import Final

INTENT_START_FOCUS: Final = "TomatoesStartFocus"
INTENT_START_BREAK: Final = "TomatoesStartBreak"
INTENT_PAUSE: Final = "TomatoesPause"
INTENT_RESUME: Final = "TomatoesResume"
INTENT_STOP: Final = "TomatoesStop"
INTENT_SKIP: Final = "TomatoesSkip"
INTENT_ADD_TIME: Final = "TomatoesAddTime"
INTENT_TIME_LEFT: Final = "TomatoesTimeLeft"
INTENT_TODAY: Final = "TomatoesToday"
INTENT_TASK: Final = "TomatoesTask"

INTENTS: Final = (
    INTENT_START_FOCUS,
    INTENT_START_BREAK,
    INTENT_PAUSE,
    INTENT_RESUME,
    INTENT_STOP,
    INTENT_SKIP,
    INTENT_ADD_TIME,
    INTENT_TIME_LEFT,
    INTENT_TODAY,
    INTENT_TASK,
)

# Home Assistant's conversation integration, which runs the sentences (and names Assist).
CONVERSATION: Final = "conversation"

SLOT_NAME: Final = "name"
SLOT_MINUTES: Final = "minutes"
SLOT_TASK: Final = "task"
SLOT_MODE: Final = "mode"
SLOT_LONG: Final = "long"
SLOT_PHASE: Final = "phase"

# What "skip" may be told to skip; anything else is refused without a change.
SKIP_FOCUS: Final = "focus"
SKIP_BREAK: Final = "break"

# The entity domains Tomatoes creates. Home Assistant 2026.3-2026.7 offers an intent to
# LLM agents only when an entity of one of these domains is exposed to Assist.
ENTITY_DOMAINS: Final = frozenset(
    {"binary_sensor", "button", "event", "number", "select", "sensor", "switch"}
)

# Slot values a template always carries (which mode; which break; what to skip).
DEEP: Final = {SLOT_MODE: "deep_focus"}
CLASSIC: Final = {SLOT_MODE: "classic"}
SPRINT: Final = {SLOT_MODE: "sprint"}
LONG: Final = {SLOT_LONG: True}
SHORT: Final = {SLOT_LONG: False}
BREAK: Final = {SLOT_PHASE: SKIP_BREAK}
FOCUS: Final = {SLOT_PHASE: SKIP_FOCUS}
