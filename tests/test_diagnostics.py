"""Diagnostics: settings and session, with the task label redacted."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.diagnostics import async_get_config_entry_diagnostics


async def test_diagnostics(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    await hass.services.async_call(DOMAIN, "start", {"task": "Secret plan"}, blocking=True)
    result = await async_get_config_entry_diagnostics(hass, init_integration)
    assert result["entry"]["title"] == "Study"
    assert result["entry"]["options"]["focus_minutes"] == 25
    assert result["timer"]["session"]["phase"] == "focus"
    assert result["timer"]["session"]["task"] == "**REDACTED**"
    assert result["timer"]["next_deadline"] == "2026-11-26T01:25:00-08:00"
    assert "Secret plan" not in str(result)
