"""Tomatoes' sentences, heard by Home Assistant's built-in conversation agent.

Home Assistant has no public way for an integration to add sentences. The built-in agent's
sentence triggers (``register_trigger`` of its agent manager, the call behind automation
``conversation`` triggers) are matched before its own intents, reach voice satellites, and
leave nothing behind when unregistered; docs/decisions.md says why we chose them. Every
template names something only Tomatoes has (focus, Pomodoro, a break, or the name of a
Tomatoes timer), so no built-in sentence is taken. The templates of the languages Home
Assistant speaks form one trigger: the first that matches wins, and the callback hands the
request to the intent it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import logging

from hassil.recognize import RecognizeResult
from homeassistant.components.conversation import ConversationInput
from homeassistant.components.conversation.agent_manager import get_agent_manager
from homeassistant.core import CALLBACK_TYPE, HomeAssistant
from homeassistant.helpers import intent

from .choose import mentioned_name, name_forms
from .const import CONVERSATION, SLOT_MINUTES, SLOT_NAME, SLOT_TASK
from .numbers import async_parse_minutes
from .phrases import LANGUAGES, language_for

_LOGGER = logging.getLogger(__name__)

# Always one of the names, so "<names>" is never empty: "pause the Tomatoes timer".
OUR_NAME = "tomatoes"


@dataclass(frozen=True)
class Meaning:
    """What a sentence template stands for: an intent, fixed slots, the language it is in."""

    intent_type: str
    language: str
    slots: dict[str, str | bool] = field(default_factory=dict)


def build_sentences(titles: tuple[str, ...], languages: tuple[str, ...]) -> dict[str, Meaning]:
    """Expand the templates of these languages for these timer names, in matching order."""
    forms = {OUR_NAME}
    for title in titles:
        forms |= name_forms(title)
    names = "(" + "|".join(sorted(forms, key=lambda form: (-len(form), form))) + ")"
    sentences: dict[str, Meaning] = {}
    for code in languages:
        language = LANGUAGES[code]
        for intent_type, specs in language.sentences.items():
            for spec in specs:
                template, slots = (spec, {}) if isinstance(spec, str) else spec
                meaning = Meaning(intent_type, language.code, dict(slots))
                sentences.setdefault(language.expand(template, names), meaning)
    return sentences


def async_register_sentences(
    hass: HomeAssistant, titles: tuple[str, ...], languages: tuple[str, ...]
) -> CALLBACK_TYPE:
    """Register the sentences for these timers; returns the function that removes them."""
    sentences = build_sentences(titles, languages)

    async def async_heard(user_input: ConversationInput, result: RecognizeResult) -> str | None:
        template = (result.intent_sentence.text if result.intent_sentence else None) or ""
        if (meaning := sentences.get(template)) is None:
            return None
        return await async_answer(hass, meaning, user_input, result)

    return get_agent_manager(hass).register_trigger(list(sentences), async_heard)


async def async_answer(
    hass: HomeAssistant, meaning: Meaning, user_input: ConversationInput, result: RecognizeResult
) -> str:
    """Hand a recognised sentence to its intent and return the spoken answer."""
    slots: dict[str, dict[str, object]] = {
        key: {"value": value} for key, value in meaning.slots.items()
    }
    if (minutes := result.entities.get(SLOT_MINUTES)) is not None:
        number = await async_parse_minutes(hass, str(minutes.text), meaning.language)
        # Zero is out of every range: the intent answers with the range it accepts.
        slots[SLOT_MINUTES] = {"value": 0 if number is None else number}
    if (task := result.entities.get(SLOT_TASK)) is not None:
        slots[SLOT_TASK] = {"value": str(task.text).strip(" .,!?")}
    if (name := mentioned_name(hass, user_input.text)) is not None:
        slots[SLOT_NAME] = {"value": name}
    try:
        response = await intent.async_handle(
            hass,
            CONVERSATION,
            meaning.intent_type,
            slots,
            user_input.text,
            user_input.context,
            user_input.language,
            assistant=CONVERSATION,
            device_id=user_input.device_id,
            satellite_id=user_input.satellite_id,
            conversation_agent_id=user_input.agent_id,
        )
    except intent.IntentError:
        _LOGGER.exception("Tomatoes could not handle %r", user_input.text)
        return language_for(user_input.language).say("failed")
    speech: str = response.speech.get("plain", {}).get("speech", "")
    return speech
