"""Which timers an action call targets: by device or entity, or the only one when none is named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import async_extract_config_entry_ids
import voluptuous as vol

from .const import DOMAIN

if TYPE_CHECKING:
    from .models import TomatoesConfigEntry

TARGET_KEYS = tuple(str(key) for key in cv.ENTITY_SERVICE_FIELDS)
TARGET_SCHEMA = vol.Schema(cv.ENTITY_SERVICE_FIELDS)


def action_error(key: str, **placeholders: str) -> ServiceValidationError:
    """Return the translated error an action raises for bad input."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders or None,
    )


def loaded_entries(hass: HomeAssistant) -> list[TomatoesConfigEntry]:
    """Return the Tomatoes timers that are running, in the order they were added."""
    return [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.state is ConfigEntryState.LOADED
    ]


async def async_targeted_entries(call: ServiceCall) -> list[TomatoesConfigEntry]:
    """Return the loaded timer entries a call targets (the only one when none is named)."""
    entries = loaded_entries(call.hass)
    if not any(call.data.get(key) for key in TARGET_KEYS):
        if not entries:
            raise action_error("no_timers")
        if len(entries) > 1:
            raise action_error("target_required")
        return entries[:1]
    wanted = await async_extract_config_entry_ids(call)
    targeted = [entry for entry in entries if entry.entry_id in wanted]
    if not targeted:
        raise action_error("invalid_target")
    return targeted
