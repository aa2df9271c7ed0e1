"""Assist intents of Tomatoes: focus, breaks, pause, resume, stop, skip, add time, questions.

The questions are "how long is left", "how many today" and "what am I working on". Every
handler chooses the timer (voice/choose.py), calls the same FocusTimer operations as the
actions, and answers with a sentence in the language of the request.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, ClassVar

from homeassistant.core import Context, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, intent
import voluptuous as vol

from .engine import BREAKS, Phase, Status
from .services import MAX_DURATION, MAX_EXTENSION_MINUTES
from .timer import FocusTimer
from .voice import const as vc
from .voice.choose import choose_timer
from .voice.language import Language
from .voice.manager import VoiceManager, voice_manager
from .voice.phrases import language_for

MAX_START_MINUTES = int(MAX_DURATION.total_seconds() // 60)

# What an operation the session refuses means to a person.
_REFUSALS = {"not_running": "idle", "not_active": "idle", "not_paused": "nothing_paused"}


class RefusalError(Exception):
    """A request that changes nothing, with the answer that says why."""

    def __init__(self, key: str, **values: str) -> None:
        """Keep the answer's key and its values."""
        super().__init__(key)
        self.key = key
        self.values = values


def started(timer: FocusTimer, language: Language) -> str:
    """Say what has just started and for how long."""
    session = timer.session
    left, count = _left(timer, language)
    if session.phase is Phase.FOCUS:
        if session.task:
            return language.say("focus_started_task", count, left=left, task=session.task)
        return language.say("focus_started", count, left=left)
    return language.say(f"{session.phase}_started", count, left=left)


def status(timer: FocusTimer, language: Language) -> str:
    """Say how long is left, or whether the timer is paused, waiting or idle."""
    session = timer.session
    left, count = _left(timer, language)
    if session.status is Status.RUNNING:
        return language.say(f"left_{session.phase}", count, left=left)
    if session.status is Status.PAUSED:
        return language.say("paused", count, left=left)
    if session.status is Status.READY:
        return language.say(f"ready_{session.next_phase}")
    return language.say("idle")


def _left(timer: FocusTimer, language: Language) -> tuple[str, int]:
    """Return the time left as the language says it, and the count its plural follows."""
    left = timer.time_left()
    return language.minutes(0.0 if left is None else left.total_seconds())


def _minutes(values: dict[str, Any], most: int) -> timedelta | None:
    """Return the minutes slot as a duration; out of range is refused."""
    if (minutes := values.get(vc.SLOT_MINUTES)) is None:
        return None
    if not 1 <= minutes <= most:
        raise RefusalError("bad_minutes", max=str(most))
    return timedelta(minutes=minutes)


class TomatoesIntentHandler(intent.IntentHandler):
    """Validate the slots, choose the timer, act, and answer in the request's language."""

    extra_slots: ClassVar[dict[vol.Marker, Any]] = {}
    question = False

    def __init__(self, intent_type: str, description: str) -> None:
        """Name the intent and describe it (the description reaches LLM agents)."""
        self.intent_type = intent_type
        self.description = description
        # 2026.3-2026.7 offer an intent to LLMs only when one of these domains is exposed.
        self.platforms = set(vc.ENTITY_DOMAINS)

    @property
    def slot_schema(self) -> dict[vol.Marker, Any]:
        """Return the slots: every intent takes a timer name, some take more."""
        return {vol.Optional(vc.SLOT_NAME): cv.string, **self.extra_slots}

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Handle the intent and answer with a sentence."""
        slots = self.async_validate_slots(intent_obj.slots)
        values = {key: slot["value"] for key, slot in slots.items()}
        language = language_for(intent_obj.language)
        response = intent_obj.create_response()
        choice = choose_timer(
            intent_obj.hass,
            values.get(vc.SLOT_NAME),
            satellite_id=intent_obj.satellite_id,
            device_id=intent_obj.device_id,
        )
        if choice.entry is None:
            if len(choice.candidates) > 1:
                names = language.either([entry.title for entry in choice.candidates])
                text = language.say("which", names=names)
            elif vc.SLOT_NAME in values:
                text = language.say("unknown_timer", name=str(values[vc.SLOT_NAME]))
            else:
                text = language.say("no_timers")
            response.async_set_error(intent.IntentResponseErrorCode.NO_VALID_TARGETS, text)
            return response
        try:
            text = await self.async_act(
                choice.entry.runtime_data.timer, values, language, intent_obj.context
            )
        except ServiceValidationError as err:
            if err.translation_key not in _REFUSALS:
                raise
            text = language.say(_REFUSALS[err.translation_key])
        except RefusalError as refusal:
            text = language.say(refusal.key, **refusal.values)
        else:
            if self.question:
                response.response_type = intent.IntentResponseType.QUERY_ANSWER
            response.async_set_speech(text)
            return response
        response.async_set_error(intent.IntentResponseErrorCode.FAILED_TO_HANDLE, text)
        return response

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Do what the intent asks and return the answer (subclasses)."""
        raise NotImplementedError


