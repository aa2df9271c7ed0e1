"""Natural phrasings in each language reach the right intent with the right slots.

Each sentence goes through the built-in conversation agent's own sentence-trigger matching
(nothing is executed); the template it matched says which intent and fixed slots it stands
for, and the wildcards give the minutes and the task.
"""

from __future__ import annotations

from homeassistant.components.conversation import ConversationInput
from homeassistant.components.conversation.agent_manager import get_agent_manager
from homeassistant.core import Context, HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.voice.numbers import async_parse_minutes
from custom_components.tomatoes.voice.triggers import build_sentences

from .conftest import async_speak

# (language, sentence, intent, slots); "minutes" is the number the words say.
PHRASINGS = [
    ("en", "start a focus session", "StartFocus", {}),
    ("en", "Start a pomodoro.", "StartFocus", {}),
    ("en", "start a 10 minute focus session", "StartFocus", {"minutes": 10}),
    ("en", "start a 10-minute focus session", "StartFocus", {"minutes": 10}),
    ("en", "start a ten minute pomodoro", "StartFocus", {"minutes": 10}),
    ("en", "start a focus session for 45 minutes", "StartFocus", {"minutes": 45}),
    (
        "en",
        "focus on the report for 45 minutes",
        "StartFocus",
        {"task": "the report", "minutes": 45},
    ),
    (
        "en",
        "start a pomodoro for the quarterly report",
        "StartFocus",
        {"task": "the quarterly report"},
    ),
    ("en", "start deep focus", "StartFocus", {"mode": "deep_focus"}),
    ("en", "start a classic pomodoro", "StartFocus", {"mode": "classic"}),
    ("en", "start a sprint pomodoro", "StartFocus", {"mode": "sprint"}),
    ("en", "start a focus session on the study timer", "StartFocus", {}),
    ("en", "I need to focus", "StartFocus", {}),
    ("en", "take a break", "StartBreak", {}),
    ("en", "start a long break", "StartBreak", {"long": True}),
    ("en", "take a short break", "StartBreak", {"long": False}),
    ("en", "take a 10 minute break", "StartBreak", {"minutes": 10}),
    ("en", "pause my pomodoro", "Pause", {}),
    ("en", "pause the study timer", "Pause", {}),
    ("en", "continue the focus session", "Resume", {}),
    ("en", "cancel the pomodoro", "Stop", {}),
    ("en", "stop focusing", "Stop", {}),
    ("en", "skip this break", "Skip", {"phase": "break"}),
    ("en", "skip the focus block", "Skip", {"phase": "focus"}),
    ("en", "extend the focus session by 15 minutes", "AddTime", {"minutes": 15}),
    ("en", "how much focus time is left", "TimeLeft", {}),
    ("en", "how long is left in my focus block", "TimeLeft", {}),
    ("en", "how long until my break", "TimeLeft", {}),
    ("en", "how much time is left on the study timer", "TimeLeft", {}),
    ("en", "how many pomodoros did I do today", "Today", {}),
    ("en", "how much focus time have I had today", "Today", {}),
    ("en", "what is my current task", "Task", {}),
    ("de", "Pomodoro starten", "StartFocus", {}),
    ("de", "starte eine Fokuszeit von zehn Minuten", "StartFocus", {"minutes": 10}),
    ("de", "starte 25 Minuten Fokus", "StartFocus", {"minutes": 25}),
    (
        "de",
        "Fokus auf den Bericht für 45 Minuten",
        "StartFocus",
        {"task": "den Bericht", "minutes": 45},
    ),
    ("de", "starte tiefen Fokus", "StartFocus", {"mode": "deep_focus"}),
    ("de", "ich möchte mich konzentrieren", "StartFocus", {}),
    ("de", "mach eine lange Pause", "StartBreak", {"long": True}),
    ("de", "eine Pause machen", "StartBreak", {}),
    ("de", "Fokuszeit pausieren", "Pause", {}),
    ("de", "mach mit der Fokuszeit weiter", "Resume", {}),
    ("de", "Pomodoro abbrechen", "Stop", {}),
    ("de", "Pause überspringen", "Skip", {"phase": "break"}),
    ("de", "füge 5 Minuten zur Fokuszeit hinzu", "AddTime", {"minutes": 5}),
    ("de", "wie viel Fokuszeit ist noch übrig", "TimeLeft", {}),
    ("de", "wie lange noch bis zur Pause", "TimeLeft", {}),
    ("de", "wie lange läuft der Study Timer noch", "TimeLeft", {}),
    ("de", "wie viele Fokusblöcke habe ich heute gemacht", "Today", {}),
    ("de", "was ist meine aktuelle Aufgabe", "Task", {}),
    ("fr", "lance un pomodoro", "StartFocus", {}),
    (
        "fr",
        "lance une session de concentration de quarante-cinq minutes",
        "StartFocus",
        {"minutes": 45},
    ),
    (
        "fr",
        "je me concentre sur le rapport pendant 30 minutes",
        "StartFocus",
        {"task": "le rapport", "minutes": 30},
    ),
    ("fr", "lance le mode concentration profonde", "StartFocus", {"mode": "deep_focus"}),
    ("fr", "prends une longue pause", "StartBreak", {"long": True}),
    ("fr", "c'est l'heure de la pause", "StartBreak", {}),
    ("fr", "suspends le pomodoro", "Pause", {}),
    ("fr", "arrête la session de concentration", "Stop", {}),
    ("fr", "passe le bloc de concentration", "Skip", {"phase": "focus"}),
    ("fr", "prolonge la session de concentration de 10 minutes", "AddTime", {"minutes": 10}),
    ("fr", "combien de temps de concentration reste-t-il", "TimeLeft", {}),
    ("fr", "combien de temps avant la pause", "TimeLeft", {}),
    ("fr", "combien de blocs de concentration aujourd'hui", "Today", {}),
    ("fr", "quelle est ma tâche en cours", "Task", {}),
    ("es", "empieza un pomodoro", "StartFocus", {}),
    ("es", "inicia una sesión de concentración de veinte minutos", "StartFocus", {"minutes": 20}),
    ("es", "inicia una sesion de concentracion", "StartFocus", {}),
    (
        "es",
        "quiero concentrarme en el informe durante 30 minutos",
        "StartFocus",
        {"task": "el informe", "minutes": 30},
    ),
    ("es", "inicia el modo concentración profunda", "StartFocus", {"mode": "deep_focus"}),
    ("es", "tómate un descanso largo", "StartBreak", {"long": True}),
    ("es", "pon el pomodoro en pausa", "Pause", {}),
    ("es", "cancela la sesión de concentración", "Stop", {}),
    ("es", "omite el descanso", "Skip", {"phase": "break"}),
    ("es", "agrega 10 minutos al pomodoro", "AddTime", {"minutes": 10}),
    ("es", "cuánto tiempo de concentración me queda", "TimeLeft", {}),
    ("es", "cuánto falta para el descanso", "TimeLeft", {}),
    ("es", "cuántos bloques de concentración llevo hoy", "Today", {}),
    ("es", "cuál es mi tarea actual", "Task", {}),
    ("nl", "start een pomodoro", "StartFocus", {}),
    ("nl", "start een focussessie van vijftien minuten", "StartFocus", {"minutes": 15}),
    ("nl", "focus 30 minuten op het verslag", "StartFocus", {"minutes": 30, "task": "het verslag"}),
    ("nl", "start diepe focus", "StartFocus", {"mode": "deep_focus"}),
    ("nl", "neem een lange pauze", "StartBreak", {"long": True}),
    ("nl", "pauze nemen", "StartBreak", {}),
    ("nl", "zet de focustimer op pauze", "Pause", {}),
    ("nl", "ga verder met de focussessie", "Resume", {}),
    ("nl", "de pomodoro stoppen", "Stop", {}),
    ("nl", "de pauze overslaan", "Skip", {"phase": "break"}),
    ("nl", "voeg 5 minuten toe aan de focustimer", "AddTime", {"minutes": 5}),
    ("nl", "hoeveel focustijd is er nog over", "TimeLeft", {}),
    ("nl", "hoe lang nog tot de pauze", "TimeLeft", {}),
    ("nl", "hoeveel focusblokken heb ik vandaag gedaan", "Today", {}),
    ("nl", "waar ben ik mee bezig", "Task", {}),
]


