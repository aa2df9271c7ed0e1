"""Hand-off with Adaptive Lighting (a custom integration): pause it on our lights for focus.

Where Adaptive Lighting is installed and one of its switches manages a light
Tomatoes dims, the light is marked as manually controlled for the block with
Adaptive Lighting's own ``adaptive_lighting.set_manual_control`` action, and
unmarked afterwards, so neither undoes the other. Without Adaptive Lighting
(no config entries, or no such action) nothing here calls anything.

Which switch manages which light: each Adaptive Lighting config entry is one
switch set; its main switch has the entry's name as unique id and its lights
are the entry's ``lights`` option (light groups are expanded, as Adaptive
Lighting itself does). A light already in the switch's ``manual_control``
attribute was taken from Adaptive Lighting before focus and is left alone.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable
import logging

from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME, STATE_UNAVAILABLE, Platform
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er

from ..toolkit.calls import async_call_action
from .targets import expand_groups

_LOGGER = logging.getLogger(__name__)

AL_DOMAIN = "adaptive_lighting"
SERVICE_SET_MANUAL_CONTROL = "set_manual_control"
ATTR_LIGHTS = "lights"
ATTR_MANUAL_CONTROL = "manual_control"


def _available(hass: HomeAssistant) -> bool:
    return bool(hass.config_entries.async_entries(AL_DOMAIN)) and hass.services.has_service(
        AL_DOMAIN, SERVICE_SET_MANUAL_CONTROL
    )


def managing_switches(hass: HomeAssistant, lights: Iterable[str]) -> dict[str, str]:
    """Return {light: main switch} for lights an Adaptive Lighting switch adapts right now.

    Lights that Adaptive Lighting already counts as manually controlled are
    left out: they were not its to adapt when focus began.
    """
    if not _available(hass):
        return {}
    wanted = set(lights)
    registry = er.async_get(hass)
    found: dict[str, str] = {}
    for entry in hass.config_entries.async_entries(AL_DOMAIN):
        settings = {**entry.options, **entry.data}
        name = settings.get(CONF_NAME, entry.title)
        switch = registry.async_get_entity_id(Platform.SWITCH, AL_DOMAIN, str(name))
        if switch is None or (state := hass.states.get(switch)) is None:
            continue
        if state.state == STATE_UNAVAILABLE:
            continue
        manual = set(state.attributes.get(ATTR_MANUAL_CONTROL) or ())
        managed = expand_groups(hass, settings.get(ATTR_LIGHTS) or ())
        for light in managed:
            if light in wanted and light not in manual:
                found.setdefault(light, switch)
    return found


async def async_set_manual_control(
    hass: HomeAssistant,
    lights_by_switch: dict[str, str],
    *,
    manual: bool,
    context: Context,
    seconds: float,
) -> set[str]:
    """Mark (or unmark) lights as manually controlled on their switches; return lights done.

    Each switch is asked at once and given ``seconds``: an Adaptive Lighting that
    hangs or fails costs at most that long and never stops the lights from changing.
    """
    by_switch: dict[str, list[str]] = defaultdict(list)
    for light, switch in lights_by_switch.items():
        by_switch[switch].append(light)
    switches = sorted(by_switch)
    errors = await asyncio.gather(
        *(
            async_call_action(
                hass,
                AL_DOMAIN,
                SERVICE_SET_MANUAL_CONTROL,
                {
                    ATTR_ENTITY_ID: switch,
                    ATTR_LIGHTS: sorted(by_switch[switch]),
                    ATTR_MANUAL_CONTROL: manual,
                },
                context=context,
                seconds=seconds,
            )
            for switch in switches
        )
    )
    done: set[str] = set()
    for switch, error in zip(switches, errors, strict=True):
        if error is None:
            done.update(by_switch[switch])
            continue
        _LOGGER.warning(
            "Adaptive Lighting did not accept %s for %s (%s); it may adapt them meanwhile",
            "manual control" if manual else "the hand-back",
            ", ".join(sorted(by_switch[switch])),
            error.detail,
        )
    return done
