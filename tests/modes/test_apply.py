"""A mode chosen mid-block: its sound and light at once, its rhythm from the next phase."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN

from ..conftest import Advance, state
from ..lighting.bench import BenchLight
from ..sound.bench import Bench
from .conftest import LAMP, SPEAKER


async def select_mode(hass: HomeAssistant, option: str) -> None:
    """Pick a mode on the Study timer's mode select, as a person would."""
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.study_mode", "option": option},
        blocking=True,
    )


async def set_number(hass: HomeAssistant, entity_id: str, value: float) -> None:
    """Set one of the timer's numbers, as a person would."""
    await hass.services.async_call(
        "number", "set_value", {"entity_id": entity_id, "value": value}, blocking=True
    )


async def start(hass: HomeAssistant, **data: Any) -> None:
    """Call tomatoes.start and let the speaker and the lamp follow."""
    await hass.services.async_call(DOMAIN, "start", data, blocking=True)
    await hass.async_block_till_done()


def playing(speaker: Bench) -> tuple[str, float]:
    """Return the loop the speaker was last asked to play and its last volume."""
    media = [
        data["media_content_id"] for service, data in speaker.of(SPEAKER) if service == "play_media"
    ]
    loop = media[-1].split("?")[0].rsplit("/", 1)[1]
    return loop, speaker.volumes(SPEAKER)[-1]


def lamp_level(hass: HomeAssistant) -> tuple[int, int | None]:
    """Return the lamp's brightness (0-255) and colour temperature."""
    current = hass.states.get(LAMP)
    assert current is not None
    return current.attributes["brightness"], current.attributes.get("color_temp_kelvin")


async def test_a_mode_chosen_mid_block_applies_sound_and_light_at_once_rhythm_next_phase(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    speaker: Bench,
    advance: Advance,
) -> None:
    await start(hass)
    assert playing(speaker) == ("brown_noise.flac", 0.3)
    assert lamp_level(hass) == (89, 2700)  # 35 %, the lamp's own colour
    await advance(timedelta(minutes=10))

    await select_mode(hass, "deep_focus")

    # At once: Deep Focus's drone at 25 %, the lamp at 40 % and 4000 K.
    assert playing(speaker) == ("deep_focus_drone.flac", 0.25)
    assert lamp_level(hass) == (102, 4000)
    mode = hass.states.get("select.study_mode")
    assert (mode.state, mode.attributes["modified"]) == ("deep_focus", False)
    # The running block keeps Classic's 25 minutes; the next phases follow Deep Focus.
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:25:00+00:00"
    assert state(hass, "number.study_focus_duration") == "50.0"
    await advance(timedelta(minutes=15))
    assert state(hass, "sensor.study_phase") == "short_break"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:35:00+00:00"
    await advance(timedelta(minutes=10))
    await start(hass)
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T10:25:00+00:00"
    assert playing(speaker) == ("deep_focus_drone.flac", 0.25)
    assert lamp_level(hass) == (102, 4000)


async def test_the_light_a_person_took_over_is_left_alone_by_a_mode_change(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    lamp: BenchLight,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(seconds=30))
    lamp.by_hand(brightness=200)  # at the lamp itself
    await hass.async_block_till_done()
    assert state(hass, "switch.study_focus_lighting") == "off"  # taken over
    await select_mode(hass, "sprint")
    assert lamp_level(hass) == (200, 2700)


async def test_a_mode_chosen_while_idle_changes_nothing_on_the_devices(
    hass: HomeAssistant, init_integration: MockConfigEntry, speaker: Bench
) -> None:
    speaker.clear()
    await select_mode(hass, "sprint")
    assert speaker.of(SPEAKER) == []
    assert lamp_level(hass) == (255, 2700)
    await start(hass)
    assert playing(speaker) == ("rain.flac", 0.35)
    assert lamp_level(hass) == (178, 5000)
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:15:00+00:00"


async def test_the_start_action_applies_a_mode_then_starts_in_its_rhythm(
    hass: HomeAssistant, init_integration: MockConfigEntry, speaker: Bench
) -> None:
    await start(hass, mode="Deep Focus", task="Report")
    assert state(hass, "select.study_mode") == "deep_focus"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:50:00+00:00"
    assert playing(speaker) == ("deep_focus_drone.flac", 0.25)
    assert lamp_level(hass) == (102, 4000)
