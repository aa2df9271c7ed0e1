"""The transitions event entity: one event type per transition, for automations."""

from __future__ import annotations

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .engine import Event, EventType
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry

PARALLEL_UPDATES = 0

TRANSITIONS = EventEntityDescription(
    key="transition",
    translation_key="transition",
    event_types=[str(kind) for kind in EventType],
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the transitions event entity of a timer."""
    async_add_entities([TransitionEventEntity(entry, TRANSITIONS)])


class TransitionEventEntity(TomatoesEntity, EventEntity):
    """Fires once per transition, carrying phase, durations and task."""

    async def async_added_to_hass(self) -> None:
        """Listen to the timer's transitions as well."""
        await super().async_added_to_hass()
        self.async_on_remove(self.timer.async_add_event_listener(self._async_transition))

    @callback
    def _async_timer_changed(self) -> None:
        """State changes only when an event fires."""

    @callback
    def _async_transition(self, event: Event) -> None:
        self._trigger_event(str(event.type), event.data)
        self.async_write_with_context()
