"""Device conditions of a Tomatoes timer: the conditions of condition.py, on the device page."""

from __future__ import annotations

from typing import Any

from homeassistant.const import CONF_CONDITION, CONF_DEVICE_ID, CONF_DOMAIN, CONF_TYPE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.condition import ConditionCheckerType
from homeassistant.helpers.typing import ConfigType, TemplateVarsType
import voluptuous as vol

from .automations.attach import async_check
from .automations.kinds import CONDITION_OPTIONS, ConditionType, capabilities, option_validators
from .const import DOMAIN

CONDITION_SCHEMA = cv.DEVICE_CONDITION_BASE_SCHEMA.extend(
    {vol.Required(CONF_TYPE): vol.In([str(kind) for kind in ConditionType])},
    extra=vol.ALLOW_EXTRA,
)


async def async_validate_condition_config(hass: HomeAssistant, config: ConfigType) -> ConfigType:
    """Validate a device condition: its type, then that type's own fields."""
    kind = ConditionType(CONDITION_SCHEMA(config)[CONF_TYPE])
    schema = cv.DEVICE_CONDITION_BASE_SCHEMA.extend(
        {vol.Required(CONF_TYPE): str(kind), **option_validators(CONDITION_OPTIONS[kind])}
    )
    validated: ConfigType = schema(config)
    return validated


async def async_get_conditions(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """List the conditions of a timer's device."""
    return [
        {
            CONF_CONDITION: "device",
            CONF_DOMAIN: DOMAIN,
            CONF_DEVICE_ID: device_id,
            CONF_TYPE: kind,
        }
        for kind in ConditionType
    ]


async def async_get_condition_capabilities(
    hass: HomeAssistant, config: ConfigType
) -> dict[str, vol.Schema]:
    """Return the extra fields of a condition type (which break, which phase)."""
    return capabilities(CONDITION_OPTIONS[ConditionType(config[CONF_TYPE])])


@callback
def async_condition_from_config(hass: HomeAssistant, config: ConfigType) -> ConditionCheckerType:
    """Return the check of a device condition."""
    kind = ConditionType(config[CONF_TYPE])
    options = {field.key: config[field.key] for field in CONDITION_OPTIONS[kind]}
    target = {CONF_DEVICE_ID: config[CONF_DEVICE_ID]}

    def check(hass: HomeAssistant, variables: TemplateVarsType = None) -> bool:
        return async_check(hass, kind, target, options)

    return check
