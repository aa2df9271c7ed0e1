"""What each Tomatoes trigger and condition means: its options, what matches, its variables.

Nothing here touches Home Assistant's state: triggers match the timer's transition
events (`engine.Event`), conditions and "minutes left" read the timer's session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Final

from homeassistant.const import CONF_OPTIONS, CONF_TARGET
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.selector import (
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
)
import voluptuous as vol

from ..engine import BREAKS, Event, EventType, Phase, Session, Status


class TriggerType(StrEnum):
    """The triggers Tomatoes offers."""

    FOCUS_STARTED = "focus_started"
    FOCUS_ENDED = "focus_ended"
    BREAK_STARTED = "break_started"
    BREAK_ENDED = "break_ended"
    PAUSED = "paused"
    RESUMED = "resumed"
    SESSION_COMPLETED = "session_completed"
    MINUTES_LEFT = "minutes_left"


class ConditionType(StrEnum):
    """The conditions Tomatoes offers."""

    IS_FOCUSING = "is_focusing"
    IS_ON_BREAK = "is_on_break"
    IS_PAUSED = "is_paused"
    IS_RUNNING = "is_running"


ANY: Final = "any"
COMPLETED: Final = "completed"
CUT_SHORT: Final = "cut_short"
BREAK: Final = "break"


@dataclass(frozen=True, kw_only=True)
class OptionField:
    """One option of a trigger or condition: a choice from a list, or a whole number."""

    key: str
    default: str | int
    choices: tuple[str, ...] = ()
    maximum: int = 0

    def validator(self) -> Callable[[Any], Any]:
        """Return the validator of the option's value."""
        if self.choices:
            return vol.In(self.choices)
        return vol.All(vol.Coerce(int), vol.Range(min=0, max=self.maximum))

    def selector(self) -> SelectSelector | NumberSelector:
        """Return the selector that edits the option (device automations' extra fields)."""
        if self.choices:
            return SelectSelector(
                SelectSelectorConfig(
                    options=list(self.choices),
                    translation_key=f"automation_{self.key}",
                    mode=SelectSelectorMode.DROPDOWN,
                )
            )
        return NumberSelector(
            NumberSelectorConfig(min=0, max=self.maximum, step=1, mode=NumberSelectorMode.BOX)
        )


ENDED = OptionField(key="ended", default=ANY, choices=(ANY, COMPLETED, CUT_SHORT))
BREAK_KIND = OptionField(key="break", default=ANY, choices=(ANY, "short_break", "long_break"))
PHASE = OptionField(
    key="phase", default=ANY, choices=(ANY, "focus", BREAK, "short_break", "long_break")
)
MINUTES = OptionField(key="minutes", default=1, maximum=240)
SECONDS = OptionField(key="seconds", default=0, maximum=59)

TRIGGER_OPTIONS: Final[dict[TriggerType, tuple[OptionField, ...]]] = {
    TriggerType.FOCUS_STARTED: (),
    TriggerType.FOCUS_ENDED: (ENDED,),
    TriggerType.BREAK_STARTED: (BREAK_KIND,),
    TriggerType.BREAK_ENDED: (BREAK_KIND, ENDED),
    TriggerType.PAUSED: (),
    TriggerType.RESUMED: (),
    TriggerType.SESSION_COMPLETED: (),
    TriggerType.MINUTES_LEFT: (MINUTES, SECONDS, PHASE),
}
CONDITION_OPTIONS: Final[dict[ConditionType, tuple[OptionField, ...]]] = {
    ConditionType.IS_FOCUSING: (),
    ConditionType.IS_ON_BREAK: (BREAK_KIND,),
    ConditionType.IS_PAUSED: (PHASE,),
    ConditionType.IS_RUNNING: (),
}


def time_left_above_zero(options: dict[str, Any]) -> dict[str, Any]:
    """Refuse a "minutes left" of zero minutes and zero seconds."""
    if MINUTES.key in options and not time_left(options):
        raise vol.Invalid("minutes and seconds must add up to more than zero")
    return options


def option_validators(fields: Sequence[OptionField]) -> dict[vol.Marker, Any]:
    """Return the options' validators, each with its default, for a schema."""
    return {vol.Optional(field.key, default=field.default): field.validator() for field in fields}


def options_schema(fields: Sequence[OptionField]) -> vol.Schema:
    """Return the schema of a trigger's or condition's options, defaults filled in."""
    return vol.Schema(vol.All(option_validators(fields), time_left_above_zero))


def capabilities(fields: Sequence[OptionField]) -> dict[str, vol.Schema]:
    """Return a device trigger's or condition's extra fields, edited with selectors."""
    if not fields:
        return {}
    return {
        "extra_fields": vol.Schema(
            {vol.Optional(field.key, default=field.default): field.selector() for field in fields}
        )
    }


def platform_schema(fields: Sequence[OptionField]) -> vol.Schema:
    """Return the schema of a trigger or condition of the automation editor.

    The target (timers by device, entity, area or label) is optional: without one,
    every timer counts.
    """
    return vol.Schema(
        {
            vol.Optional(CONF_TARGET): cv.TARGET_FIELDS,
            vol.Optional(CONF_OPTIONS, default={}): options_schema(fields),
        }
    )


def time_left(options: Mapping[str, Any]) -> timedelta:
    """Return how long before the end "minutes left" fires."""
    return timedelta(minutes=options.get(MINUTES.key, 0), seconds=options.get(SECONDS.key, 0))


