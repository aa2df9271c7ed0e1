"""Sensors of a Tomatoes timer: phase, status, end time, time left, task and today's counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .engine import Phase, Status
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry
from .timer import FocusTimer

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class TomatoesSensorEntityDescription(SensorEntityDescription):
    """Describes a Tomatoes sensor and how its value is read from the timer."""

    value_fn: Callable[[FocusTimer], str | int | float | datetime | None]


def _ends_at(timer: FocusTimer) -> datetime | None:
    session = timer.session
    return session.ends_at if session.status is Status.RUNNING else None


def _remaining(timer: FocusTimer) -> float | None:
    session = timer.session
    if session.status is not Status.PAUSED or session.remaining is None:
        return None
    return round(session.remaining.total_seconds() / 60, 2)


SENSORS: tuple[TomatoesSensorEntityDescription, ...] = (
    TomatoesSensorEntityDescription(
        key="phase",
        translation_key="phase",
        device_class=SensorDeviceClass.ENUM,
        options=[str(phase) for phase in Phase],
        value_fn=lambda timer: str(timer.session.phase),
    ),
    TomatoesSensorEntityDescription(
        key="status",
        translation_key="status",
        device_class=SensorDeviceClass.ENUM,
        options=[str(status) for status in Status],
        value_fn=lambda timer: str(timer.session.status),
    ),
    TomatoesSensorEntityDescription(
        key="next_phase",
        translation_key="next_phase",
        device_class=SensorDeviceClass.ENUM,
        options=[str(phase) for phase in Phase if phase is not Phase.IDLE],
        value_fn=lambda timer: str(timer.session.next_phase),
    ),
    TomatoesSensorEntityDescription(
        key="ends_at",
        translation_key="ends_at",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=_ends_at,
    ),
    TomatoesSensorEntityDescription(
        key="remaining",
        translation_key="remaining",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        suggested_display_precision=1,
        value_fn=_remaining,
    ),
    TomatoesSensorEntityDescription(
        key="completed_today",
        translation_key="completed_today",
        state_class=SensorStateClass.TOTAL_INCREASING,
        value_fn=lambda timer: timer.today().blocks,
    ),
    TomatoesSensorEntityDescription(
        key="focus_minutes_today",
        translation_key="focus_minutes_today",
        device_class=SensorDeviceClass.DURATION,
        state_class=SensorStateClass.TOTAL_INCREASING,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        suggested_display_precision=0,
        value_fn=lambda timer: round(timer.today().focus_seconds / 60, 1),
    ),
    TomatoesSensorEntityDescription(
        key="task",
        translation_key="task",
        value_fn=lambda timer: timer.session.task,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the sensors of a timer."""
    async_add_entities(TomatoesSensor(entry, description) for description in SENSORS)


class TomatoesSensor(TomatoesEntity, SensorEntity):
    """A sensor that shows one aspect of a timer."""

    entity_description: TomatoesSensorEntityDescription

    @property
    def native_value(self) -> str | int | float | datetime | None:
        """Return the value read from the timer."""
        return self.entity_description.value_fn(self.timer)
