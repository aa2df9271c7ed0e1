"""Numbers refuse values that are not numbers (NaN, infinity) with a translated error."""

from __future__ import annotations

import math
from typing import Any

from homeassistant.components.number import ATTR_VALUE, DOMAIN as NUMBER_DOMAIN, SERVICE_SET_VALUE
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN

TIMER_NUMBERS = [
    "number.study_focus_duration",
    "number.study_short_break_duration",
    "number.study_long_break_duration",
    "number.study_long_break_every",
    "number.study_session_target",
]
SOUND_VOLUME = "number.study_sound_volume"


async def set_value(hass: HomeAssistant, entity_id: str, value: float) -> None:
    """Set a number as an automation would."""
    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: entity_id, ATTR_VALUE: value},
        blocking=True,
    )


def snapshot_of(hass: HomeAssistant, entry: MockConfigEntry) -> tuple[Any, ...]:
    """Return what a refused value must not change: the options and every state."""
    return dict(entry.options), {s.entity_id: s.state for s in hass.states.async_all()}


@pytest.mark.parametrize("entity_id", TIMER_NUMBERS)
async def test_nan_is_refused_with_a_translated_error(
    hass: HomeAssistant, init_integration: MockConfigEntry, entity_id: str
) -> None:
    """Finding 12: NaN ended in a ValueError."""
    before = snapshot_of(hass, init_integration)
    with pytest.raises(ServiceValidationError) as err:
        await set_value(hass, entity_id, math.nan)
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == "invalid_number"
    assert snapshot_of(hass, init_integration) == before


@pytest.mark.parametrize("value", [math.inf, -math.inf])
@pytest.mark.parametrize("entity_id", [*TIMER_NUMBERS, SOUND_VOLUME])
async def test_infinity_is_refused_with_a_translated_error(
    hass: HomeAssistant, init_integration: MockConfigEntry, entity_id: str, value: float
) -> None:
    before = snapshot_of(hass, init_integration)
    with pytest.raises(ServiceValidationError) as err:
        await set_value(hass, entity_id, value)
    # Home Assistant's own range check answers first, in its own words.
    assert err.value.translation_key is not None
    assert snapshot_of(hass, init_integration) == before