@pytest.mark.usefixtures("study")
async def test_phrasings_reach_their_intent(hass: HomeAssistant) -> None:
    agent = get_agent_manager(hass).default_agent
    assert agent is not None
    heard = []
    for language, sentence, _intent, _slots in PHRASINGS:
        await async_speak(hass, language)
        meanings = build_sentences(("Study",), (language,))
        user_input = ConversationInput(
            text=sentence,
            context=Context(),
            conversation_id=None,
            device_id=None,
            satellite_id=None,
            language=language,
            agent_id="conversation.home_assistant",
        )
        result = await agent.async_recognize_sentence_trigger(user_input)
        assert result is not None, sentence
        ((match,),) = [list(result.matched_triggers.values())]
        meaning = meanings[match.intent_sentence.text]
        found: dict[str, object] = dict(meaning.slots)
        if (minutes := match.entities.get("minutes")) is not None:
            found["minutes"] = await async_parse_minutes(hass, minutes.text, meaning.language)
        if (task := match.entities.get("task")) is not None:
            found["task"] = task.text.strip()
        heard.append((sentence, meaning.intent_type.removeprefix("Tomatoes"), found))
    assert heard == [(sentence, intent, slots) for _, sentence, intent, slots in PHRASINGS]


@pytest.mark.parametrize(
    ("language", "words", "number"),
    [
        ("en", "a twenty five", 25),
        ("en", "forty-five", 45),
        ("de", "fünfundvierzig", 45),
        ("fr", "vingt-cinq", 25),
        ("es", "cuarenta y cinco", 45),
        ("nl", "vijfentwintig", 25),
        ("en", "90", 90),
        ("en", "banana", None),
    ],
)
async def test_minutes_in_words(
    hass: HomeAssistant, study: MockConfigEntry, language: str, words: str, number: int | None
) -> None:
    assert await async_parse_minutes(hass, words, language) == number
