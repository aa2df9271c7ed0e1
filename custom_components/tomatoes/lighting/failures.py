"""Lights that could not be controlled: one warning each, and a repair issue that clears itself."""

from __future__ import annotations

from enum import StrEnum
import logging

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

from ..const import DOMAIN

_LOGGER = logging.getLogger(__name__)


class Failure(StrEnum):
    """Why a light could not be controlled."""

    UNAVAILABLE = "unavailable"
    CALL_FAILED = "call_failed"


class LightFailures:
    """The lights of one timer that failed, with the repair issue of each.

    A light is reported once (one warning, one issue) until it works again;
    then the issue is deleted and a line is logged.
    """

    def __init__(self, hass: HomeAssistant, entry_id: str, timer_name: str) -> None:
        """Start with no failing light."""
        self._hass = hass
        self._entry_id = entry_id
        self._timer_name = timer_name
        self.failing: dict[str, Failure] = {}

    def issue_id(self, entity_id: str) -> str:
        """Return the id of the repair issue about one light."""
        return f"light_failed_{self._entry_id}_{entity_id}"

    def failed(self, entity_id: str, reason: Failure, detail: str | None = None) -> None:
        """Record that a light failed; warn and raise an issue the first time."""
        known = entity_id in self.failing
        self.failing[entity_id] = reason
        if known:
            _LOGGER.debug("%s still fails for %s: %s", entity_id, self._timer_name, detail)
            return
        _LOGGER.warning(
            "%s: %s could not be controlled (%s%s); the timer goes on without it",
            self._timer_name,
            entity_id,
            reason,
            f": {detail}" if detail else "",
        )
        state = self._hass.states.get(entity_id)
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            self.issue_id(entity_id),
            is_fixable=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key=f"light_{reason}",
            translation_placeholders={
                "timer": self._timer_name,
                "light": state.name if state is not None else entity_id,
                "entity_id": entity_id,
            },
        )

    def works(self, entity_id: str) -> None:
        """Record that a light works again; its issue goes away."""
        if self.failing.pop(entity_id, None) is None:
            return
        _LOGGER.info("%s: %s works again", self._timer_name, entity_id)
        ir.async_delete_issue(self._hass, DOMAIN, self.issue_id(entity_id))

    def available_again(self, entity_id: str) -> None:
        """Clear a light that failed only because it was unavailable."""
        if self.failing.get(entity_id) is Failure.UNAVAILABLE:
            self.works(entity_id)

    def clear(self) -> None:
        """Forget every failure and delete the issues (the timer is unloaded)."""
        for entity_id in list(self.failing):
            ir.async_delete_issue(self._hass, DOMAIN, self.issue_id(entity_id))
        self.failing.clear()
