"""Tomatoes conditions of the automation editor: is focusing, is on a break, is paused, is running.

Described in conditions.yaml. The condition API changed within the supported range:
2026.3-2026.4 ask a condition for a checker (``async_get_checker``), 2026.5 and later
call ``_async_check`` on the condition itself. Both are implemented, over one check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Unpack, cast

from homeassistant.core import HomeAssistant
from homeassistant.helpers.condition import Condition, ConditionCheckParams, ConditionConfig
from homeassistant.helpers.typing import ConfigType

from .automations.attach import async_check
from .automations.kinds import CONDITION_OPTIONS, ConditionType, platform_schema


class TomatoesCondition(Condition):
    """A condition on the targeted timers (any timer without a target): true if one meets it."""

    kind: ClassVar[ConditionType]

    @classmethod
    async def async_validate_config(cls, hass: HomeAssistant, config: ConfigType) -> ConfigType:
        """Validate the target and the options, filling in the options' defaults."""
        return cast("ConfigType", platform_schema(CONDITION_OPTIONS[cls.kind])(config))

    def __init__(self, hass: HomeAssistant, config: ConditionConfig) -> None:
        """Keep the validated target and options."""
        super().__init__(hass, config)
        self._target = config.target
        self._options = config.options or {}

    def _holds(self) -> bool:
        return async_check(self._hass, self.kind, self._target, self._options)

    def _async_check(self, **kwargs: Unpack[ConditionCheckParams]) -> bool:
        """Check the condition (Home Assistant 2026.5 and later)."""
        return self._holds()

    async def async_get_checker(self) -> Callable[..., bool]:
        """Return the check (Home Assistant 2026.3 and 2026.4)."""

        def check(**kwargs: Unpack[ConditionCheckParams]) -> bool:
            return self._holds()

        return check


def _condition_class(kind: ConditionType) -> type[Condition]:
    return type(f"Tomatoes_{kind}_Condition", (TomatoesCondition,), {"kind": kind})


CONDITIONS: dict[str, type[Condition]] = {
    str(kind): _condition_class(kind) for kind in ConditionType
}


async def async_get_conditions(hass: HomeAssistant) -> dict[str, type[Condition]]:
    """Return the conditions Tomatoes offers."""
    return CONDITIONS
