"""The device page as a person reads it: the countdown switch first, the cycle position, and
entities that are only sometimes meaningful folded in (and kept for existing installs)."""

from __future__ import annotations

from datetime import timedelta
import json
from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.components.switch import DOMAIN as SWITCH_DOMAIN
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN

from .conftest import Advance, async_set_up, state

CYCLE = "sensor.study_focus_block"
TIMER = "switch.study_countdown"
TRANSLATIONS = Path(__file__).parents[1] / "custom_components" / "tomatoes" / "translations"
CONTROL_DOMAINS = {"button", "number", "select", "switch"}


async def switch(hass: HomeAssistant, service: str) -> None:
    """Turn the Study timer's switch on or off."""
    await hass.services.async_call(SWITCH_DOMAIN, service, {ATTR_ENTITY_ID: TIMER}, blocking=True)


def cycle(hass: HomeAssistant) -> tuple[str, int, int, bool]:
    """Return the focus block sensor as a person reads it: state, block, of, long break next."""
    shown = hass.states.get(CYCLE)
    assert shown is not None
    attributes = shown.attributes
    return (
        shown.state,
        attributes["block"],
        attributes["blocks_per_cycle"],
        attributes["long_break_next"],
    )


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "nl"])
async def test_the_countdown_is_the_first_control_in_every_language(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    language: str,
) -> None:
    # With lights, so that the focus lighting switch is among the controls too.
    hass.config_entries.async_update_entry(
        init_integration, options={**init_integration.options, "light_entities": ["light.desk"]}
    )
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    # The device page lists a device's controls (entities of no category that can be
    # worked) by name; the names come from the translations.
    names = json.loads((TRANSLATIONS / f"{language}.json").read_text(encoding="utf-8"))["entity"]
    controls = [
        entry
        for entry in er.async_entries_for_config_entry(entity_registry, init_integration.entry_id)
        if entry.domain in CONTROL_DOMAINS and entry.entity_category is None and not entry.disabled
    ]
    assert {entry.entity_id for entry in controls} >= {TIMER, "switch.study_focus_lighting"}
    first = min(
        controls, key=lambda entry: names[entry.domain][entry.translation_key]["name"].casefold()
    )
    assert first.entity_id == TIMER


@pytest.mark.usefixtures("init_integration")
async def test_the_timer_switch_starts_pauses_and_resumes(
    hass: HomeAssistant, advance: Advance
) -> None:
    await switch(hass, SERVICE_TURN_ON)
    assert state(hass, TIMER) == "on"
    assert state(hass, "sensor.study_phase") == "focus"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:25:00+00:00"

    await advance(timedelta(minutes=10))
    await switch(hass, SERVICE_TURN_OFF)
    assert state(hass, TIMER) == "off"
    assert state(hass, "sensor.study_status") == "paused"
    # The time left while paused is folded into the status.
    assert hass.states.get("sensor.study_status").attributes["time_left"] == 15.0
    await switch(hass, SERVICE_TURN_OFF)
    assert state(hass, "sensor.study_status") == "paused"

    await advance(timedelta(minutes=3))
    await switch(hass, SERVICE_TURN_ON)
    assert state(hass, TIMER) == "on"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:28:00+00:00"
    assert "time_left" not in hass.states.get("sensor.study_status").attributes
    await switch(hass, SERVICE_TURN_ON)
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:28:00+00:00"


@pytest.mark.usefixtures("init_integration")
async def test_the_focus_block_sensor_follows_the_cycle(
    hass: HomeAssistant, advance: Advance
) -> None:
    # Classic: 25 minutes of focus, 5 of short break, a 15-minute long break after 4 blocks;
    # breaks start by themselves, focus waits for a person.
    assert cycle(hass) == ("1/4", 1, 4, False)
    for block in range(1, 4):
        await switch(hass, SERVICE_TURN_ON)
        assert cycle(hass) == (f"{block}/4", block, 4, False)
        await advance(timedelta(minutes=25))
        assert state(hass, "sensor.study_phase") == "short_break"
        assert cycle(hass) == (f"{block}/4", block, 4, False)
        await advance(timedelta(minutes=5))
        assert state(hass, "sensor.study_status") == "ready"
        assert cycle(hass) == (f"{block + 1}/4", block + 1, 4, False)

    await switch(hass, SERVICE_TURN_ON)
    assert cycle(hass) == ("4/4", 4, 4, True)
    assert state(hass, "sensor.study_next_phase") == "long_break"
    await advance(timedelta(minutes=25))
    assert state(hass, "sensor.study_phase") == "long_break"
    assert cycle(hass) == ("4/4", 4, 4, False)
    await advance(timedelta(minutes=15))
    assert cycle(hass) == ("1/4", 1, 4, False)


@pytest.mark.usefixtures("init_integration")
async def test_a_focus_block_waiting_for_its_break_shows_the_block_just_done(
    hass: HomeAssistant, advance: Advance
) -> None:
    await hass.services.async_call(
        SWITCH_DOMAIN,
        SERVICE_TURN_OFF,
        {ATTR_ENTITY_ID: "switch.study_start_breaks_automatically"},
        blocking=True,
    )
    await switch(hass, SERVICE_TURN_ON)
    await advance(timedelta(minutes=25))
    assert state(hass, "sensor.study_status") == "ready"
    assert state(hass, "sensor.study_next_phase") == "short_break"
    assert cycle(hass) == ("1/4", 1, 4, False)


@pytest.mark.usefixtures("init_integration")
async def test_the_task_is_folded_into_the_status(hass: HomeAssistant) -> None:
    assert "task" not in hass.states.get("sensor.study_status").attributes
    await hass.services.async_call(DOMAIN, "start", {"task": "Slides"}, blocking=True)
    assert hass.states.get("sensor.study_status").attributes["task"] == "Slides"


async def test_sometimes_meaningful_entities_are_disabled_for_new_timers(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    for entity_id in (
        "sensor.study_time_left_paused",
        "sensor.study_task",
        "button.study_pause_or_resume",
    ):
        entry = entity_registry.async_get(entity_id)
        assert entry is not None, entity_id
        assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
        assert hass.states.get(entity_id) is None


async def test_an_existing_timer_keeps_its_entities_and_its_device(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
) -> None:
    # What an earlier version registered: a service device and these entities, enabled.
    mock_config_entry.add_to_hass(hass)
    device = device_registry.async_get_or_create(
        config_entry_id=mock_config_entry.entry_id,
        identifiers={(DOMAIN, mock_config_entry.entry_id)},
        name="Study",
        entry_type=dr.DeviceEntryType.SERVICE,
    )
    kept = (
        ("sensor", "remaining", "study_time_left_paused"),
        ("sensor", "task", "study_task"),
        ("button", "pause_resume", "study_pause_or_resume"),
    )
    for platform, key, object_id in kept:
        entity_registry.async_get_or_create(
            platform,
            DOMAIN,
            f"{mock_config_entry.entry_id}_{key}",
            config_entry=mock_config_entry,
            device_id=device.id,
            suggested_object_id=object_id,
        )

    await async_set_up(hass, mock_config_entry, freezer)

    assert device_registry.async_get(device.id).entry_type is None
    await hass.services.async_call(DOMAIN, "start", {"task": "Slides"}, blocking=True)
    assert state(hass, "sensor.study_task") == "Slides"
    await hass.services.async_call(
        BUTTON_DOMAIN,
        SERVICE_PRESS,
        {ATTR_ENTITY_ID: "button.study_pause_or_resume"},
        blocking=True,
    )
    assert state(hass, "sensor.study_status") == "paused"
    assert state(hass, "sensor.study_time_left_paused") == "25.0"