class StartFocusHandler(TomatoesIntentHandler):
    """Start a focus block, optionally for N minutes, with a task or in a mode."""

    extra_slots: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(vc.SLOT_MINUTES): vol.Coerce(int),
        vol.Optional(vc.SLOT_TASK): vol.All(cv.string, vol.Length(max=255)),
        vol.Optional(vc.SLOT_MODE): cv.string,
    }

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Start the focus block and say for how long."""
        duration = _minutes(values, MAX_START_MINUTES)
        modes = timer.entry.runtime_data.modes
        mode = modes.find(str(values[vc.SLOT_MODE])) if vc.SLOT_MODE in values else None
        if mode is not None:  # the sentences name built-in modes, which every timer has
            await modes.async_select(mode)
        # Spoken minutes or a mode ask for a new block; a plain "start focus" keeps one.
        restart = duration is not None or mode is not None
        await timer.async_start(
            Phase.FOCUS, duration, values.get(vc.SLOT_TASK), restart=restart, context=context
        )
        return started(timer, language)


class StartBreakHandler(TomatoesIntentHandler):
    """Start a break: short, long, or whichever is due."""

    extra_slots: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(vc.SLOT_MINUTES): vol.Coerce(int),
        vol.Optional(vc.SLOT_LONG): cv.boolean,
    }

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Start the break and say for how long."""
        duration = _minutes(values, MAX_START_MINUTES)
        long_break = values.get(vc.SLOT_LONG)
        if long_break is None:
            due = timer.session.next_phase
            phase = due if due in BREAKS else Phase.SHORT_BREAK
        else:
            phase = Phase.LONG_BREAK if long_break else Phase.SHORT_BREAK
        # Asking for a break is explicit.
        await timer.async_start(phase, duration, restart=True, context=context)
        return started(timer, language)


class PauseHandler(TomatoesIntentHandler):
    """Pause the running focus block or break."""

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Pause and say what is left."""
        await timer.async_pause(context)
        return status(timer, language)


class ResumeHandler(TomatoesIntentHandler):
    """Resume a paused focus block or break."""

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Resume and say what is left."""
        await timer.async_resume(context)
        left, count = _left(timer, language)
        return language.say("resumed", count, left=left)


class StopHandler(TomatoesIntentHandler):
    """Stop the timer."""

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Stop and say so."""
        await timer.async_stop(context)
        return language.say("stopped")


class SkipHandler(TomatoesIntentHandler):
    """Skip the current (or waiting) phase; "skip this break" skips only a break."""

    extra_slots: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(vc.SLOT_PHASE): vol.In([vc.SKIP_FOCUS, vc.SKIP_BREAK]),
    }

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Skip and say what started instead."""
        session = timer.session
        current = session.next_phase if session.status is Status.READY else session.phase
        wanted = values.get(vc.SLOT_PHASE)
        if session.status is not Status.IDLE:
            if wanted == vc.SKIP_BREAK and current not in BREAKS:
                raise RefusalError("not_on_break")
            if wanted == vc.SKIP_FOCUS and current is not Phase.FOCUS:
                raise RefusalError("not_in_focus")
        await timer.async_skip(context)
        return language.say("skipped", next=started(timer, language))


