"""Keeps Tomatoes' intents and sentences registered exactly while a timer is loaded.

Intents are registered when the first timer loads and removed with the last one. The
sentences are one sentence trigger of Home Assistant's built-in conversation agent, made
from the loaded timers' names; it is registered again when a timer is added, renamed or
removed, and only once the conversation integration has loaded (it may load after us).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
import logging
from typing import Any

from homeassistant.config_entries import SIGNAL_CONFIG_ENTRY_CHANGED, ConfigEntry, ConfigEntryChange
from homeassistant.const import EVENT_COMPONENT_LOADED
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import intent
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from .choose import loaded_entries

_LOGGER = logging.getLogger(__name__)

CONVERSATION = "conversation"

DATA_VOICE: HassKey[VoiceManager] = HassKey(f"{DOMAIN}_voice")


def voice_manager(hass: HomeAssistant) -> VoiceManager | None:
    """Return the running voice manager, if Tomatoes is set up."""
    return hass.data.get(DATA_VOICE)


class VoiceManager:
    """Registers Tomatoes' intents and its sentence trigger while timers are loaded."""

    def __init__(
        self, hass: HomeAssistant, handlers: Callable[[], Sequence[intent.IntentHandler]]
    ) -> None:
        """Prepare; nothing is registered until ``async_start``."""
        self.hass = hass
        self._handlers = handlers
        self._intents: list[str] = []
        self._titles: tuple[str, ...] = ()
        self._unregister_trigger: CALLBACK_TYPE | None = None

    @callback
    def async_start(self) -> None:
        """Follow timers and the conversation integration for the rest of the run."""
        self.hass.data[DATA_VOICE] = self
        async_dispatcher_connect(self.hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._entry_changed)
        self.hass.bus.async_listen(
            EVENT_COMPONENT_LOADED, self._component_loaded, event_filter=_is_conversation
        )
        self.async_refresh()

    @callback
    def async_refresh(self) -> None:
        """Register or remove intents and sentences to match the loaded timers."""
        titles = tuple(entry.title for entry in loaded_entries(self.hass))
        if titles and not self._intents:
            for handler in self._handlers():
                intent.async_register(self.hass, handler)
                self._intents.append(handler.intent_type)
        elif not titles:
            for intent_type in self._intents:
                intent.async_remove(self.hass, intent_type)
            self._intents = []
        if CONVERSATION not in self.hass.config.components:
            titles = ()
        if titles == self._titles:
            return
        if self._unregister_trigger is not None:
            self._unregister_trigger()
            self._unregister_trigger = None
        self._titles = titles
        if titles:
            # Imported only now: the sentences need the conversation integration's
            # packages (hassil), which are there once it has loaded.
            from .triggers import async_register_sentences  # noqa: PLC0415

            self._unregister_trigger = async_register_sentences(self.hass, titles)
            _LOGGER.debug("Sentences registered for %s", ", ".join(titles))

    @callback
    def _entry_changed(self, change: ConfigEntryChange, entry: ConfigEntry) -> None:
        if entry.domain == DOMAIN:
            self.async_refresh()

    @callback
    def _component_loaded(self, _event: Event[Mapping[str, Any]]) -> None:
        self.async_refresh()


@callback
def _is_conversation(data: Mapping[str, Any]) -> bool:
    return data.get("component") == CONVERSATION
