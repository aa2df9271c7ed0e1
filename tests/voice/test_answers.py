"""More of what Assist answers: modes, breaks, out-of-range minutes, refusals, names."""

from __future__ import annotations

from dataclasses import replace

from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import area_registry as ar, device_registry as dr, entity_registry as er
import pytest

from custom_components.tomatoes.voice.const import INTENTS
from custom_components.tomatoes.voice.phrases import LANGUAGES
from custom_components.tomatoes.voice.triggers import build_sentences

from .conftest import Ask, async_add_timer, phase_and_status, speech, timer_of


async def test_modes_breaks_and_refusals(hass: HomeAssistant, assist: None, ask: Ask) -> None:
    entry = await async_add_timer(hass, "Study")

    assert speech(await ask("start deep focus")) == "Focusing for 50 minutes."
    assert speech(await ask("what am I working on")) == "No task is set."
    assert speech(await ask("add 500 minutes to the focus timer")) == (
        "Say a number of minutes between 1 and 240."
    )
    assert speech(await ask("start a long break")) == "Long break for 30 minutes."
    assert speech(await ask("skip the focus block")) == "You're not in a focus block."
    assert phase_and_status(hass) == ("long_break", "running")
    assert speech(await ask("take a short break")) == "Short break for 10 minutes."
    assert speech(await ask("start a classic pomodoro")) == "Focusing for 25 minutes."
    assert speech(await ask("focus on the report for 45 minutes.")) == (
        "Focusing on the report for 45 minutes."
    )
    assert speech(await ask("start a banana minute focus session")) == (
        "Say a number of minutes between 1 and 1440."
    )
    assert timer_of(entry).session.task == "the report"
    assert speech(await ask("stop focusing")) == "The focus timer is stopped."
    assert speech(await ask("take a 90 minute break")) == "Short break for 90 minutes."


async def test_names_with_a_timer_word(hass: HomeAssistant, assist: None, ask: Ask) -> None:
    office = await async_add_timer(hass, "Office timer")
    studio = await async_add_timer(hass, "Timer Studio")
    await timer_of(office).async_start()
    await timer_of(studio).async_start()

    assert speech(await ask("pause the office timer")) == "Paused with 25 minutes left."
    assert speech(await ask("pause the studio pomodoro")) == "Paused with 25 minutes left."
    assert timer_of(office).time_left() == timer_of(studio).time_left()


async def test_two_timers_in_the_satellite_area_ask_which(
    hass: HomeAssistant, assist: None, ask: Ask
) -> None:
    room = ar.async_get(hass).async_create("Office room")
    for name in ("Office", "Study"):
        entry = await async_add_timer(hass, name)
        devices = dr.async_get(hass)
        (device,) = dr.async_entries_for_config_entry(devices, entry.entry_id)
        devices.async_update_device(device.id, area_id=room.id)
    await async_add_timer(hass, "Attic")
    entities = er.async_get(hass)
    satellite = entities.async_get_or_create("assist_satellite", "test", "office_satellite")
    entities.async_update_entity(satellite.entity_id, area_id=room.id)

    answer = await ask("start a pomodoro", satellite_id=satellite.entity_id)
    assert speech(answer) == "Which timer: Office or Study?"
    assert phase_and_status(hass, "office") == ("idle", "idle")


def test_every_language_has_every_answer_and_intent() -> None:
    english = LANGUAGES["en"]
    for language in LANGUAGES.values():
        assert set(language.answers) == set(english.answers), language.code
        assert set(language.sentences) == set(INTENTS), language.code
        assert language.either(["Study"]) == "Study"
    sentences = build_sentences(("Study",), tuple(LANGUAGES))
    assert not [sentence for sentence in sentences if "<" in sentence or ">" in sentence]
    looping = replace(english, macros={"loop": "(<loop>)"})
    with pytest.raises(ValueError, match="nest too deeply"):
        looping.expand("<loop>", "(study)")


@pytest.mark.parametrize(
    ("sentences", "entity_id"),
    [
        (["start a focus session"], "sensor.study_phase"),
        (["start a focus session", "pause the focus timer"], "sensor.study_status"),
        (
            ["start a focus session", "add 5 minutes to the focus timer"],
            "sensor.study_phase_ends_at",
        ),
        (["start a focus session", "stop the focus timer"], "sensor.study_phase"),
    ],
)
async def test_what_assist_changes_carries_the_conversations_context(
    hass: HomeAssistant, assist: None, study: object, ask: Ask, sentences: list[str], entity_id: str
) -> None:
    """The logbook and automations see who asked, as for an action."""
    context = Context()
    for sentence in sentences:
        context = Context()
        await ask(sentence, context=context)
    changed = hass.states.get(entity_id)
    assert changed is not None
    assert changed.context.id == context.id
