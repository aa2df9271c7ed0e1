"""Timers of the preset releases (config entry version 1) move to modes and keep what they had."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from .conftest import ROOM_OPTIONS

DEEP_FOCUS_RHYTHM = {
    "focus_minutes": 50,
    "short_break_minutes": 10,
    "long_break_minutes": 30,
    "long_break_every": 3,
}


def preset_timer(
    hass: HomeAssistant, entity_registry: er.EntityRegistry, version: int = 1, **options: Any
) -> MockConfigEntry:
    """Return a timer as the preset release left it: version 1, its preset select registered."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={**DEFAULT_OPTIONS, **ROOM_OPTIONS, **options},
        entry_id="study_entry",
        version=version,
    )
    entry.add_to_hass(hass)
    entity_registry.async_get_or_create(
        "select",
        DOMAIN,
        "study_entry_preset",
        suggested_object_id="study_preset",
        config_entry=entry,
        translation_key="preset",
    )
    return entry


async def set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Load the timer as Home Assistant does after an update."""
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_a_preset_becomes_its_mode_and_the_select_keeps_its_entity_id_and_name(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    entry = preset_timer(hass, entity_registry, **DEEP_FOCUS_RHYTHM)
    entity_registry.async_update_entity("select.study_preset", name="Rhythm", area_id="study")
    before = dict(entry.options)
    await set_up(hass, entry)

    assert (entry.state, entry.version, entry.minor_version) == (ConfigEntryState.LOADED, 2, 1)
    assert not entry.subentries
    registered = entity_registry.async_get("select.study_preset")
    assert registered is not None
    assert (registered.unique_id, registered.name, registered.area_id) == (
        "study_entry_mode",
        "Rhythm",
        "study",
    )
    assert entity_registry.async_get_entity_id("select", DOMAIN, "study_entry_preset") is None
    assert hass.states.get("select.study_mode") is None
    select = hass.states.get("select.study_preset")
    assert select.state == "deep_focus"
    # The preset set only the rhythm: the sound and light the person had stay, so Deep
    # Focus shows as modified in them until it is chosen again.
    assert select.attributes["modified_parts"] == [
        "sound_source",
        "sound_volume",
        "sound_break_source",
        "light_focus_brightness",
        "light_color_temp_kelvin",
    ]
    assert entry.options == {**before, "mode": "deep_focus"}


async def test_a_classic_timer_shows_classic_unchanged(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    entry = preset_timer(hass, entity_registry)
    await set_up(hass, entry)
    select = hass.states.get("select.study_preset")
    assert (select.state, select.attributes["modified"]) == ("classic", False)


async def test_custom_durations_become_a_mode_of_the_timers_own(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    entry = preset_timer(
        hass,
        entity_registry,
        focus_minutes=40,
        short_break_minutes=8,
        long_break_minutes=20,
        sound_source="media-source://tomatoes/bundled/rain.flac",
        sound_volume=22,
        light_focus_brightness=45,
        light_color_temp_kelvin=3000,
    )
    before = dict(entry.options)
    await set_up(hass, entry)

    (own,) = entry.subentries.values()
    assert (own.subentry_type, own.title) == ("mode", "40/8/20 \N{MULTIPLICATION SIGN}4")
    assert own.data["sound_volume"] == 22
    assert own.data["light_color_temp_kelvin"] == 3000
    assert entry.options == {**before, "mode": own.subentry_id}
    select = hass.states.get("select.study_preset")
    assert select.state == "40/8/20 \N{MULTIPLICATION SIGN}4"
    assert select.attributes["modified"] is False
    assert select.attributes["options"][-1] == own.title


async def test_a_timer_of_a_newer_release_is_not_loaded(
    hass: HomeAssistant, entity_registry: er.EntityRegistry, caplog: pytest.LogCaptureFixture
) -> None:
    entry = preset_timer(hass, entity_registry, version=3)
    await set_up(hass, entry)
    assert entry.state is ConfigEntryState.MIGRATION_ERROR
    # Said by Home Assistant (2026.10 on) or by Tomatoes (2026.3 asks the integration).
    assert "version 3" in caplog.text
    assert entry.options.get("mode") is None
    assert hass.states.get("select.study_preset") is None
