"""Helpers of the automation tests: automations whose action records the trigger's variables."""

from __future__ import annotations

from typing import Any

from homeassistant.components.automation import DOMAIN as AUTOMATION_DOMAIN
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import async_mock_service

from custom_components.tomatoes.const import DOMAIN

# The trigger variables every Tomatoes trigger carries, and those of some of them.
VARIABLES = (
    "platform",
    "timer",
    "config_entry_id",
    "device_id",
    "event",
    "phase",
    "planned_minutes",
    "elapsed_minutes",
    "task",
    "block",
    "cycle_blocks",
    "ended",
    "seconds_left",
    "ends_at",
)

RECORD: dict[str, Any] = {
    "action": "test.record",
    "data": {
        "automation": "{{ this.attributes.friendly_name }}",
        **{name: f"{{{{ trigger.{name} | default('-') }}}}" for name in VARIABLES},
    },
}


@pytest.fixture
def calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Return the calls of test.record, the action of every test automation."""
    return async_mock_service(hass, "test", "record")


async def async_automations(hass: HomeAssistant, *automations: dict[str, Any]) -> None:
    """Set up automations (alias, triggers, optional conditions) that record their triggers."""
    config = [{"actions": [RECORD], "mode": "queued", **automation} for automation in automations]
    assert await async_setup_component(hass, AUTOMATION_DOMAIN, {AUTOMATION_DOMAIN: config})
    await hass.async_block_till_done()


async def call(hass: HomeAssistant, action: str, **data: object) -> None:
    """Call a Tomatoes action and let the automations it set off run."""
    await hass.services.async_call(DOMAIN, action, data, blocking=True)
    await hass.async_block_till_done()


def recorded(calls: list[ServiceCall], *keys: str) -> list[tuple[Any, ...]]:
    """Return (automation, *keys) of each recorded run, in order."""
    return [(call.data["automation"], *(call.data[key] for key in keys)) for call in calls]


def device_id(hass: HomeAssistant, entry_id: str = "study_entry") -> str:
    """Return the id of a timer's device."""
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), entry_id)
    return device.id