class AddTimeHandler(TomatoesIntentHandler):
    """Add minutes to the running or paused phase."""

    extra_slots: ClassVar[dict[vol.Marker, Any]] = {
        vol.Required(vc.SLOT_MINUTES): vol.Coerce(int),
    }

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Extend and say what is left now."""
        added = _minutes(values, MAX_EXTENSION_MINUTES) or timedelta(0)
        await timer.async_extend(added, context)
        left, count = _left(timer, language)
        return language.say(
            "extended", count, added=language.minutes(added.total_seconds())[0], left=left
        )


class TimeLeftHandler(TomatoesIntentHandler):
    """Answer "how long is left"."""

    question = True

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Say how long is left."""
        return status(timer, language)


class TodayHandler(TomatoesIntentHandler):
    """Answer "how many focus blocks today" with blocks and minutes."""

    question = True

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Say today's blocks and minutes of focus."""
        today = timer.today()
        minutes = round(today.focus_seconds / 60)
        return language.say(
            "today",
            blocks=language.blocks(today.blocks),
            minutes=f"{minutes} {language.plural(minutes, language.minute)}",
        )


class TaskHandler(TomatoesIntentHandler):
    """Answer "what am I working on"."""

    question = True

    async def async_act(
        self, timer: FocusTimer, values: dict[str, Any], language: Language, context: Context
    ) -> str:
        """Say the task, or that there is none."""
        if (task := timer.session.task) is not None:
            return language.say("task", task=task)
        if timer.session.status is Status.IDLE:
            return language.say("idle")
        return language.say("no_task")


_NOT_A_KITCHEN_TIMER = (
    " Tomatoes is a Pomodoro focus timer; for a plain countdown (cooking, laundry) use "
    "HassStartTimer and the other Hass timer intents instead."
)


def create_handlers() -> list[TomatoesIntentHandler]:
    """Return one handler per Tomatoes intent."""
    return [
        StartFocusHandler(
            vc.INTENT_START_FOCUS,
            "Starts a focus block (a Pomodoro) on a Tomatoes focus timer, optionally for a "
            "number of minutes, for a task, or in a mode (classic, deep_focus, sprint, or one "
            "of the timer's own modes)." + _NOT_A_KITCHEN_TIMER,
        ),
        StartBreakHandler(
            vc.INTENT_START_BREAK,
            "Starts a break on a Tomatoes focus timer: long, short, or whichever is due.",
        ),
        PauseHandler(vc.INTENT_PAUSE, "Pauses a Tomatoes focus timer." + _NOT_A_KITCHEN_TIMER),
        ResumeHandler(vc.INTENT_RESUME, "Resumes a paused Tomatoes focus timer."),
        StopHandler(vc.INTENT_STOP, "Stops a Tomatoes focus timer." + _NOT_A_KITCHEN_TIMER),
        SkipHandler(
            vc.INTENT_SKIP,
            "Skips the current focus block or break of a Tomatoes focus timer and starts the "
            "next phase; phase says which one the person meant to skip.",
        ),
        AddTimeHandler(
            vc.INTENT_ADD_TIME,
            "Adds minutes to the running focus block or break of a Tomatoes focus timer."
            + _NOT_A_KITCHEN_TIMER,
        ),
        TimeLeftHandler(
            vc.INTENT_TIME_LEFT,
            "Tells how long is left in the focus block or break of a Tomatoes focus timer, "
            "or that it is paused, waiting or idle." + _NOT_A_KITCHEN_TIMER,
        ),
        TodayHandler(
            vc.INTENT_TODAY,
            "Tells how many focus blocks (Pomodoros) a Tomatoes timer completed today and "
            "the minutes of focus.",
        ),
        TaskHandler(vc.INTENT_TASK, "Tells which task the Tomatoes focus block is for."),
    ]


@callback
def async_setup_voice(hass: HomeAssistant) -> None:
    """Keep Tomatoes' intents and sentences registered while a timer is loaded."""
    VoiceManager(hass, create_handlers).async_start()


async def async_setup_intents(hass: HomeAssistant) -> None:
    """Bring the intents up to date when Home Assistant's intent integration loads."""
    if (manager := voice_manager(hass)) is not None:
        manager.async_refresh()
