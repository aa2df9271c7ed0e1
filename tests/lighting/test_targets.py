"""Which lights a timer dims: groups expanded once, in a stable order."""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from custom_components.tomatoes.lighting.targets import expand_groups, resolve_lights


async def test_groups_expand_once_even_when_they_list_themselves(hass: HomeAssistant) -> None:
    hass.states.async_set("light.loop", "on", {"entity_id": ["light.loop", "light.desk"]})
    hass.states.async_set("light.desk", "on", {})
    hass.states.async_set("light.room", "on", {"entity_id": ["light.loop", "switch.fan"]})
    assert expand_groups(hass, ["light.room", "light.desk"]) == ["light.desk"]
    assert resolve_lights(hass, ["light.room", "switch.kettle", "light.hall"], []) == {
        "light.desk": "light.room",
        "light.hall": "light.hall",
    }
