"""What Tomatoes keeps about each light it holds, and the Store that keeps it across restarts."""

from __future__ import annotations

from dataclasses import dataclass
import logging
from typing import Any

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.storage import Store

from ..const import DOMAIN
from .state import Expected, Snapshot, is_usable

_LOGGER = logging.getLogger(__name__)

STORAGE_VERSION = 1


def lighting_store(hass: HomeAssistant, entry_id: str) -> Store[dict[str, Any]]:
    """Return the Store that keeps one timer's light snapshots."""
    return Store(hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}.lights")


@dataclass
class LightRecord:
    """One light Tomatoes is responsible for: its snapshot and what was last asked of it."""

    snapshot: Snapshot
    expected: Expected | None = None
    taken_over: bool = False
    adaptive_switch: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-safe data for the Store."""
        return {
            "snapshot": self.snapshot.as_dict(),
            "expected": self.expected.as_dict() if self.expected else None,
            "taken_over": self.taken_over,
            "adaptive_switch": self.adaptive_switch,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LightRecord:
        """Rebuild a stored record."""
        expected = data.get("expected")
        return cls(
            snapshot=Snapshot.from_dict(data["snapshot"]),
            expected=Expected.from_dict(expected) if expected else None,
            taken_over=bool(data.get("taken_over", False)),
            adaptive_switch=data.get("adaptive_switch"),
        )


async def async_give_back_stored(hass: HomeAssistant, entry_id: str) -> None:
    """Restore the lights of a removed timer from its Store, then delete the Store."""
    store = lighting_store(hass, entry_id)
    stored = await store.async_load() or {}
    context = Context()
    for light, data in stored.get("lights", {}).items():
        try:
            record = LightRecord.from_dict(data)
        except KeyError, TypeError, ValueError:
            continue
        state = hass.states.get(light)
        if record.taken_over or state is None or not is_usable(state):
            continue
        if record.snapshot.matches(state):
            continue
        restore = record.snapshot.restore_data(state)
        service = SERVICE_TURN_OFF if restore is None else SERVICE_TURN_ON
        try:
            await hass.services.async_call(
                LIGHT_DOMAIN,
                service,
                {ATTR_ENTITY_ID: light, **(restore or {})},
                blocking=True,
                context=context,
            )
        except Exception:  # noqa: BLE001 - best effort while the timer is being removed
            _LOGGER.warning("Could not restore %s for a removed timer", light)
    await store.async_remove()
