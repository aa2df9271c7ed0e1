"""The focus lighting action: take back lights that someone took over during focus.

The action's id stays ``hand_back_lights`` (users' automations call it); it reads "Take
back lights". It checks the request and raises the translated errors; the effect only
does the work.
"""

from __future__ import annotations

from collections.abc import Collection

from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..const import DOMAIN
from ..targeting import TARGET_SCHEMA, async_targeted_entries
from .effect import LightingEffect

SERVICE_HAND_BACK_LIGHTS = "hand_back_lights"
ATTR_LIGHTS = "lights"

TAKE_BACK_SCHEMA = TARGET_SCHEMA.extend({vol.Optional(ATTR_LIGHTS): cv.entity_ids})


def check_active(effect: LightingEffect) -> None:
    """Refuse to act on lights while the timer presents no program."""
    if not effect.active:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="lighting_not_active",
            translation_placeholders={"name": effect.timer.name},
        )


def check_held(effect: LightingEffect, lights: Collection[str]) -> None:
    """Refuse lights the timer does not hold."""
    if unknown := sorted(set(lights) - set(effect.held)):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="light_not_managed",
            translation_placeholders={"name": effect.timer.name, "lights": ", ".join(unknown)},
        )


async def _async_take_back(call: ServiceCall) -> None:
    lights: list[str] | None = call.data.get(ATTR_LIGHTS) or None
    effects = [entry.runtime_data.lights for entry in await async_targeted_entries(call)]
    for effect in effects:
        check_active(effect)
        if lights is not None:
            check_held(effect, lights)
    for effect in effects:
        await effect.async_take_back(lights)


@callback
def async_setup_actions(hass: HomeAssistant) -> None:
    """Register the focus lighting action (once, for every timer)."""
    hass.services.async_register(
        DOMAIN, SERVICE_HAND_BACK_LIGHTS, _async_take_back, schema=TAKE_BACK_SCHEMA
    )
