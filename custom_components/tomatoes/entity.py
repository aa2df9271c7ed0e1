"""Base entity of a Tomatoes timer: one device per timer, state written only on change.

A timer is a device (not a service): Home Assistant then counts "1 device" on the
integration page, as the README speaks of devices. ``entry_type=None`` is explicit so that
devices registered as services by earlier versions are updated in place (same device id,
same entities).

A write caused by an action carries the action's Context (the timer names it while it
announces the change), so the logbook and automations see who changed the timer.
"""

from __future__ import annotations

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .const import DOMAIN, VERSION
from .models import TomatoesConfigEntry


class TomatoesEntity(Entity):
    """An entity of one timer's device, updated when the timer changes."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, entry: TomatoesConfigEntry, description: EntityDescription) -> None:
        """Bind the entity to its timer and device."""
        self.entity_description = description
        self.entry = entry
        self.timer = entry.runtime_data.timer
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=entry.title,
            entry_type=None,
            manufacturer="Tomatoes",
            model="Focus timer",
            sw_version=VERSION,
        )
        self._written: object = None

    async def async_added_to_hass(self) -> None:
        """Listen to the timer; remember what the first write will show."""
        await super().async_added_to_hass()
        self._written = self._shown()
        self.async_on_remove(self.timer.async_add_listener(self._async_timer_changed))

    def _shown(self) -> object:
        """Return what a user sees of this entity (compared to skip needless writes)."""
        return (self.state, self.extra_state_attributes)

    @callback
    def _async_timer_changed(self) -> None:
        shown = self._shown()
        if shown != self._written:
            self._written = shown
            self.async_write_with_context()

    @callback
    def async_write_with_context(self) -> None:
        """Write the state, in the Context of the action that changed the timer (if any)."""
        if (context := self.timer.context) is not None:
            self.async_set_context(context)
        self.async_write_ha_state()
