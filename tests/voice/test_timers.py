"""Which timer a sentence means, and the sentences' life: by name, by the satellite's area,
the only one, or a question that changes nothing; registered with the first timer, renamed
with it, gone with the last.
"""

from __future__ import annotations

from homeassistant.components import conversation
from homeassistant.components.conversation.agent_manager import get_agent_manager
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    intent,
)
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.voice.const import INTENTS

from .conftest import Ask, async_add_timer, phase_and_status, speech, timer_of


async def _office_and_study(hass: HomeAssistant) -> tuple[MockConfigEntry, MockConfigEntry]:
    office = await async_add_timer(hass, "Office")
    study = await async_add_timer(hass, "Study")
    await timer_of(office).async_start()
    await timer_of(study).async_start()
    return office, study


def _put_in_area(hass: HomeAssistant, entry: MockConfigEntry, area_id: str) -> None:
    registry = dr.async_get(hass)
    (device,) = dr.async_entries_for_config_entry(registry, entry.entry_id)
    registry.async_update_device(device.id, area_id=area_id)


async def test_a_name_chooses_the_timer(hass: HomeAssistant, assist: None, ask: Ask) -> None:
    await _office_and_study(hass)

    assert speech(await ask("pause the office timer")) == "Paused with 25 minutes left."
    assert phase_and_status(hass, "office") == ("focus", "paused")
    assert phase_and_status(hass, "study") == ("focus", "running")

    answer = speech(await ask("wie lange läuft der Study-Timer noch", "de"))
    assert answer == "Noch 25 Minuten in deinem Fokusblock."
    assert speech(await ask("stop the office focus timer")) == "The focus timer is stopped."
    assert phase_and_status(hass, "office") == ("idle", "idle")
    assert phase_and_status(hass, "study") == ("focus", "running")


async def test_the_satellite_area_chooses_the_timer(
    hass: HomeAssistant, assist: None, ask: Ask
) -> None:
    office, _study = await _office_and_study(hass)
    areas = ar.async_get(hass)
    office_room = areas.async_create("Office room")
    kitchen = areas.async_create("Kitchen")
    _put_in_area(hass, office, office_room.id)
    entities = er.async_get(hass)
    satellite = entities.async_get_or_create("assist_satellite", "test", "office_satellite")
    entities.async_update_entity(satellite.entity_id, area_id=office_room.id)
    satellites = MockConfigEntry(domain="test")
    satellites.add_to_hass(hass)
    speaker = dr.async_get(hass).async_get_or_create(
        config_entry_id=satellites.entry_id, identifiers={("test", "speaker")}
    )
    dr.async_get(hass).async_update_device(speaker.id, area_id=office_room.id)

    answer = await ask("pause the focus timer", satellite_id=satellite.entity_id)
    assert speech(answer) == "Paused with 25 minutes left."
    assert phase_and_status(hass, "office") == ("focus", "paused")
    assert phase_and_status(hass, "study") == ("focus", "running")

    # A device in the office room (without a satellite entity) chooses the same way.
    answer = await ask("resume the focus timer", device_id=speaker.id)
    assert speech(answer) == "Resumed, 25 minutes left."
    assert phase_and_status(hass, "office") == ("focus", "running")

    # A satellite in a room without a timer: there is no way to choose.
    entities.async_update_entity(satellite.entity_id, area_id=kitchen.id)
    answer = await ask("pause the focus timer", satellite_id=satellite.entity_id)
    assert speech(answer) == "Which timer: Office or Study?"
    assert phase_and_status(hass, "office") == phase_and_status(hass, "study")


async def test_several_timers_and_no_way_to_choose_asks_which(
    hass: HomeAssistant, assist: None, ask: Ask
) -> None:
    await _office_and_study(hass)
    await async_add_timer(hass, "Studio")

    for language, sentence, question in [
        ("en", "pause the focus timer", "Which timer: Office, Study or Studio?"),
        ("de", "pausiere den Fokustimer", "Welcher Timer: Office, Study oder Studio?"),
        ("fr", "arrête le pomodoro", "Quel minuteur : Office, Study ou Studio ?"),
        ("es", "detén el pomodoro", "¿Qué temporizador: Office, Study o Studio?"),
        ("nl", "stop de focustimer", "Welke timer: Office, Study of Studio?"),
    ]:
        response = await ask(sentence, language)
        assert speech(response) == question
    assert phase_and_status(hass, "office") == ("focus", "running")
    assert phase_and_status(hass, "study") == ("focus", "running")
    assert phase_and_status(hass, "studio") == ("idle", "idle")


async def test_an_unknown_name_is_said_so(hass: HomeAssistant, assist: None) -> None:
    await _office_and_study(hass)
    response = await intent.async_handle(
        hass, "test", "TomatoesPause", {"name": {"value": "Garage"}}, language="en"
    )
    assert response.response_type is intent.IntentResponseType.ERROR
    assert speech(response) == "There is no Tomatoes timer called Garage."
    assert phase_and_status(hass, "office") == ("focus", "running")


async def test_sentences_live_with_the_timers(hass: HomeAssistant, ask: Ask) -> None:
    # Tomatoes first, the conversation integration afterwards.
    entry = await async_add_timer(hass, "Study")
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await hass.async_block_till_done()
    manager = get_agent_manager(hass)
    assert speech(await ask("start a pomodoro")) == "Focusing for 25 minutes."

    hass.config_entries.async_update_entry(entry, title="Desk")
    await hass.async_block_till_done()
    assert speech(await ask("how long is left on the desk timer")) == (
        "25 minutes left in your focus block."
    )
    assert any("desk" in sentence for sentence in manager.trigger_sentences)
    assert not any("study" in sentence for sentence in manager.trigger_sentences)

    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert manager.trigger_sentences == []
    assert not [handler for handler in intent.async_get(hass) if handler.intent_type in INTENTS]
    response = await ask("start a pomodoro")
    assert response.response_type is intent.IntentResponseType.ERROR
    assert not hass.config_entries.async_entries(DOMAIN)


async def test_sentences_follow_the_language_home_assistant_speaks(
    hass: HomeAssistant, assist: None, ask: Ask
) -> None:
    await async_add_timer(hass, "Study")
    manager = get_agent_manager(hass)
    assert speech(await ask("start a pomodoro")) == "Focusing for 25 minutes."
    assert not any("Fokuszeit" in sentence for sentence in manager.trigger_sentences)

    await hass.config.async_update(language="de-CH")
    await hass.async_block_till_done()
    assert any("Fokuszeit" in sentence for sentence in manager.trigger_sentences)
    assert not any("pomodoro session" in sentence for sentence in manager.trigger_sentences)
    answer = await conversation.async_converse(
        hass, "wie lange läuft die Fokuszeit noch", None, Context(), "de-CH"
    )
    assert speech(answer.response) == "Noch 25 Minuten in deinem Fokusblock."

    # A language Tomatoes does not speak: no sentences at all, nothing slowed down.
    await hass.config.async_update(language="it")
    await hass.async_block_till_done()
    assert manager.trigger_sentences == []
