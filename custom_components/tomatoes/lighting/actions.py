"""The focus lighting action: hand lights that someone took over back to a timer."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..const import DOMAIN
from ..targeting import TARGET_SCHEMA, async_targeted_entries

SERVICE_HAND_BACK_LIGHTS = "hand_back_lights"
ATTR_LIGHTS = "lights"

HAND_BACK_SCHEMA = TARGET_SCHEMA.extend({vol.Optional(ATTR_LIGHTS): cv.entity_ids})


async def _async_hand_back(call: ServiceCall) -> None:
    lights: list[str] | None = call.data.get(ATTR_LIGHTS) or None
    for entry in await async_targeted_entries(call):
        await entry.runtime_data.lights.async_hand_back(lights)


@callback
def async_setup_light_services(hass: HomeAssistant) -> None:
    """Register the focus lighting action."""
    hass.services.async_register(
        DOMAIN, SERVICE_HAND_BACK_LIGHTS, _async_hand_back, schema=HAND_BACK_SCHEMA
    )
