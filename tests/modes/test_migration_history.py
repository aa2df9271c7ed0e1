"""The preset select's history carries on as the mode select's (a real recorder)."""

from __future__ import annotations

from homeassistant.components.recorder import Recorder, history
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from .test_migration import DEEP_FOCUS_RHYTHM, preset_timer, set_up


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_mock: Recorder, enable_custom_integrations: None
) -> None:
    """Start the recorder before Home Assistant's test instance, as the recorder requires."""


async def test_the_select_keeps_its_history(
    recorder_mock: Recorder, hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    entry = preset_timer(hass, entity_registry, **DEEP_FOCUS_RHYTHM)
    began = dt_util.utcnow()
    hass.states.async_set("select.study_preset", "custom")  # as the preset release left it
    await async_wait_recording_done(hass)
    hass.states.async_remove("select.study_preset")  # Home Assistant stops for the update
    await set_up(hass, entry)
    await async_wait_recording_done(hass)

    changes = await recorder_mock.async_add_executor_job(
        history.state_changes_during_period, hass, began, None, "select.study_preset"
    )
    states = [item.state for item in changes["select.study_preset"]]
    assert (states[0], states[-1]) == ("custom", "deep_focus")
    assert hass.states.get("select.study_mode") is None
