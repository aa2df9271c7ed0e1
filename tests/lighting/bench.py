"""A bench of real light entities for the focus lighting tests.

`BenchLight` is a plain `LightEntity` on Home Assistant's test platform: it goes
through the real `light.turn_on` / `light.turn_off` handling (parameter
filtering, colour conversion, contexts) and keeps its own state like a bulb.
`by_hand` changes a light the way a wall switch or a bulb's own app would: the
light reports a new state that Tomatoes did not ask for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from homeassistant.components.light import ColorMode, LightEntity, LightEntityFeature
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import Context, Event, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import area_registry as ar, entity_registry as er
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import setup_test_component_platform

from tests.hang import Hang

COLOR_ATTRIBUTES = {
    "color_temp_kelvin": ColorMode.COLOR_TEMP,
    "hs_color": ColorMode.HS,
    "rgb_color": ColorMode.RGB,
    "xy_color": ColorMode.XY,
}


class BenchLight(LightEntity):
    """A light that behaves like a bulb: it remembers what it was told and reports it."""

    _attr_should_poll = False
    _attr_min_color_temp_kelvin = 2000
    _attr_max_color_temp_kelvin = 6500

    def __init__(
        self,
        key: str,
        modes: set[ColorMode],
        *,
        on: bool = False,
        brightness: int | None = None,
        effects: list[str] | None = None,
        **color: Any,
    ) -> None:
        """Make a light called ``key`` with the colour modes it supports and its first state."""
        self._attr_name = key.replace("_", " ").capitalize()
        self._attr_unique_id = f"bench_{key}"
        self._attr_supported_color_modes = modes
        self._attr_supported_features = LightEntityFeature.TRANSITION
        if effects:
            self._attr_supported_features |= LightEntityFeature.EFFECT
            self._attr_effect_list = effects
            self._attr_effect = color.pop("effect", None)
        self._attr_is_on = on
        self._attr_color_mode = self._default_mode()
        self._attr_brightness = brightness if self._dimmable() else None
        self.fail = False
        self.hang = Hang()
        self.received: list[dict[str, Any]] = []
        self._set_color(color)

    def twin(self) -> BenchLight:
        """Return a new entity for the same bulb (its entity was removed), as it is now."""
        key = str(self.unique_id).removeprefix("bench_")
        twin = BenchLight(key, set(self.supported_color_modes or ()), effects=self.effect_list)
        twin.__dict__.update(
            {k: v for k, v in vars(self).items() if k.lstrip("_").startswith("attr_")}
        )
        twin.fail, twin.hang = self.fail, self.hang
        return twin

    def _dimmable(self) -> bool:
        return bool(self._attr_supported_color_modes - {ColorMode.ONOFF})

    def _default_mode(self) -> ColorMode:
        modes = self._attr_supported_color_modes or set()
        for mode in (ColorMode.COLOR_TEMP, ColorMode.HS, ColorMode.RGB, ColorMode.XY):
            if mode in modes:
                return mode
        return ColorMode.BRIGHTNESS if ColorMode.BRIGHTNESS in modes else ColorMode.ONOFF

    def _set_color(self, values: dict[str, Any]) -> None:
        for attribute, mode in COLOR_ATTRIBUTES.items():
            if attribute in values:
                setattr(self, f"_attr_{attribute}", values[attribute])
                self._attr_color_mode = mode

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Switch on, taking brightness, colour and effect from the call."""
        self.received.append({"on": True, **kwargs})
        await self.hang.async_wait()
        if self.fail:
            raise HomeAssistantError("the bench light does not answer")
        self._attr_is_on = True
        if self._dimmable():
            self._attr_brightness = kwargs.get("brightness", self._attr_brightness or 255)
        self._set_color(kwargs)
        if "effect" in kwargs:
            self._attr_effect = kwargs["effect"]
        self.async_write_ha_state()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Switch off."""
        self.received.append({"on": False, **kwargs})
        await self.hang.async_wait()
        if self.fail:
            raise HomeAssistantError("the bench light does not answer")
        self._attr_is_on = False
        self.async_write_ha_state()

    def by_hand(self, *, on: bool = True, **values: Any) -> None:
        """Change the light without Home Assistant asking (a wall switch, the bulb's app)."""
        self._attr_is_on = on
        if "brightness" in values:
            self._attr_brightness = values["brightness"]
        self._set_color(values)
        self.async_write_ha_state()

    def unplug(self) -> None:
        """Make the light unavailable."""
        self._attr_available = False
        self.async_write_ha_state()

    def plug_in(self) -> None:
        """Make the light available again, in the state it had."""
        self._attr_available = True
        self.async_write_ha_state()


def bench_lights() -> dict[str, BenchLight]:
    """Return one light of each kind, in the state each has before focus."""
    return {
        "desk": BenchLight(
            "desk",
            {ColorMode.COLOR_TEMP, ColorMode.HS},
            on=True,
            brightness=200,
            color_temp_kelvin=4000,
        ),
        "ceiling": BenchLight("ceiling", {ColorMode.BRIGHTNESS}, on=True, brightness=255),
        "strip": BenchLight(
            "strip",
            {ColorMode.RGB},
            on=True,
            brightness=180,
            rgb_color=(255, 40, 0),
            effects=["off", "rainbow", "candle"],
            effect="candle",
        ),
        "fan_light": BenchLight("fan_light", {ColorMode.ONOFF}, on=True),
        "floor_lamp": BenchLight("floor_lamp", {ColorMode.BRIGHTNESS}, on=False),
        "shelf_left": BenchLight("shelf_left", {ColorMode.BRIGHTNESS}, on=True, brightness=120),
        "shelf_right": BenchLight("shelf_right", {ColorMode.BRIGHTNESS}, on=True, brightness=60),
        "reading": BenchLight(
            "reading", {ColorMode.COLOR_TEMP}, on=True, brightness=230, color_temp_kelvin=3000
        ),
    }


async def async_set_up_room(hass: HomeAssistant) -> dict[str, BenchLight]:
    """Set up the bench's lights, the shelf light group and the study area (reading light)."""
    lights = bench_lights()
    setup_test_component_platform(hass, "light", list(lights.values()))
    assert await async_setup_component(
        hass,
        "light",
        {
            "light": [
                {"platform": "test"},
                {
                    "platform": "group",
                    "name": "Shelf",
                    "entities": ["light.shelf_left", "light.shelf_right"],
                },
            ]
        },
    )
    await hass.async_block_till_done()
    area = ar.async_get(hass).async_create("Study room")
    assert area.id == "study_room"
    er.async_get(hass).async_update_entity("light.reading", area_id=area.id)
    return lights


@dataclass(frozen=True)
class LightCall:
    """One light action as Home Assistant saw it."""

    service: str
    entity_id: str
    data: dict[str, Any]
    context: Context


def light_calls(events: list[Event[Any]]) -> list[LightCall]:
    """Return the light actions among captured ``call_service`` events, one per light."""
    calls: list[LightCall] = []
    for event in events:
        if event.event_type != EVENT_CALL_SERVICE or event.data["domain"] != "light":
            continue
        data = dict(event.data["service_data"])
        entity_ids = data.pop("entity_id")
        calls.extend(
            LightCall(event.data["service"], entity_id, data, event.context)
            for entity_id in ([entity_ids] if isinstance(entity_ids, str) else entity_ids)
        )
    return calls


def light_view(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    """Return what a person sees of a light: on/off, brightness, colour mode and colour."""
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    view: dict[str, Any] = {"state": state.state}
    for attribute in (
        "brightness",
        "color_mode",
        "color_temp_kelvin",
        "hs_color",
        "rgb_color",
        "effect",
    ):
        if (value := state.attributes.get(attribute)) is not None:
            view[attribute] = value
    return view
