"""Tomatoes triggers of the automation editor: focus started, break ended, minutes left, ...

Described in triggers.yaml. The trigger API changed within the supported range: from
2026.7 ``async_attach_runner`` also receives ``did_not_trigger``; it is accepted (and
not needed: a transition either matches or is none of this trigger's business).
"""

from __future__ import annotations

from typing import ClassVar, cast

from homeassistant.core import CALLBACK_TYPE, HomeAssistant
from homeassistant.helpers.trigger import Trigger, TriggerActionRunner, TriggerConfig
from homeassistant.helpers.typing import ConfigType

from .automations.attach import async_attach
from .automations.kinds import TRIGGER_OPTIONS, TriggerType, platform_schema


class TomatoesTrigger(Trigger):
    """A trigger on the transitions of the targeted timers (every timer without a target)."""

    kind: ClassVar[TriggerType]

    @classmethod
    async def async_validate_config(cls, hass: HomeAssistant, config: ConfigType) -> ConfigType:
        """Validate the target and the options, filling in the options' defaults."""
        return cast("ConfigType", platform_schema(TRIGGER_OPTIONS[cls.kind])(config))

    def __init__(self, hass: HomeAssistant, config: TriggerConfig) -> None:
        """Keep the validated target and options."""
        super().__init__(hass, config)
        self._target = config.target
        self._options = config.options or {}

    async def async_attach_runner(
        self, run_action: TriggerActionRunner, did_not_trigger: object = None
    ) -> CALLBACK_TYPE:
        """Run the actions on each matching transition; return the detach."""
        return await async_attach(self._hass, self.kind, self._target, self._options, run_action)


def _trigger_class(kind: TriggerType) -> type[Trigger]:
    return type(f"Tomatoes_{kind}_Trigger", (TomatoesTrigger,), {"kind": kind})


TRIGGERS: dict[str, type[Trigger]] = {str(kind): _trigger_class(kind) for kind in TriggerType}


async def async_get_triggers(hass: HomeAssistant) -> dict[str, type[Trigger]]:
    """Return the triggers Tomatoes offers."""
    return TRIGGERS
