"""Adaptive Lighting hand-off: paused on our lights for the block, handed back afterwards.

Adaptive Lighting is a custom integration, so it is simulated here the way it
presents itself: a config entry per switch set (name, ``lights`` option), its
main switch (unique id = the name) with a ``manual_control`` attribute, and the
``adaptive_lighting.set_manual_control`` action with the fields its
services.yaml documents (``entity_id`` of the switch, ``lights``,
``manual_control``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import Context, Event, HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser
import voluptuous as vol

from tests.conftest import Advance

from .conftest import FOCUS_BRIGHTNESS
from .test_focus import start

AL_SWITCH = "switch.adaptive_lighting_study"
MANAGED = ["light.desk", "light.shelf"]  # the shelf is a light group: its members are adapted


class AdaptiveLighting:
    """A stand-in for Adaptive Lighting's switch and its manual-control action."""

    def __init__(self, hass: HomeAssistant, manual: set[str]) -> None:
        """Create the config entry, the registered main switch and the action."""
        self.hass = hass
        self.manual = set(manual)
        self.calls: list[ServiceCall] = []
        entry = MockConfigEntry(
            domain="adaptive_lighting",
            title="Study",
            data={"name": "Study"},
            options={"lights": MANAGED, "take_over_control": True},
        )
        entry.add_to_hass(hass)
        er.async_get(hass).async_get_or_create(
            "switch",
            "adaptive_lighting",
            "Study",
            config_entry=entry,
            suggested_object_id="adaptive_lighting_study",
        )
        self._write()
        hass.services.async_register(
            "adaptive_lighting",
            "set_manual_control",
            self._set_manual_control,
            schema=vol.Schema(
                {
                    vol.Required("entity_id"): cv.entity_id,
                    vol.Optional("lights", default=[]): cv.entity_ids,
                    vol.Optional("manual_control", default=True): vol.Any(cv.boolean, cv.string),
                }
            ),
        )

    def _write(self) -> None:
        self.hass.states.async_set(AL_SWITCH, "on", {"manual_control": sorted(self.manual)})

    async def _set_manual_control(self, call: ServiceCall) -> None:
        self.calls.append(call)
        lights = set(call.data["lights"])
        if call.data["manual_control"] is True:
            self.manual |= lights
        else:
            self.manual -= lights
        self._write()


@pytest.fixture
def already_manual() -> set[str]:
    """Return the lights Adaptive Lighting counts as manually controlled before focus."""
    return set()


@pytest.fixture
def adaptive(hass: HomeAssistant, bench: Any, already_manual: set[str]) -> AdaptiveLighting:
    """Install the Adaptive Lighting stand-in (after the lights, before the timer)."""
    return AdaptiveLighting(hass, already_manual)


def sequence(events: list[Event[Any]]) -> list[tuple[str, str, Any]]:
    """Return (domain, service, target) of every action called, in order."""
    return [
        (
            event.data["domain"],
            event.data["service"],
            event.data["service_data"].get("lights", event.data["service_data"].get("entity_id")),
        )
        for event in events
        if event.event_type == EVENT_CALL_SERVICE
        and event.data["domain"] in ("light", "adaptive_lighting")
    ]


async def test_managed_lights_are_marked_manual_for_the_block_and_handed_back(
    hass: HomeAssistant,
    adaptive: AdaptiveLighting,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
    advance: Advance,
) -> None:
    await start(hass)
    members = ["light.desk", "light.shelf_left", "light.shelf_right"]
    (mark,) = adaptive.calls
    assert dict(mark.data) == {"entity_id": AL_SWITCH, "lights": members, "manual_control": True}
    assert mark.context.user_id is None
    assert hass.states.get(AL_SWITCH).attributes["manual_control"] == members
    # Marked before any light is changed, so Adaptive Lighting never undoes the dim.
    calls = sequence(service_events)
    assert calls[0] == ("adaptive_lighting", "set_manual_control", members)
    assert ("light", "turn_on", "light.desk") in calls[1:]
    assert hass.states.get("light.desk").attributes["brightness"] == FOCUS_BRIGHTNESS

    service_events.clear()
    await advance(timedelta(minutes=25))
    assert hass.states.get("light.desk").attributes["brightness"] == 200
    handed = adaptive.calls[1]
    assert dict(handed.data) == {
        "entity_id": AL_SWITCH,
        "lights": members,
        "manual_control": False,
    }
    # Handed back after the lights got their snapshot back.
    assert sequence(service_events)[-1] == ("adaptive_lighting", "set_manual_control", members)
    assert hass.states.get(AL_SWITCH).attributes["manual_control"] == []


