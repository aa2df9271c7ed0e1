"""Buttons of a Tomatoes timer: start focus, skip, stop (and pause or resume, off by default).

Starting and pausing is the timer's main switch (switch.py), first on the device page; the
"Pause or resume" button does the same and is disabled by default for new timers (existing
ones keep it, with its entity id).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .engine import Phase
from .entity import TomatoesEntity
from .models import TomatoesConfigEntry
from .timer import FocusTimer

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class TomatoesButtonEntityDescription(ButtonEntityDescription):
    """Describes a Tomatoes button and what pressing it does."""

    press_fn: Callable[[FocusTimer, Context | None], Coroutine[Any, Any, None]]


BUTTONS: tuple[TomatoesButtonEntityDescription, ...] = (
    TomatoesButtonEntityDescription(
        key="start_focus",
        translation_key="start_focus",
        press_fn=lambda timer, context: timer.async_start(Phase.FOCUS, context=context),
    ),
    TomatoesButtonEntityDescription(
        key="pause_resume",
        translation_key="pause_resume",
        entity_registry_enabled_default=False,
        press_fn=FocusTimer.async_toggle,
    ),
    TomatoesButtonEntityDescription(
        key="skip",
        translation_key="skip",
        press_fn=FocusTimer.async_skip,
    ),
    TomatoesButtonEntityDescription(
        key="stop",
        translation_key="stop",
        press_fn=FocusTimer.async_stop,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the buttons of a timer."""
    async_add_entities(TomatoesButton(entry, description) for description in BUTTONS)


class TomatoesButton(TomatoesEntity, ButtonEntity):
    """A button that sends one command to the timer."""

    entity_description: TomatoesButtonEntityDescription

    async def async_press(self) -> None:
        """Send the command, in the Context of the press (set by Home Assistant)."""
        await self.entity_description.press_fn(self.timer, self._context)
