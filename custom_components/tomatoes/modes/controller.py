"""The mode of one timer: which one is chosen, what was changed by hand, applying one.

The chosen mode is the entry option ``mode``; its parts live in the entry's options as
they always did (the numbers, the sound and lighting options), so everything that reads
options works unchanged. Choosing a mode writes all its parts at once: the sound and the
lights follow at once, the rhythm from the next phase (as any change of the rhythm does).
A part changed by hand afterwards shows the mode as modified; nothing is forgotten.

The controller follows the entry (Home Assistant's config entry signal): a person's mode
added, edited or removed changes what the mode select offers at once. Editing the chosen
mode applies the parts that changed, except those the person had changed by hand; removing
the chosen mode keeps the timer's settings and shows Classic, modified.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
import logging
from typing import Any

from homeassistant.config_entries import SIGNAL_CONFIG_ENTRY_CHANGED, ConfigEntry, ConfigEntryChange
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from ..const import CONF_MODE, settings_from_options
from ..lighting import LightingEffect
from ..sound import SoundEffect
from ..timer import FocusTimer
from ..toolkit.lifecycle import Lifecycle, Listeners
from .catalogue import MODE_CLASSIC, Mode, find_mode, modes_of, with_edit, with_mode
from .stats import ModeStats

_LOGGER = logging.getLogger(__name__)


class ModeController:
    """Chooses and applies a timer's modes, and tells the mode entities what changed."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        timer: FocusTimer,
        sound: SoundEffect,
        lights: LightingEffect,
    ) -> None:
        """Prepare; ``async_setup`` loads today's focus per mode and follows the entry."""
        self.hass = hass
        self.entry = entry
        self._timer = timer
        self._sound = sound
        self._lights = lights
        self._lifecycle = Lifecycle(hass, f"{timer.name} modes")
        self._listeners: Listeners[()] = Listeners()
        self.modes = modes_of(entry)
        self.stats = ModeStats(hass, entry.entry_id, timer, lambda: self.current)

    async def async_setup(self) -> None:
        """Share out what the timer counted meanwhile, and follow the entry's changes."""
        await self.stats.async_setup(self._lifecycle)
        self._lifecycle.on_close(
            async_dispatcher_connect(self.hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._on_entry)
        )

    async def async_close(self) -> None:
        """Stop following the entry (a change under way is cancelled); keep the statistics."""
        await self._lifecycle.async_close()
        await self.stats.async_save()

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` when the modes on offer, the chosen one or its parts may differ."""
        return self._listeners.add(listener)

    # ----------------------------------------------------------------- queries

    @property
    def current(self) -> Mode:
        """Return the chosen mode (Classic when the chosen one is unknown)."""
        return self.modes.get(str(self.entry.options.get(CONF_MODE)), self.modes[MODE_CLASSIC])

    @property
    def modified(self) -> list[str]:
        """Return the parts of the chosen mode that were changed by hand since it was chosen."""
        return self.current.bundle.differences(self.entry.options)

    def diagnostics(self) -> dict[str, Any]:
        """Return the modes on offer, the chosen one, its changed parts and today's share-out."""
        return {
            "offered": {mode.id: mode.option for mode in self.modes.values()},
            "chosen": self.current.id,
            "modified": self.modified,
            "today": self.stats.tally.as_dict(),
        }

    def find(self, text: str) -> Mode | None:
        """Return the mode a text names (id, what the select shows, a built-in's name)."""
        return find_mode(self.modes, text)

    # ----------------------------------------------------------------- actions

    async def async_select(self, mode: Mode) -> None:
        """Choose a mode: all its parts at once; returns when the sound and lights follow."""
        await self._async_use(with_mode(self.entry.options, mode))

    async def _async_use(self, options: Mapping[str, Any]) -> None:
        """Write options and have the timer (next phase), sound and lights (now) follow them."""
        self.hass.config_entries.async_update_entry(self.entry, options=dict(options))
        self._timer.apply_settings(settings_from_options(options))
        await asyncio.gather(
            self._sound.async_apply_options(options), self._lights.async_apply_options(options)
        )

    # ----------------------------------------------------------- entry changes

    @callback
    def _on_entry(self, change: ConfigEntryChange, entry: ConfigEntry) -> None:
        """Follow the entry: its modes (subentries) and options may have changed."""
        if entry.entry_id != self.entry.entry_id or change is not ConfigEntryChange.UPDATED:
            return
        modes = modes_of(entry)
        if modes != self.modes:
            before, self.modes = self.modes, modes
            self._lifecycle.create_task(self._async_modes_changed(before), "modes changed")
        self._listeners.notify()

    async def _async_modes_changed(self, before: dict[str, Mode]) -> None:
        """Keep the chosen mode in line with its edit, or fall back when it was removed."""
        chosen = str(self.entry.options.get(CONF_MODE))
        if chosen not in before or before[chosen] == self.modes.get(chosen):
            return
        if (mode := self.modes.get(chosen)) is None:
            _LOGGER.info(
                "%s: the chosen mode %s was removed; its settings stay, shown as Classic",
                self._timer.name,
                before[chosen].option,
            )
            options = {**self.entry.options, CONF_MODE: MODE_CLASSIC}
            self.hass.config_entries.async_update_entry(self.entry, options=options)
            return
        options = with_edit(self.entry.options, before[chosen].bundle, mode.bundle)
        if options != dict(self.entry.options):
            await self._async_use(options)
