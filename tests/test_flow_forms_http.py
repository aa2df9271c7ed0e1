"""The flows' forms as the frontend receives them over HTTP (serialised selectors)."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.tomatoes.const import DOMAIN


def _units(data_schema: list[dict[str, Any]]) -> dict[str, str | None]:
    """Map each number field of a serialised form to its unit."""
    return {
        field["name"]: field["selector"]["number"].get("unit_of_measurement")
        for field in data_schema
        if "number" in field["selector"]
    }


async def test_add_timer_form_serialises_with_units_only_on_minutes(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    assert await async_setup_component(hass, "config", {})
    client = await hass_client()

    response = await client.post("/api/config/config_entries/flow", json={"handler": DOMAIN})

    assert response.status == 200
    form = await response.json()
    assert form["step_id"] == "user"
    assert _units(form["data_schema"]) == {
        "focus_minutes": "min",
        "short_break_minutes": "min",
        "long_break_minutes": "min",
        "long_break_every": None,
    }


async def test_options_form_serialises_with_units_only_on_minutes(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    # The token is made after init_integration has set the clock.
    assert await async_setup_component(hass, "config", {})
    client = await hass_client()

    response = await client.post(
        "/api/config/config_entries/options/flow", json={"handler": init_integration.entry_id}
    )

    assert response.status == 200
    form = await response.json()
    if form["type"] == "menu":  # the timer's part, once the options have more parts
        response = await client.post(
            f"/api/config/config_entries/options/flow/{form['flow_id']}",
            json={"next_step_id": "timer"},
        )
        assert response.status == 200
        form = await response.json()
    assert form["step_id"] == "timer"
    assert _units(form["data_schema"]) == {
        "focus_minutes": "min",
        "short_break_minutes": "min",
        "long_break_minutes": "min",
        "long_break_every": None,
        "session_target": None,
        "idle_reset_minutes": "min",
    }
