"""Follows every loaded Tomatoes timer for automations, across reloads and restarts.

A reload (the options flow) or a restart gives an entry a new `FocusTimer`, so an
automation cannot hold on to one timer. `TimerWatch` (one per Home Assistant) listens
to the config entries of the domain, attaches to each timer while its entry is loaded,
and passes on its transitions and changes to whoever subscribed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.target import TargetSelection, async_extract_referenced_entity_ids
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..engine import Event
from ..models import TomatoesConfigEntry

type TransitionListener = Callable[[TomatoesConfigEntry, Event], None]
type ChangeListener = Callable[[TomatoesConfigEntry], None]

DATA_WATCH: HassKey[TimerWatch] = HassKey(f"{DOMAIN}_timer_watch")


class TimerWatch:
    """Every loaded timer's transitions and changes, for triggers that outlive a reload."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Attach to the timers loaded now and follow the entries from here on."""
        self._hass = hass
        self._entries: dict[str, tuple[TomatoesConfigEntry, CALLBACK_TYPE]] = {}
        self._transition_listeners: list[TransitionListener] = []
        self._change_listeners: list[ChangeListener] = []
        async_dispatcher_connect(hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._async_entry_changed)
        for entry in hass.config_entries.async_entries(DOMAIN):
            if entry.state is ConfigEntryState.LOADED:
                self._attach(entry)

    @property
    def entries(self) -> list[TomatoesConfigEntry]:
        """Return the entries whose timers are loaded."""
        return [entry for entry, _ in self._entries.values()]

    @callback
    def async_listen_transitions(self, listener: TransitionListener) -> CALLBACK_TYPE:
        """Call ``listener(entry, event)`` on every transition of every timer."""
        self._transition_listeners.append(listener)
        return lambda: self._transition_listeners.remove(listener)

    @callback
    def async_listen_changes(self, listener: ChangeListener) -> CALLBACK_TYPE:
        """Call ``listener(entry)`` after a timer changed, came or went."""
        self._change_listeners.append(listener)
        return lambda: self._change_listeners.remove(listener)

    @callback
    def _async_entry_changed(self, _change: ConfigEntryChange, entry: ConfigEntry[Any]) -> None:
        if entry.domain != DOMAIN:
            return
        attached = entry.entry_id in self._entries
        if entry.state is ConfigEntryState.LOADED and not attached:
            self._attach(entry)
            self._changed(entry)
        elif entry.state is not ConfigEntryState.LOADED and attached:
            _, detach = self._entries.pop(entry.entry_id)
            detach()
            self._changed(entry)

    def _attach(self, entry: TomatoesConfigEntry) -> None:
        timer = entry.runtime_data.timer
        unsubs = (
            timer.async_add_event_listener(lambda event: self._transition(entry, event)),
            timer.async_add_listener(lambda: self._changed(entry)),
        )

        def detach() -> None:
            for unsub in unsubs:
                unsub()

        self._entries[entry.entry_id] = (entry, detach)

    @callback
    def _transition(self, entry: TomatoesConfigEntry, event: Event) -> None:
        for listener in list(self._transition_listeners):
            listener(entry, event)

    @callback
    def _changed(self, entry: TomatoesConfigEntry) -> None:
        for listener in list(self._change_listeners):
            listener(entry)


@callback
def async_get_watch(hass: HomeAssistant) -> TimerWatch:
    """Return Home Assistant's one TimerWatch, made on first use."""
    if (watch := hass.data.get(DATA_WATCH)) is None:
        watch = hass.data[DATA_WATCH] = TimerWatch(hass)
    return watch


@callback
def async_targeted_entry_ids(hass: HomeAssistant, target: dict[str, Any] | None) -> set[str] | None:
    """Return the ids of the entries a target names (by entity, device, area, label).

    None means no target was given: every timer counts. Looked up each time, so a
    device moved to another area counts where it is now.
    """
    selection = TargetSelection(target or {})
    if not selection.has_any_target:
        return None
    selected = async_extract_referenced_entity_ids(hass, selection, expand_group=False)
    entity_registry = er.async_get(hass)
    device_registry = dr.async_get(hass)
    entry_ids: set[str] = set()
    for entity_id in selected.referenced | selected.indirectly_referenced:
        entity = entity_registry.async_get(entity_id)
        if entity is not None and entity.platform == DOMAIN and entity.config_entry_id:
            entry_ids.add(entity.config_entry_id)
    for device_id in selected.referenced_devices:
        if (device := device_registry.async_get(device_id)) is not None:
            entry_ids.update(device.config_entries)
    return entry_ids


@callback
def async_device_id(hass: HomeAssistant, entry: TomatoesConfigEntry) -> str | None:
    """Return the id of a timer's device."""
    devices = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    return devices[0].id if devices else None