@pytest.mark.parametrize("already_manual", [{"light.shelf_left"}])
async def test_a_light_adaptive_lighting_had_let_go_of_stays_that_way(
    hass: HomeAssistant,
    adaptive: AdaptiveLighting,
    init_integration: MockConfigEntry,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=25))
    assert [call.data["lights"] for call in adaptive.calls] == [
        ["light.desk", "light.shelf_right"],
        ["light.desk", "light.shelf_right"],
    ]
    assert hass.states.get(AL_SWITCH).attributes["manual_control"] == ["light.shelf_left"]


async def test_a_light_taken_over_by_a_person_is_not_handed_back(
    hass: HomeAssistant,
    adaptive: AdaptiveLighting,
    init_integration: MockConfigEntry,
    hass_owner_user: MockUser,
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=1))
    await hass.services.async_call(
        "light",
        "turn_on",
        {"entity_id": "light.desk", "brightness": 255},
        blocking=True,
        context=Context(user_id=hass_owner_user.id),
    )
    await advance(timedelta(minutes=24))
    assert adaptive.calls[-1].data["lights"] == ["light.shelf_left", "light.shelf_right"]
    assert adaptive.calls[-1].data["manual_control"] is False
    # Adaptive Lighting leaves the desk to the person too.
    assert hass.states.get(AL_SWITCH).attributes["manual_control"] == ["light.desk"]


async def test_without_adaptive_lighting_nothing_of_it_runs(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service_events: list[Event[Any]],
    advance: Advance,
) -> None:
    await start(hass)
    await advance(timedelta(minutes=25))
    assert all(domain == "light" for domain, _, _ in sequence(service_events))


async def test_an_unavailable_adaptive_lighting_switch_is_left_alone(
    hass: HomeAssistant,
    adaptive: AdaptiveLighting,
    init_integration: MockConfigEntry,
) -> None:
    hass.states.async_set(AL_SWITCH, "unavailable")
    await start(hass)
    assert adaptive.calls == []
    assert hass.states.get("light.desk").attributes["brightness"] == FOCUS_BRIGHTNESS


async def test_an_adaptive_lighting_entry_without_its_switch_is_left_alone(
    hass: HomeAssistant,
    adaptive: AdaptiveLighting,
    init_integration: MockConfigEntry,
) -> None:
    er.async_get(hass).async_remove(AL_SWITCH)
    await start(hass)
    assert adaptive.calls == []


async def test_a_refusing_adaptive_lighting_does_not_stop_the_dim(
    hass: HomeAssistant,
    adaptive: AdaptiveLighting,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def refuse(call: ServiceCall) -> None:
        raise HomeAssistantError("switch is busy")

    hass.services.async_register("adaptive_lighting", "set_manual_control", refuse)
    await start(hass)
    assert hass.states.get("light.desk").attributes["brightness"] == FOCUS_BRIGHTNESS
    assert "Adaptive Lighting did not accept manual control" in caplog.text


async def test_deleting_the_timer_hands_its_lights_back_to_adaptive_lighting(
    hass: HomeAssistant,
    adaptive: AdaptiveLighting,
    init_integration: MockConfigEntry,
) -> None:
    await start(hass)
    assert hass.states.get(AL_SWITCH).attributes["manual_control"] == [
        "light.desk",
        "light.shelf_left",
        "light.shelf_right",
    ]
    assert await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("light.desk").attributes["brightness"] == 200
    assert adaptive.calls[-1].data["manual_control"] is False
    assert hass.states.get(AL_SWITCH).attributes["manual_control"] == []