def phase_matches(choice: str, phase: Phase) -> bool:
    """Tell whether a phase is what a phase or break option asks for."""
    if choice == ANY:
        return phase is not Phase.IDLE
    if choice == BREAK:
        return phase in BREAKS
    return str(phase) == choice


def ending(event: Event) -> str | None:
    """Return how the event ended a running (or paused) phase, or None if it ended none.

    A skip or stop of a phase that ran is "cut short". Skipping a phase that was only
    waiting to start, or stopping a waiting timer, ends nothing: such events carry no
    planned duration.
    """
    if event.type in (EventType.FOCUS_COMPLETED, EventType.BREAK_COMPLETED):
        return COMPLETED
    if event.type in (EventType.SKIPPED, EventType.STOPPED) and (
        event.data.get("planned_minutes") is not None
    ):
        return CUT_SHORT
    return None


def _ended_as(options: Mapping[str, Any], event: Event) -> bool:
    how = ending(event)
    return how is not None and options.get(ENDED.key, ANY) in (ANY, how)


_BY_EVENT_TYPE: Final[dict[TriggerType, EventType]] = {
    TriggerType.FOCUS_STARTED: EventType.FOCUS_STARTED,
    TriggerType.PAUSED: EventType.PAUSED,
    TriggerType.RESUMED: EventType.RESUMED,
    TriggerType.SESSION_COMPLETED: EventType.SESSION_COMPLETED,
}


def trigger_matches(kind: TriggerType, options: Mapping[str, Any], event: Event) -> bool:
    """Tell whether a transition fires a trigger of this kind and options."""
    if (event_type := _BY_EVENT_TYPE.get(kind)) is not None:
        return event.type is event_type
    if kind is TriggerType.FOCUS_ENDED:
        return event.phase is Phase.FOCUS and _ended_as(options, event)
    break_wanted = phase_matches(options.get(BREAK_KIND.key, ANY), event.phase)
    if kind is TriggerType.BREAK_STARTED:
        return event.type is EventType.BREAK_STARTED and break_wanted
    # What is left is "break ended" ("minutes left" follows the clock, not transitions).
    return (
        kind is TriggerType.BREAK_ENDED
        and event.phase in BREAKS
        and break_wanted
        and _ended_as(options, event)
    )


def block_number(event_type: EventType | str, cycle_blocks: int) -> int:
    """Return the focus block a transition belongs to, counted from 1 in its cycle.

    The running (or just cut short) block during focus, the block just completed on
    completion, and during a break the block that follows it.
    """
    if event_type in (EventType.FOCUS_COMPLETED, EventType.SESSION_COMPLETED):
        return cycle_blocks
    return cycle_blocks + 1


def event_variables(event: Event) -> dict[str, Any]:
    """Return the trigger variables of a transition."""
    data = event.data
    cycle_blocks = int(data.get("cycle_blocks", 0))
    variables: dict[str, Any] = {
        "event": str(event.type),
        "phase": data.get("phase", str(event.phase)),
        "planned_minutes": data.get("planned_minutes"),
        "elapsed_minutes": data.get("elapsed_minutes"),
        "task": data.get("task"),
        "block": block_number(event.type, cycle_blocks),
        "cycle_blocks": cycle_blocks,
    }
    if (how := ending(event)) is not None:
        variables["ended"] = how
    return variables


def minutes_left_at(session: Session, before: timedelta, phase_choice: str) -> datetime | None:
    """Return the instant "minutes left" fires in the running phase, or None if it cannot."""
    if session.status is not Status.RUNNING or session.ends_at is None:
        return None
    if not phase_matches(phase_choice, session.phase):
        return None
    return session.ends_at - before


def _minutes(value: timedelta) -> float:
    return round(value.total_seconds() / 60, 2)


def session_variables(session: Session, now: datetime) -> dict[str, Any]:
    """Return the trigger variables of "minutes left", read from the running session."""
    elapsed = session.elapsed
    if session.run_started is not None:
        elapsed += max(now - session.run_started, timedelta(0))
    ends_at = session.ends_at
    seconds_left = max((ends_at - now).total_seconds(), 0.0) if ends_at else 0.0
    return {
        "event": str(TriggerType.MINUTES_LEFT),
        "phase": str(session.phase),
        "planned_minutes": _minutes(session.planned) if session.planned else None,
        "elapsed_minutes": _minutes(elapsed),
        "task": session.task,
        "block": session.cycle_blocks + 1,
        "cycle_blocks": session.cycle_blocks,
        "ends_at": ends_at,
        "seconds_left": round(seconds_left),
    }


def condition_holds(kind: ConditionType, options: Mapping[str, Any], session: Session) -> bool:
    """Tell whether a timer's session meets a condition."""
    running = session.status is Status.RUNNING
    match kind:
        case ConditionType.IS_FOCUSING:
            return running and session.phase is Phase.FOCUS
        case ConditionType.IS_ON_BREAK:
            return (
                running
                and session.phase in BREAKS
                and phase_matches(options.get(BREAK_KIND.key, ANY), session.phase)
            )
        case ConditionType.IS_PAUSED:
            return session.status is Status.PAUSED and phase_matches(
                options.get(PHASE.key, ANY), session.phase
            )
        case ConditionType.IS_RUNNING:
            return running
