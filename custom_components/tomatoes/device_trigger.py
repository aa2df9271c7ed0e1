"""Device triggers of a Tomatoes timer: the same triggers as trigger.py, on the device page.

The device page's "add automation" and editors that do not list integration
triggers offer these; they run through the same code as the automation editor's.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.device_automation import DEVICE_TRIGGER_BASE_SCHEMA
from homeassistant.const import CONF_DEVICE_ID, CONF_DOMAIN, CONF_PLATFORM, CONF_TYPE
from homeassistant.core import CALLBACK_TYPE, Context, HassJob, HomeAssistant, callback
from homeassistant.helpers.trigger import TriggerActionType, TriggerInfo
from homeassistant.helpers.typing import ConfigType
import voluptuous as vol

from .automations.attach import async_attach
from .automations.kinds import (
    TRIGGER_OPTIONS,
    TriggerType,
    capabilities,
    option_validators,
    time_left_above_zero,
)
from .const import DOMAIN

TRIGGER_SCHEMA = DEVICE_TRIGGER_BASE_SCHEMA.extend(
    {vol.Required(CONF_TYPE): vol.In([str(kind) for kind in TriggerType])}, extra=vol.ALLOW_EXTRA
)


async def async_validate_trigger_config(hass: HomeAssistant, config: ConfigType) -> ConfigType:
    """Validate a device trigger: its type, then that type's own fields."""
    kind = TriggerType(TRIGGER_SCHEMA(config)[CONF_TYPE])
    schema = vol.Schema(
        vol.All(
            DEVICE_TRIGGER_BASE_SCHEMA.extend(
                {vol.Required(CONF_TYPE): str(kind), **option_validators(TRIGGER_OPTIONS[kind])}
            ),
            time_left_above_zero,
        )
    )
    validated: ConfigType = schema(config)
    return validated


async def async_get_triggers(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """List the triggers of a timer's device."""
    return [
        {CONF_PLATFORM: "device", CONF_DOMAIN: DOMAIN, CONF_DEVICE_ID: device_id, CONF_TYPE: kind}
        for kind in TriggerType
    ]


async def async_get_trigger_capabilities(
    hass: HomeAssistant, config: ConfigType
) -> dict[str, vol.Schema]:
    """Return the extra fields of a trigger type (which phase, how it ended, how long before)."""
    return capabilities(TRIGGER_OPTIONS[TriggerType(config[CONF_TYPE])])


async def async_attach_trigger(
    hass: HomeAssistant,
    config: ConfigType,
    action: TriggerActionType,
    trigger_info: TriggerInfo,
) -> CALLBACK_TYPE:
    """Run the automation when the device's timer does what the trigger describes."""
    kind = TriggerType(config[CONF_TYPE])
    options = {field.key: config[field.key] for field in TRIGGER_OPTIONS[kind]}
    job = HassJob(action, f"Tomatoes device trigger {kind}")
    trigger_data = trigger_info["trigger_data"]

    @callback
    def run(
        extra_trigger_payload: dict[str, Any], description: str, context: Context | None = None
    ) -> None:
        variables = {
            "trigger": {
                **trigger_data,
                CONF_PLATFORM: "device",
                CONF_DOMAIN: DOMAIN,
                CONF_TYPE: str(kind),
                "description": description,
                **extra_trigger_payload,
                CONF_DEVICE_ID: config[CONF_DEVICE_ID],
            }
        }
        hass.async_run_hass_job(job, variables, context)

    return await async_attach(hass, kind, {CONF_DEVICE_ID: config[CONF_DEVICE_ID]}, options, run)
