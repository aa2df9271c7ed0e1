"""Built-in and unrelated sentences never reach Tomatoes: Assist answers them as without it.

Each sentence is said to the same Home Assistant twice, before a Tomatoes timer is set up
and with one running; the answers must be identical, the timer untouched, and the kitchen
light switched (or not) the same way.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import async_mock_service

from .conftest import Ask, async_add_timer, phase_and_status, timer_of

NOT_OURS = [
    ("en", "set a timer for 5 minutes"),
    ("en", "how long is left on my timer"),
    ("en", "how much time is left on the timer"),
    ("en", "how long is left on the kitchen timer"),
    ("en", "pause the timer"),
    ("en", "resume my timer"),
    ("en", "cancel my timer"),
    ("en", "add 5 minutes to my timer"),
    ("en", "turn on the kitchen light"),
    ("en", "turn off the kitchen light"),
    ("en", "turn on the study light"),
    ("en", "is the kitchen light on"),
    ("en", "what time is it"),
    ("en", "what's the date"),
    ("en", "pause"),
    ("en", "stop"),
    ("en", "skip"),
    ("en", "never mind"),
    ("en", "focus on the garden camera"),
    ("en", "take a photo of the garden"),
    ("de", "stelle einen Timer auf 5 Minuten"),
    ("de", "wie lange läuft der Timer noch"),
    ("de", "pausiere den Timer"),
    ("de", "schalte das Küchenlicht ein"),
    ("de", "Pause"),
    ("de", "wie spät ist es"),
    ("fr", "règle un minuteur de 5 minutes"),
    ("fr", "combien de temps reste-t-il sur le minuteur"),
    ("fr", "mets le minuteur en pause"),
    ("fr", "allume la lumière de la cuisine"),
    ("fr", "quelle heure est-il"),
    ("es", "pon un temporizador de 5 minutos"),
    ("es", "cuánto tiempo queda en el temporizador"),
    ("es", "pausa el temporizador"),
    ("es", "enciende la luz de la cocina"),
    ("es", "qué hora es"),
    ("nl", "zet een timer voor 5 minuten"),
    ("nl", "hoe lang duurt de timer nog"),
    ("nl", "pauzeer de timer"),
    ("nl", "zet de keukenlamp aan"),
    ("nl", "hoe laat is het"),
    ("nl", "pauze"),
]


async def test_built_in_sentences_answer_as_without_tomatoes(
    hass: HomeAssistant, assist: None, ask: Ask
) -> None:
    hass.states.async_set("light.kitchen", "off", {"friendly_name": "Kitchen light"})
    hass.states.async_set("light.kitchen_de", "off", {"friendly_name": "Küchenlicht"})
    hass.states.async_set("light.cocina", "off", {"friendly_name": "luz de la cocina"})
    hass.states.async_set("light.cuisine", "off", {"friendly_name": "lumière de la cuisine"})
    hass.states.async_set("light.keuken", "off", {"friendly_name": "keukenlamp"})
    turn_on = async_mock_service(hass, "light", "turn_on")
    turn_off = async_mock_service(hass, "light", "turn_off")

    without = [(await ask(sentence, language)).as_dict() for language, sentence in NOT_OURS]
    calls_without = [(call.service, call.data) for call in (*turn_on, *turn_off)]
    turn_on.clear()
    turn_off.clear()

    entry = await async_add_timer(hass, "Study")
    await timer_of(entry).async_start()
    shows = phase_and_status(hass)
    left = timer_of(entry).time_left()
    with_tomatoes = [(await ask(sentence, language)).as_dict() for language, sentence in NOT_OURS]

    assert len(NOT_OURS) >= 30
    for (language, sentence), before, after in zip(NOT_OURS, without, with_tomatoes, strict=True):
        assert (language, sentence, after) == (language, sentence, before)
    assert [(call.service, call.data) for call in (*turn_on, *turn_off)] == calls_without
    assert calls_without, "the light sentences reached the light"
    assert phase_and_status(hass) == shows == ("focus", "running")
    assert timer_of(entry).time_left() == left
