"""Form selectors shared by the option steps of the timer, the sound and the lights."""

from __future__ import annotations

from homeassistant.helpers.selector import NumberSelector, NumberSelectorConfig, NumberSelectorMode


def whole_number(limits: tuple[int, int], unit: str | None = None) -> NumberSelector:
    """Return a whole-number field within inclusive limits: a slider for percent, else a box."""
    low, high = limits
    mode = NumberSelectorMode.SLIDER if unit == "%" else NumberSelectorMode.BOX
    config = NumberSelectorConfig(min=low, max=high, step=1, mode=mode)
    if unit is not None:
        config["unit_of_measurement"] = unit
    return NumberSelector(config)
