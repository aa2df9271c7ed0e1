"""Sensors of a Tomatoes timer: phase, status, end, time left, task, today's counts, mode, sound."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .engine import Phase, Status
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry
from .modes.entities import MODE_FOCUS, ModeFocusSensor
from .sound.entity import SoundEntity
from .sound.policy import SoundStatus
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
    """Add the sensors of a timer, and its sound status sensor if it has media players."""
    sensors: list[SensorEntity] = [TomatoesSensor(entry, description) for description in SENSORS]
    sensors.append(ModeFocusSensor(entry, MODE_FOCUS))
    if entry.runtime_data.sound.options.players:
        sensors.append(SoundStatusSensor(entry, SOUND_STATUS))
    elif stale := er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{entry.entry_id}_{SOUND_STATUS.key}"
    ):
        er.async_get(hass).async_remove(stale)  # no players any more: no sound to report on
    async_add_entities(sensors)


class TomatoesSensor(TomatoesEntity, SensorEntity):
    """A sensor that shows one aspect of a timer."""

    entity_description: TomatoesSensorEntityDescription

    @property
    def native_value(self) -> str | int | float | datetime | None:
        """Return the value read from the timer."""
        return self.entity_description.value_fn(self.timer)


SOUND_STATUS = SensorEntityDescription(
    key="sound_status",
    translation_key="sound_status",
    device_class=SensorDeviceClass.ENUM,
    options=[str(status) for status in SoundStatus],
)


class SoundStatusSensor(SoundEntity, SensorEntity):
    """Whether the focus sound plays, and why a chosen player is silent (busy or failing)."""

    @property
    def native_value(self) -> str:
        """Return off, playing, player_busy or player_failing."""
        return str(self.sound.status)

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return the players that play, those left alone as busy, and those failing."""
        return {
            "playing": self.sound.playing,
            "busy": self.sound.busy,
            "failing": self.sound.failing,
        }
