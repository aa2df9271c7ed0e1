"""Every intent in every language, said to Assist, with an idle, running, paused and ready timer.

Text goes into Home Assistant's conversation processing; what Assist says and what the
timer shows afterwards come out. Before each sentence the Study timer is replaced by a new
one in the state under test: running is 11 minutes into a focus block on "the report"
(14 left), paused was paused 13 minutes in (12 left), ready has finished a focus block with
its short break waiting.
"""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest

from .conftest import STATES, Ask, async_study_in, phase_and_status, speech

SAY = {
    "en": {
        "StartFocus": "start a 10 minute focus session",
        "StartBreak": "take a break",
        "Pause": "pause the focus timer",
        "Resume": "resume the focus timer",
        "Stop": "stop the focus timer",
        "Skip": "skip this break",
        "AddTime": "add 5 minutes to the focus timer",
        "TimeLeft": "how long is left on the focus timer",
        "Today": "how many focus blocks have I done today",
        "Task": "what am I working on",
    },
    "de": {
        "StartFocus": "starte eine Fokuszeit von 10 Minuten",
        "StartBreak": "mach eine Pause",
        "Pause": "pausiere den Fokustimer",
        "Resume": "setze die Fokuszeit fort",
        "Stop": "beende die Fokuszeit",
        "Skip": "überspringe die Pause",
        "AddTime": "verlängere die Fokuszeit um 5 Minuten",
        "TimeLeft": "wie lange läuft die Fokuszeit noch",
        "Today": "wie viele Pomodoros habe ich heute geschafft",
        "Task": "woran arbeite ich gerade",
    },
    "fr": {
        "StartFocus": "lance une session de concentration de 10 minutes",
        "StartBreak": "prends une pause",
        "Pause": "mets la session de concentration en pause",
        "Resume": "reprends la session de concentration",
        "Stop": "arrête le minuteur de concentration",
        "Skip": "passe la pause",
        "AddTime": "ajoute 5 minutes à la session de concentration",
        "TimeLeft": "combien de temps reste-t-il sur la session de concentration",
        "Today": "combien de pomodoros ai-je faits aujourd'hui",
        "Task": "sur quoi je travaille",
    },
    "es": {
        "StartFocus": "inicia una sesión de concentración de 10 minutos",
        "StartBreak": "toma un descanso",
        "Pause": "pausa la sesión de concentración",
        "Resume": "reanuda la sesión de concentración",
        "Stop": "detén el pomodoro",
        "Skip": "sáltate el descanso",
        "AddTime": "añade 5 minutos a la sesión de concentración",
        "TimeLeft": "cuánto tiempo queda en la sesión de concentración",
        "Today": "cuántos pomodoros he hecho hoy",
        "Task": "en qué estoy trabajando",
    },
    "nl": {
        "StartFocus": "start een focussessie van 10 minuten",
        "StartBreak": "neem een pauze",
        "Pause": "pauzeer de focustimer",
        "Resume": "hervat de focussessie",
        "Stop": "stop de focustimer",
        "Skip": "sla de pauze over",
        "AddTime": "verleng de focussessie met 5 minuten",
        "TimeLeft": "hoe lang duurt de focussessie nog",
        "Today": "hoeveel pomodoro's heb ik vandaag gedaan",
        "Task": "waar werk ik aan",
    },
}

