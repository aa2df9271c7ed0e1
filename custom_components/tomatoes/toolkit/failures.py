"""Entities an effect could not use: one warning and one translated repair issue each.

A failing media player or light never stops the timer; it is reported once (a warning
and a repair issue that names it, the timer and why) and the issue goes away by itself
when the entity works again, when the user no longer chooses it, or when the timer is
unloaded or deleted. Issue ids are ``<kind>_<entry id>_<entity id>`` and the translation
key is ``<kind>_<reason>`` (for example ``light_unavailable``).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
import logging

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from ..const import DOMAIN

_LOGGER = logging.getLogger(__name__)


class Reason(StrEnum):
    """Why an entity could not be used."""

    UNAVAILABLE = "unavailable"
    """It does not exist, or reports itself unavailable or unknown."""
    CALL_FAILED = "call_failed"
    """An action on it raised an error."""
    NO_ANSWER = "no_answer"
    """An action on it did not finish in time."""
    STOPS_AT_ONCE = "stops_at_once"
    """A media player stops again and again right after it starts playing."""


class FailureReporter:
    """The failing entities of one kind (players or lights) of one timer."""

    def __init__(self, hass: HomeAssistant, entry_id: str, timer_name: str, kind: str) -> None:
        """Start with no failing entity; ``kind`` is ``player`` or ``light``."""
        self._hass = hass
        self._entry_id = entry_id
        self._timer_name = timer_name
        self._kind = kind
        self.failing: dict[str, Reason] = {}

    def issue_id(self, entity_id: str) -> str:
        """Return the id of the repair issue about one entity."""
        return f"{self._kind}_{self._entry_id}_{entity_id}"

    @callback
    def failed(self, entity_id: str, reason: Reason, detail: str | None = None) -> None:
        """Record a failure: the first one warns and raises the issue; a new reason updates it."""
        previous = self.failing.get(entity_id)
        self.failing[entity_id] = reason
        if previous is reason:
            _LOGGER.debug(
                "%s: %s still fails (%s: %s)", self._timer_name, entity_id, reason, detail
            )
            return
        if previous is None:
            _LOGGER.warning(
                "%s: %s %s cannot be used (%s%s); the timer goes on without it",
                self._timer_name,
                self._kind,
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
            is_persistent=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key=f"{self._kind}_{reason}",
            translation_placeholders={
                "timer": self._timer_name,
                "name": state.name if state is not None else entity_id,
                "entity_id": entity_id,
                "detail": detail or "-",
            },
        )

    @callback
    def works(self, entity_id: str) -> None:
        """Record that an entity works (again): its issue goes away."""
        if self.failing.pop(entity_id, None) is None:
            return
        _LOGGER.info("%s: %s %s works again", self._timer_name, self._kind, entity_id)
        ir.async_delete_issue(self._hass, DOMAIN, self.issue_id(entity_id))

    @callback
    def available_again(self, entity_id: str) -> None:
        """Clear an entity that failed only because it was unavailable."""
        if self.failing.get(entity_id) is Reason.UNAVAILABLE:
            self.works(entity_id)

    @callback
    def retain(self, chosen: Iterable[str]) -> None:
        """Forget the failures of entities that are no longer chosen."""
        keep = set(chosen)
        for entity_id in [entity_id for entity_id in self.failing if entity_id not in keep]:
            self.failing.pop(entity_id)
            ir.async_delete_issue(self._hass, DOMAIN, self.issue_id(entity_id))

    @callback
    def clear(self) -> None:
        """Forget every failure and delete the issues (the timer is unloaded)."""
        self.retain(())
        async_delete_entry_issues(self._hass, self._entry_id, self._kind)


@callback
def async_delete_entry_issues(hass: HomeAssistant, entry_id: str, kind: str) -> None:
    """Delete every issue of one kind about one timer (also those of an earlier load)."""
    prefix = f"{kind}_{entry_id}_"
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and issue_id.startswith(prefix):
            ir.async_delete_issue(hass, DOMAIN, issue_id)
