"""WebSocket API of the Tomatoes card: a live view of one timer, pushed on every change.

``tomatoes/subscribe`` takes any entity of a timer and sends the timer's state at once
and again after every change (a transition, a setting, midnight, a reload). Each message
carries the seconds left as the server counts them and the server's time, so the card
counts down against the browser's monotonic clock and never trusts the browser's wall
clock. Nothing is sent per second.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import config_validation as cv, entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import DOMAIN
from .engine import Phase
from .models import TomatoesConfigEntry
from .sound.options import SoundOptions

TYPE_SUBSCRIBE = f"{DOMAIN}/subscribe"

# The entities the card works with besides the timer, by the key of their unique id.
RELATED_ENTITIES = {
    "phase": ("sensor", "phase"),
    "mode": ("select", "mode"),
    "mode_focus": ("sensor", "mode_focus_today"),
    "sound": ("select", "sound"),
    "volume": ("number", "sound_volume"),
    "lighting": ("switch", "focus_lighting"),
}


@callback
def async_setup_websocket_api(hass: HomeAssistant) -> None:
    """Register the card's WebSocket commands."""
    async_register_command(hass, ws_subscribe)


def timer_view(hass: HomeAssistant, entry: TomatoesConfigEntry) -> dict[str, Any]:
    """Describe a loaded timer for the card (JSON-safe)."""
    timer = entry.runtime_data.timer
    session = timer.session
    left = timer.time_left()
    today = timer.today()
    return {
        "available": True,
        "name": timer.name,
        "phase": str(session.phase),
        "status": str(session.status),
        "next_phase": str(session.next_phase),
        "remaining": None if left is None else round(left.total_seconds(), 3),
        "duration": (
            None
            if session.planned is None or session.phase is Phase.IDLE
            else session.planned.total_seconds()
        ),
        "next_duration": (
            None
            if session.next_phase is Phase.IDLE
            else session.length(session.next_phase).total_seconds()
        ),
        "server_time": dt_util.utcnow().isoformat(),
        "cycle_blocks": session.cycle_blocks,
        "long_break_every": session.settings.long_break_every,
        "today_blocks": today.blocks,
        "today_minutes": round(today.focus_seconds / 60, 1),
        "task": session.task,
        "sound": bool(SoundOptions.from_options(entry.options).players),
        "entities": related_entities(hass, entry.entry_id),
    }


def related_entities(hass: HomeAssistant, entry_id: str) -> dict[str, str]:
    """Return the entity ids of the timer's entities the card shows, where they exist."""
    registry = er.async_get(hass)
    found: dict[str, str] = {}
    for name, (domain, key) in RELATED_ENTITIES.items():
        if entity_id := registry.async_get_entity_id(domain, DOMAIN, f"{entry_id}_{key}"):
            found[name] = entity_id
    return found


def _timer_entry(hass: HomeAssistant, entity_id: str) -> TomatoesConfigEntry | None:
    """Return the Tomatoes config entry an entity belongs to, if it is one of ours."""
    entity = er.async_get(hass).async_get(entity_id)
    if entity is None or entity.platform != DOMAIN or entity.config_entry_id is None:
        return None
    return hass.config_entries.async_get_entry(entity.config_entry_id)


@websocket_command({vol.Required("type"): TYPE_SUBSCRIBE, vol.Required("entity_id"): cv.entity_id})
@callback
def ws_subscribe(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Send a timer's state now and after every change, until the card unsubscribes."""
    entry = _timer_entry(hass, msg["entity_id"])
    if entry is None:
        connection.send_error(
            msg["id"],
            ERR_NOT_FOUND,
            f"{msg['entity_id']} is not an entity of a Tomatoes timer",
            translation_key="not_a_timer",
            translation_domain=DOMAIN,
            translation_placeholders={"entity_id": msg["entity_id"]},
        )
        return
    subscription = _Subscription(hass, connection, msg["id"], entry)
    connection.subscriptions[msg["id"]] = subscription.async_cancel
    connection.send_result(msg["id"])
    subscription.async_follow()


class _Subscription:
    """One card's view of one timer; follows the timer across reloads of its entry."""

    def __init__(
        self,
        hass: HomeAssistant,
        connection: ActiveConnection,
        msg_id: int,
        entry: TomatoesConfigEntry,
    ) -> None:
        self.hass = hass
        self.connection = connection
        self.msg_id = msg_id
        self.entry = entry
        self._unsub_timer: CALLBACK_TYPE | None = None
        self._unsub_entry = async_dispatcher_connect(
            hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._async_entry_changed
        )

    @callback
    def async_follow(self) -> None:
        """Listen to the entry's current timer (if loaded) and send what it shows."""
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None
        if self.entry.state is ConfigEntryState.LOADED:
            self._unsub_timer = self.entry.runtime_data.timer.async_add_listener(self._async_send)
        self._async_send()

    @callback
    def async_cancel(self) -> None:
        """Stop listening (the card unsubscribed or the connection closed)."""
        self._unsub_entry()
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None

    @callback
    def _async_entry_changed(self, change: ConfigEntryChange, entry: ConfigEntry) -> None:
        if entry.entry_id != self.entry.entry_id:
            return
        if change is ConfigEntryChange.REMOVED:
            if self._unsub_timer is not None:
                self._unsub_timer()
                self._unsub_timer = None
            self._async_send()
            return
        self.entry = entry
        self.async_follow()

    @callback
    def _async_send(self) -> None:
        loaded = (
            self.entry.state is ConfigEntryState.LOADED
            and self.hass.config_entries.async_get_entry(self.entry.entry_id) is not None
        )
        view = (
            timer_view(self.hass, self.entry)
            if loaded
            else {"available": False, "name": self.entry.title}
        )
        self.connection.send_message(event_message(self.msg_id, view))
