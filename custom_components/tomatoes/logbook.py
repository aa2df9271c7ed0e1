"""Logbook lines: a light someone took over during focus; a media player left alone as busy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN
from .lighting import EVENT_LIGHT_TAKEN_OVER
from .sound.stage import EVENT_PLAYER_BUSY

type Describe = Callable[[Event[Any]], dict[str, str]]


@callback
def async_describe_events(
    hass: HomeAssistant, async_describe_event: Callable[[str, str, Describe], None]
) -> None:
    """Describe the take-over event and the busy player event for the logbook."""

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
    async_describe_event(DOMAIN, EVENT_PLAYER_BUSY, _describe_player_busy(hass))


def _describe_player_busy(hass: HomeAssistant) -> Describe:
    """Describe a media player the sound left alone because it was already playing."""

    @callback
    def describe(event: Event[Any]) -> dict[str, str]:
        player: str = event.data[ATTR_ENTITY_ID]
        name = state.name if (state := hass.states.get(player)) else player
        timer = event.data["timer"]
        message = f"was already playing, so {timer} left it alone and plays no focus sound on it"
        return {
            "name": name,
            "message": f"{message} (allow it with Take over busy players)",
            "entity_id": player,
        }

    return describe
