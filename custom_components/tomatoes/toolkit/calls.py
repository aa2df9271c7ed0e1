"""Actions on the user's devices, made the same way by every effect.

Each call carries a Context that Tomatoes made and remembers, so a state change it
causes can be told apart from one a person made (Adaptive Lighting's approach). Each call
has a timeout, and whatever goes wrong is returned, never raised: a device that fails or
hangs must not stop the timer or the other devices.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Context, HomeAssistant

from .failures import FailureReporter, Reason

CONTEXTS_KEPT = 256
"""How many of our recent Contexts are remembered to recognise our own state changes."""


class OwnContexts:
    """The Contexts of our recent calls."""

    def __init__(self, kept: int = CONTEXTS_KEPT) -> None:
        """Remember up to ``kept`` Contexts."""
        self._ids: deque[str] = deque(maxlen=kept)

    def new(self) -> Context:
        """Return a new Context for our own calls, remembered."""
        context = Context()
        self._ids.append(context.id)
        return context

    def owns(self, context: Context | None) -> bool:
        """Return whether a change came from one of our calls (or was caused by one)."""
        return context is not None and (context.id in self._ids or context.parent_id in self._ids)


@dataclass(frozen=True, slots=True)
class CallError:
    """Why a call did not work."""

    reason: Reason
    detail: str


async def async_call_action(
    hass: HomeAssistant,
    domain: str,
    service: str,
    data: dict[str, Any],
    *,
    context: Context,
    seconds: float,
) -> CallError | None:
    """Call an action and wait for it (at most ``seconds``); return what went wrong, or None."""
    try:
        async with asyncio.timeout(seconds):
            await hass.services.async_call(domain, service, data, blocking=True, context=context)
    except TimeoutError:
        return CallError(Reason.NO_ANSWER, f"{domain}.{service}: no answer in {seconds:.0f} s")
    except Exception as err:  # noqa: BLE001 - whatever an integration raises, the timer goes on
        return CallError(Reason.CALL_FAILED, f"{domain}.{service}: {err or type(err).__name__}")
    return None


class EffectCalls:
    """Calls on the entities of one effect: our Context, a timeout, failures reported."""

    def __init__(
        self,
        hass: HomeAssistant,
        domain: str,
        failures: FailureReporter,
        *,
        timeout: float,
        contexts: OwnContexts | None = None,
    ) -> None:
        """Call actions of ``domain`` (``light``, ``media_player``) on behalf of one timer."""
        self.hass = hass
        self.domain = domain
        self.failures = failures
        self.timeout = timeout
        self.contexts = contexts or OwnContexts()

    async def async_call(
        self,
        entity_id: str,
        service: str,
        data: dict[str, Any] | None = None,
        *,
        context: Context | None = None,
    ) -> bool:
        """Call an action on one entity; return whether it worked (a failure is reported)."""
        error = await async_call_action(
            self.hass,
            self.domain,
            service,
            {ATTR_ENTITY_ID: entity_id, **(data or {})},
            context=context or self.contexts.new(),
            seconds=self.timeout,
        )
        if error is not None:
            self.failures.failed(entity_id, error.reason, error.detail)
            return False
        self.failures.works(entity_id)
        return True
