"""Logbook lines for focus lighting: which light someone took over, during which timer's focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN
from .lighting import EVENT_LIGHT_TAKEN_OVER

type Describe = Callable[[Event[Any]], dict[str, str]]


@callback
def async_describe_events(
    hass: HomeAssistant, async_describe_event: Callable[[str, str, Describe], None]
) -> None:
    """Describe the take-over event for the logbook."""

    @callback
    def describe(event: Event[Any]) -> dict[str, str]:
        light: str = event.data[ATTR_ENTITY_ID]
        state = hass.states.get(light)
        return {
            "name": state.name if state is not None else light,
            "message": f"was taken over during focus ({event.data['timer']}); "
            "Tomatoes leaves it alone until the block ends",
            "entity_id": light,
        }

    async_describe_event(DOMAIN, EVENT_LIGHT_TAKEN_OVER, describe)
