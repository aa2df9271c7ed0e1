"""The sound library's action: rescan the library on demand."""

from __future__ import annotations

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
import voluptuous as vol

from ..const import DOMAIN
from .library import DATA_LIBRARY

SERVICE_RESCAN_LIBRARY = "rescan_library"


async def _async_rescan(call: ServiceCall) -> ServiceResponse:
    library = call.hass.data.get(DATA_LIBRARY)
    if library is None:
        raise ServiceValidationError(translation_domain=DOMAIN, translation_key="no_timers")
    stats = await library.async_scan()
    return stats.as_dict() if call.return_response else None


@callback
def async_setup_actions(hass: HomeAssistant) -> None:
    """Register the sound actions (once, for every timer)."""
    hass.services.async_register(
        DOMAIN,
        SERVICE_RESCAN_LIBRARY,
        _async_rescan,
        schema=vol.Schema({}),
        supports_response=SupportsResponse.OPTIONAL,
    )
