"""The "focusing" binary sensor: on while a focus block counts down."""

from __future__ import annotations

from homeassistant.components.binary_sensor import BinarySensorEntity, BinarySensorEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .engine import Phase, Status
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry

PARALLEL_UPDATES = 0

FOCUSING = BinarySensorEntityDescription(key="focusing", translation_key="focusing")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the focusing binary sensor of a timer."""
    async_add_entities([FocusingBinarySensor(entry, FOCUSING)])


class FocusingBinarySensor(TomatoesEntity, BinarySensorEntity):
    """On while a focus block is running (off when paused, on a break or idle)."""

    @property
    def is_on(self) -> bool:
        """Return whether the timer is in a running focus block."""
        session = self.timer.session
        return session.phase is Phase.FOCUS and session.status is Status.RUNNING
