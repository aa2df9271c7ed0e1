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
from homeassistant.const import EVENT_COMPONENT_LOADED, EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import intent
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..targeting import loaded_entries
from .const import CONVERSATION
from .phrases import LANGUAGES, base_language

_LOGGER = logging.getLogger(__name__)

ASSIST_PIPELINE = "assist_pipeline"

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
        self._registered: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._unregister_trigger: CALLBACK_TYPE | None = None

    @callback
    def async_start(self) -> None:
        """Follow timers and the conversation integration for the rest of the run."""
        self.hass.data[DATA_VOICE] = self
        async_dispatcher_connect(self.hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._entry_changed)
        self.hass.bus.async_listen(
            EVENT_COMPONENT_LOADED, self._changed, event_filter=_is_voice_component
        )
        self.hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, self._changed)
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
        languages = spoken_languages(self.hass)
        if CONVERSATION not in self.hass.config.components or not languages:
            titles = ()
        wanted = (titles, languages if titles else ())
        if wanted == self._registered:
            return
        if self._unregister_trigger is not None:
            self._unregister_trigger()
            self._unregister_trigger = None
        self._registered = wanted
        if titles:
            # Imported only now: the sentences need the conversation integration's
            # packages (hassil), which are there once it has loaded.
            from .triggers import async_register_sentences  # noqa: PLC0415

            self._unregister_trigger = async_register_sentences(self.hass, titles, languages)
            _LOGGER.debug("Sentences in %s for %s", ", ".join(languages), ", ".join(titles))

    @callback
    def _entry_changed(self, change: ConfigEntryChange, entry: ConfigEntry) -> None:
        if entry.domain == DOMAIN:
            self.async_refresh()

    @callback
    def _changed(self, _event: Event[Mapping[str, Any]]) -> None:
        self.async_refresh()


@callback
def _is_voice_component(data: Mapping[str, Any]) -> bool:
    return data.get("component") in (CONVERSATION, ASSIST_PIPELINE)


def spoken_languages(hass: HomeAssistant) -> tuple[str, ...]:
    """Return the languages we have sentences for that Home Assistant is set up to speak."""
    codes = {hass.config.language}
    if ASSIST_PIPELINE in hass.config.components:
        # Imported only when loaded: the pipeline integration is optional.
        from homeassistant.components.assist_pipeline import (  # noqa: PLC0415, I001
            async_get_pipelines,
        )

        for pipeline in async_get_pipelines(hass):
            codes |= {pipeline.language, pipeline.conversation_language}
    bases = {base_language(code) for code in codes if code}
    return tuple(code for code in LANGUAGES if code in bases)
