"""Sensors of a Tomatoes timer: phase, status, end, cycle position, counts of today, mode, sound.

What is only sometimes meaningful is folded into the status sensor: its attributes carry the
time left while paused and the task while one is set. The separate "Time left (paused)" and
"Task" sensors still exist (same unique ids, so existing installs keep them and their
history) but are disabled by default for new timers.
"""

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

ATTR_TIME_LEFT = "time_left"
ATTR_TASK = "task"
ATTR_BLOCK = "block"
ATTR_BLOCKS_PER_CYCLE = "blocks_per_cycle"
ATTR_LONG_BREAK_NEXT = "long_break_next"


@dataclass(frozen=True, kw_only=True)
class TomatoesSensorEntityDescription(SensorEntityDescription):
    """Describes a Tomatoes sensor and how its value is read from the timer."""

    value_fn: Callable[[FocusTimer], str | int | float | datetime | None]
    attributes_fn: Callable[[FocusTimer], dict[str, Any] | None] = lambda _timer: None


def _ends_at(timer: FocusTimer) -> datetime | None:
    session = timer.session
    return session.ends_at if session.status is Status.RUNNING else None


def _remaining(timer: FocusTimer) -> float | None:
    session = timer.session
    if session.status is not Status.PAUSED or session.remaining is None:
        return None
    return round(session.remaining.total_seconds() / 60, 2)


def _status_attributes(timer: FocusTimer) -> dict[str, Any]:
    """Return the time left while paused and the task while one is set (nothing else)."""
    attributes: dict[str, Any] = {}
    if (left := _remaining(timer)) is not None:
        attributes[ATTR_TIME_LEFT] = left
    if timer.session.task:
        attributes[ATTR_TASK] = timer.session.task
    return attributes


def cycle_position(timer: FocusTimer) -> tuple[int, int]:
    """Return (the focus block the cycle is at, blocks per cycle).

    The block is the one running, or the one just completed during its break (the whole
    cycle during the long break), or the next one while the timer waits for focus.
    """
    session = timer.session
    every = session.settings.long_break_every
    if session.phase is Phase.LONG_BREAK:
        return every, every
    done = session.cycle_blocks
    waits_for_break = session.phase is Phase.IDLE and session.next_phase is not Phase.FOCUS
    block = done if session.phase is Phase.SHORT_BREAK or waits_for_break else done + 1
    return min(max(block, 1), every), every


def _cycle_attributes(timer: FocusTimer) -> dict[str, Any]:
    block, every = cycle_position(timer)
    return {
        ATTR_BLOCK: block,
        ATTR_BLOCKS_PER_CYCLE: every,
        ATTR_LONG_BREAK_NEXT: timer.session.next_phase is Phase.LONG_BREAK,
    }


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
        attributes_fn=_status_attributes,
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
        entity_registry_enabled_default=False,
        value_fn=_remaining,
    ),
    TomatoesSensorEntityDescription(
        key="cycle",
        translation_key="cycle",
        value_fn=lambda timer: "/".join(map(str, cycle_position(timer))),
        attributes_fn=_cycle_attributes,
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
        entity_registry_enabled_default=False,
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

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return what the sensor folds in (see the module's docstring)."""
        return self.entity_description.attributes_fn(self.timer)


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
