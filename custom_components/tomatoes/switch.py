"""Switches of a Tomatoes timer: the timer itself, auto-start breaks and focus, focus lighting.

The "Countdown" switch is on while a phase counts down. Turning it on starts the next
phase or resumes a paused one; turning it off pauses. Its name sorts first among the
controls in every language, so the device page lists it first (Home Assistant sorts a
device's entities by name).

The "Focus lighting" switch is on while every chosen light follows the timer. It
turns off when someone takes a light over during focus (its attribute ``taken_over``
names the lights). Turning it on takes those lights back; turning it off during
focus gives every light back now and leaves them alone for the rest of the block.
The switch exists only while focus lighting has lights or areas: otherwise it is
removed from the entity registry, so no stale entity is left behind.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import CONF_AUTO_START_BREAKS, CONF_AUTO_START_FOCUS, DEFAULT_OPTIONS, DOMAIN
from .engine import Status
from .entity import TomatoesEntity
from .lighting.actions import check_active
from .models import TomatoesConfigEntry

PARALLEL_UPDATES = 0

SWITCHES: tuple[SwitchEntityDescription, ...] = (
    SwitchEntityDescription(
        key=CONF_AUTO_START_BREAKS,
        translation_key=CONF_AUTO_START_BREAKS,
        entity_category=EntityCategory.CONFIG,
    ),
    SwitchEntityDescription(
        key=CONF_AUTO_START_FOCUS,
        translation_key=CONF_AUTO_START_FOCUS,
        entity_category=EntityCategory.CONFIG,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: TomatoesConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the Countdown and auto-start switches of a timer, and focus lighting if it has lights."""
    switches: list[SwitchEntity] = [TimerSwitch(entry, RUNNING)]
    switches.extend(AutoStartSwitch(entry, description) for description in SWITCHES)
    if entry.runtime_data.lights.options.enabled:
        switches.append(FocusLightingSwitch(entry))
    else:
        registry = er.async_get(hass)
        unique_id = f"{entry.entry_id}_{FOCUS_LIGHTING.key}"
        if entity_id := registry.async_get_entity_id(Platform.SWITCH, DOMAIN, unique_id):
            registry.async_remove(entity_id)
    async_add_entities(switches)


RUNNING = SwitchEntityDescription(key="running", translation_key="running")


class TimerSwitch(TomatoesEntity, SwitchEntity):
    """The timer: on while a phase counts down; on starts or resumes, off pauses."""

    @property
    def is_on(self) -> bool:
        """Return whether a phase is counting down."""
        return self.timer.session.status is Status.RUNNING

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Start the next phase, or resume the paused one."""
        if not self.is_on:
            await self.timer.async_toggle()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Pause the running phase."""
        if self.is_on:
            await self.timer.async_pause()


class AutoStartSwitch(TomatoesEntity, SwitchEntity):
    """Whether the next phase starts by itself or waits for a person."""

    @property
    def is_on(self) -> bool:
        """Return the option's current value."""
        key = self.entity_description.key
        return bool(self.entry.options.get(key, DEFAULT_OPTIONS[key]))

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Let the phase start by itself."""
        await self.timer.async_update_options({self.entity_description.key: True})

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Make the phase wait for a person."""
        await self.timer.async_update_options({self.entity_description.key: False})


FOCUS_LIGHTING = SwitchEntityDescription(key="focus_lighting", translation_key="focus_lighting")


class FocusLightingSwitch(TomatoesEntity, SwitchEntity):
    """Whether the timer is in charge of all of its lights."""

    def __init__(self, entry: TomatoesConfigEntry) -> None:
        """Bind the switch to the timer's lights."""
        super().__init__(entry, FOCUS_LIGHTING)
        self.lights = entry.runtime_data.lights

    async def async_added_to_hass(self) -> None:
        """Follow take-overs and hand-backs as well as the timer."""
        await super().async_added_to_hass()
        self.async_on_remove(self.lights.async_add_listener(self._async_timer_changed))

    @property
    def is_on(self) -> bool:
        """Return whether no light is taken over."""
        return not self.lights.taken_over

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Name the lights someone took over in this block."""
        return {"taken_over": self.lights.taken_over}

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Take every taken-over light back to the timer."""
        if self.lights.taken_over:
            await self.lights.async_take_back()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Give every light back now and leave them alone until the block ends."""
        check_active(self.lights)
        await self.lights.async_give_back()