# What Assist answers, for an idle, running, paused and ready timer.
HEAR = {
    "en": {
        "StartFocus": (
            "Focusing for 10 minutes.",
            "Focusing on the report for 10 minutes.",
            "Focusing on the report for 10 minutes.",
            "Focusing on the report for 10 minutes.",
        ),
        "StartBreak": (
            "Short break for 5 minutes.",
            "Short break for 5 minutes.",
            "Short break for 5 minutes.",
            "Short break for 5 minutes.",
        ),
        "Pause": (
            "Nothing is running.",
            "Paused with 14 minutes left.",
            "Paused with 12 minutes left.",
            "Nothing is running.",
        ),
        "Resume": (
            "Nothing is paused.",
            "Resumed, 14 minutes left.",
            "Resumed, 12 minutes left.",
            "Nothing is paused.",
        ),
        "Stop": (
            "The focus timer is stopped.",
            "The focus timer is stopped.",
            "The focus timer is stopped.",
            "The focus timer is stopped.",
        ),
        "Skip": (
            "Nothing is running.",
            "You're not on a break.",
            "You're not on a break.",
            "Skipped. Focusing on the report for 25 minutes.",
        ),
        "AddTime": (
            "Nothing is running.",
            "Added 5 minutes, 19 minutes left.",
            "Added 5 minutes, 17 minutes left.",
            "Nothing is running.",
        ),
        "TimeLeft": (
            "Nothing is running.",
            "14 minutes left in your focus block.",
            "Paused with 12 minutes left.",
            "Your break is ready to start.",
        ),
        "Today": (
            "0 focus blocks today, 0 minutes of focus.",
            "0 focus blocks today, 0 minutes of focus.",
            "0 focus blocks today, 13 minutes of focus.",
            "1 focus block today, 25 minutes of focus.",
        ),
        "Task": (
            "Nothing is running.",
            "You're working on the report.",
            "You're working on the report.",
            "You're working on the report.",
        ),
    },
    "de": {
        "StartFocus": (
            "Fokuszeit gestartet, 10 Minuten.",
            "Fokuszeit für the report gestartet, 10 Minuten.",
            "Fokuszeit für the report gestartet, 10 Minuten.",
            "Fokuszeit für the report gestartet, 10 Minuten.",
        ),
        "StartBreak": (
            "Kurze Pause, 5 Minuten.",
            "Kurze Pause, 5 Minuten.",
            "Kurze Pause, 5 Minuten.",
            "Kurze Pause, 5 Minuten.",
        ),
        "Pause": (
            "Es läuft nichts.",
            "Pausiert, noch 14 Minuten.",
            "Pausiert, noch 12 Minuten.",
            "Es läuft nichts.",
        ),
        "Resume": (
            "Es ist nichts pausiert.",
            "Weiter geht's, noch 14 Minuten.",
            "Weiter geht's, noch 12 Minuten.",
            "Es ist nichts pausiert.",
        ),
        "Stop": (
            "Der Fokus-Timer ist gestoppt.",
            "Der Fokus-Timer ist gestoppt.",
            "Der Fokus-Timer ist gestoppt.",
            "Der Fokus-Timer ist gestoppt.",
        ),
        "Skip": (
            "Es läuft nichts.",
            "Du bist gerade nicht in einer Pause.",
            "Du bist gerade nicht in einer Pause.",
            "Übersprungen. Fokuszeit für the report gestartet, 25 Minuten.",
        ),
        "AddTime": (
            "Es läuft nichts.",
            "5 Minuten hinzugefügt, noch 19 Minuten.",
            "5 Minuten hinzugefügt, noch 17 Minuten.",
            "Es läuft nichts.",
        ),
        "TimeLeft": (
            "Es läuft nichts.",
            "Noch 14 Minuten in deinem Fokusblock.",
            "Pausiert, noch 12 Minuten.",
            "Deine Pause kann starten.",
        ),
        "Today": (
            "Heute 0 Fokusblöcke, 0 Minuten Fokuszeit.",
            "Heute 0 Fokusblöcke, 0 Minuten Fokuszeit.",
            "Heute 0 Fokusblöcke, 13 Minuten Fokuszeit.",
            "Heute 1 Fokusblock, 25 Minuten Fokuszeit.",
        ),
        "Task": (
            "Es läuft nichts.",
            "Du arbeitest an the report.",
            "Du arbeitest an the report.",
            "Du arbeitest an the report.",
        ),
    },
    "fr": {
        "StartFocus": (
            "Concentration lancée pour 10 minutes.",
            "Concentration sur the report lancée pour 10 minutes.",
            "Concentration sur the report lancée pour 10 minutes.",
            "Concentration sur the report lancée pour 10 minutes.",
        ),
        "StartBreak": (
            "Petite pause de 5 minutes.",
            "Petite pause de 5 minutes.",
            "Petite pause de 5 minutes.",
            "Petite pause de 5 minutes.",
        ),
        "Pause": (
            "Rien n'est en cours.",
            "En pause, il reste 14 minutes.",
            "En pause, il reste 12 minutes.",
            "Rien n'est en cours.",
        ),
        "Resume": (
            "Rien n'est en pause.",
            "C'est reparti, il reste 14 minutes.",
            "C'est reparti, il reste 12 minutes.",
            "Rien n'est en pause.",
        ),
        "Stop": (
            "Le minuteur de concentration est arrêté.",
            "Le minuteur de concentration est arrêté.",
            "Le minuteur de concentration est arrêté.",
            "Le minuteur de concentration est arrêté.",
        ),
        "Skip": (
            "Rien n'est en cours.",
            "Vous n'êtes pas en pause.",
            "Vous n'êtes pas en pause.",
            "Passé. Concentration sur the report lancée pour 25 minutes.",
        ),
        "AddTime": (
            "Rien n'est en cours.",
            "5 minutes de plus, il reste 19 minutes.",
            "5 minutes de plus, il reste 17 minutes.",
            "Rien n'est en cours.",
        ),
        "TimeLeft": (
            "Rien n'est en cours.",
            "Il reste 14 minutes dans votre bloc de concentration.",
            "En pause, il reste 12 minutes.",
            "Votre pause est prête à démarrer.",
        ),
        "Today": (
            "0 bloc de concentration aujourd'hui, soit 0 minute de concentration.",
            "0 bloc de concentration aujourd'hui, soit 0 minute de concentration.",
            "0 bloc de concentration aujourd'hui, soit 13 minutes de concentration.",
            "1 bloc de concentration aujourd'hui, soit 25 minutes de concentration.",
        ),
        "Task": (
            "Rien n'est en cours.",
            "Vous travaillez sur the report.",
            "Vous travaillez sur the report.",
            "Vous travaillez sur the report.",
        ),
    },
    "es": {
        "StartFocus": (
            "Concentración iniciada: 10 minutos.",
            "Concentración en the report iniciada: 10 minutos.",
            "Concentración en the report iniciada: 10 minutos.",
            "Concentración en the report iniciada: 10 minutos.",
        ),
        "StartBreak": (
            "Descanso corto de 5 minutos.",
            "Descanso corto de 5 minutos.",
            "Descanso corto de 5 minutos.",
            "Descanso corto de 5 minutos.",
        ),
        "Pause": (
            "No hay nada en marcha.",
            "En pausa, quedan 14 minutos.",
            "En pausa, quedan 12 minutos.",
            "No hay nada en marcha.",
        ),
        "Resume": (
            "No hay nada en pausa.",
            "Reanudado, quedan 14 minutos.",
            "Reanudado, quedan 12 minutos.",
            "No hay nada en pausa.",
        ),
        "Stop": (
            "El temporizador de concentración está detenido.",
            "El temporizador de concentración está detenido.",
            "El temporizador de concentración está detenido.",
            "El temporizador de concentración está detenido.",
        ),
        "Skip": (
            "No hay nada en marcha.",
            "No estás en un descanso.",
            "No estás en un descanso.",
            "Saltado. Concentración en the report iniciada: 25 minutos.",
        ),
        "AddTime": (
            "No hay nada en marcha.",
            "He añadido 5 minutos, quedan 19 minutos.",
            "He añadido 5 minutos, quedan 17 minutos.",
            "No hay nada en marcha.",
        ),
        "TimeLeft": (
            "No hay nada en marcha.",
            "Quedan 14 minutos en tu bloque de concentración.",
            "En pausa, quedan 12 minutos.",
            "Tu descanso está listo para empezar.",
        ),
        "Today": (
            "0 bloques de concentración hoy, 0 minutos de concentración en total.",
            "0 bloques de concentración hoy, 0 minutos de concentración en total.",
            "0 bloques de concentración hoy, 13 minutos de concentración en total.",
            "1 bloque de concentración hoy, 25 minutos de concentración en total.",
        ),
        "Task": (
            "No hay nada en marcha.",
            "Estás trabajando en the report.",
            "Estás trabajando en the report.",
            "Estás trabajando en the report.",
        ),
    },
    "nl": {
        "StartFocus": (
            "Focus gestart voor 10 minuten.",
            "Focus op the report gestart voor 10 minuten.",
            "Focus op the report gestart voor 10 minuten.",
            "Focus op the report gestart voor 10 minuten.",
        ),
        "StartBreak": (
            "Korte pauze van 5 minuten.",
            "Korte pauze van 5 minuten.",
            "Korte pauze van 5 minuten.",
            "Korte pauze van 5 minuten.",
        ),
        "Pause": (
            "Er loopt niets.",
            "Gepauzeerd, nog 14 minuten over.",
            "Gepauzeerd, nog 12 minuten over.",
            "Er loopt niets.",
        ),
        "Resume": (
            "Er is niets gepauzeerd.",
            "Hervat, nog 14 minuten over.",
            "Hervat, nog 12 minuten over.",
            "Er is niets gepauzeerd.",
        ),
        "Stop": (
            "De focustimer is gestopt.",
            "De focustimer is gestopt.",
            "De focustimer is gestopt.",
            "De focustimer is gestopt.",
        ),
        "Skip": (
            "Er loopt niets.",
            "Je hebt nu geen pauze.",
            "Je hebt nu geen pauze.",
            "Overgeslagen. Focus op the report gestart voor 25 minuten.",
        ),
        "AddTime": (
            "Er loopt niets.",
            "5 minuten toegevoegd, nog 19 minuten over.",
            "5 minuten toegevoegd, nog 17 minuten over.",
            "Er loopt niets.",
        ),
        "TimeLeft": (
            "Er loopt niets.",
            "Nog 14 minuten in je focusblok.",
            "Gepauzeerd, nog 12 minuten over.",
            "Je pauze staat klaar.",
        ),
        "Today": (
            "Vandaag 0 focusblokken, samen 0 minuten focus.",
            "Vandaag 0 focusblokken, samen 0 minuten focus.",
            "Vandaag 0 focusblokken, samen 13 minuten focus.",
            "Vandaag 1 focusblok, samen 25 minuten focus.",
        ),
        "Task": (
            "Er loopt niets.",
            "Je werkt aan the report.",
            "Je werkt aan the report.",
            "Je werkt aan the report.",
        ),
    },
}

# What the phase and status sensors show afterwards (the same in every language).
SHOWS = {
    "StartFocus": (
        ("focus", "running"),
        ("focus", "running"),
        ("focus", "running"),
        ("focus", "running"),
    ),
    "StartBreak": (
        ("short_break", "running"),
        ("short_break", "running"),
        ("short_break", "running"),
        ("short_break", "running"),
    ),
    "Pause": (("idle", "idle"), ("focus", "paused"), ("focus", "paused"), ("idle", "ready")),
    "Resume": (("idle", "idle"), ("focus", "running"), ("focus", "running"), ("idle", "ready")),
    "Stop": (("idle", "idle"), ("idle", "idle"), ("idle", "idle"), ("idle", "idle")),
    "Skip": (("idle", "idle"), ("focus", "running"), ("focus", "paused"), ("focus", "running")),
    "AddTime": (("idle", "idle"), ("focus", "running"), ("focus", "paused"), ("idle", "ready")),
    "TimeLeft": (("idle", "idle"), ("focus", "running"), ("focus", "paused"), ("idle", "ready")),
    "Today": (("idle", "idle"), ("focus", "running"), ("focus", "paused"), ("idle", "ready")),
    "Task": (("idle", "idle"), ("focus", "running"), ("focus", "paused"), ("idle", "ready")),
}


@pytest.mark.parametrize("intent", list(SHOWS))
@pytest.mark.parametrize("language", list(SAY))
async def test_every_intent_in_every_state(
    hass: HomeAssistant,
    assist: None,
    freezer: FrozenDateTimeFactory,
    ask: Ask,
    language: str,
    intent: str,
) -> None:
    for state, answer, shows in zip(STATES, HEAR[language][intent], SHOWS[intent], strict=True):
        await async_study_in(hass, freezer, state)
        response = await ask(SAY[language][intent], language)
        assert (state, speech(response)) == (state, answer)
        assert (state, phase_and_status(hass)) == (state, shows)
