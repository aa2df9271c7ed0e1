"""Device triggers and conditions of a timer: listed on its device, same behaviour as the others."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.components.device_automation import DeviceAutomationType
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import async_get_device_automations
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.tomatoes.const import DOMAIN

from ..conftest import Advance, state
from .conftest import async_automations, call, device_id, recorded

pytestmark = pytest.mark.usefixtures("init_integration")

TRIGGER_TYPES = [
    "focus_started",
    "focus_ended",
    "break_started",
    "break_ended",
    "paused",
    "resumed",
    "session_completed",
    "minutes_left",
]
CONDITION_TYPES = ["is_focusing", "is_on_break", "is_paused", "is_running"]


def device_trigger(hass: HomeAssistant, kind: str, **fields: object) -> dict[str, Any]:
    """Return a device trigger of the Study timer."""
    return {
        "trigger": "device",
        "domain": DOMAIN,
        "device_id": device_id(hass),
        "type": kind,
        **fields,
    }


async def test_the_device_lists_its_triggers_and_conditions(hass: HomeAssistant) -> None:
    triggers = await async_get_device_automations(
        hass, DeviceAutomationType.TRIGGER, device_id(hass)
    )
    ours = [trigger for trigger in triggers if trigger["domain"] == DOMAIN]
    assert [trigger["type"] for trigger in ours] == TRIGGER_TYPES
    assert all(trigger["device_id"] == device_id(hass) for trigger in ours)
    conditions = await async_get_device_automations(
        hass, DeviceAutomationType.CONDITION, device_id(hass)
    )
    assert [c["type"] for c in conditions if c["domain"] == DOMAIN] == CONDITION_TYPES


async def test_extra_fields_of_the_editor(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> None:
    assert await async_setup_component(hass, "device_automation", {})
    client = await hass_ws_client(hass)

    async def extra_fields(kind: str, what: str) -> list[dict[str, Any]]:
        await client.send_json_auto_id(
            {
                "type": f"device_automation/{what}/capabilities",
                what: {
                    "platform" if what == "trigger" else "condition": "device",
                    "domain": DOMAIN,
                    "device_id": device_id(hass),
                    "type": kind,
                },
            }
        )
        answer = await client.receive_json()
        assert answer["success"], answer
        fields: list[dict[str, Any]] = answer["result"].get("extra_fields", [])
        return fields

    minutes_left = await extra_fields("minutes_left", "trigger")
    assert [(f["name"], f["default"]) for f in minutes_left] == [
        ("minutes", 1),
        ("seconds", 0),
        ("phase", "any"),
    ]
    assert minutes_left[2]["selector"]["select"]["translation_key"] == "automation_phase"
    assert [f["name"] for f in await extra_fields("break_ended", "trigger")] == ["break", "ended"]
    assert await extra_fields("focus_started", "trigger") == []
    assert [f["name"] for f in await extra_fields("is_on_break", "condition")] == ["break"]
    assert await extra_fields("is_running", "condition") == []


async def test_device_triggers_fire_like_the_others(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(
        hass,
        {"alias": "started", "triggers": [device_trigger(hass, "focus_started")]},
        {
            "alias": "cut short",
            "triggers": [device_trigger(hass, "focus_ended", ended="cut_short")],
        },
        {
            "alias": "30 s left",
            "triggers": [device_trigger(hass, "minutes_left", minutes=0, seconds=30)],
        },
    )
    await call(hass, "start", task="Scales")
    await advance(timedelta(minutes=24, seconds=30))
    await call(hass, "skip")
    assert recorded(calls, "platform", "event", "task", "device_id") == [
        ("started", "device", "focus_started", "Scales", device_id(hass)),
        ("30 s left", "device", "minutes_left", "Scales", device_id(hass)),
        ("cut short", "device", "skipped", "Scales", device_id(hass)),
    ]
    assert recorded(calls, "seconds_left")[1] == ("30 s left", 30)


async def test_device_conditions_check_the_device_timer(
    hass: HomeAssistant, calls: list[ServiceCall]
) -> None:
    condition = {"condition": "device", "domain": DOMAIN, "device_id": device_id(hass)}
    await async_automations(
        hass,
        {
            "alias": "long break",
            "triggers": [{"trigger": "event", "event_type": "check"}],
            "conditions": [{**condition, "type": "is_on_break", "break": "long_break"}],
        },
        {
            "alias": "focusing",
            "triggers": [{"trigger": "event", "event_type": "check"}],
            "conditions": [{**condition, "type": "is_focusing"}],
        },
    )
    await call(hass, "start", phase="long_break")
    hass.bus.async_fire("check")
    await hass.async_block_till_done()
    await call(hass, "start", phase="focus")
    hass.bus.async_fire("check")
    await hass.async_block_till_done()
    assert recorded(calls) == [("long break",), ("focusing",)]


@pytest.mark.parametrize(
    "trigger",
    [
        {"trigger": "tomatoes.minutes_left", "options": {"minutes": 0, "seconds": 0}},
        {"trigger": "tomatoes.break_started", "options": {"break": "lunch"}},
        {"trigger": "tomatoes.focus_ended", "options": {"how": "completed"}},
        {"trigger": "tomatoes.coffee_started"},
        {
            "trigger": "device",
            "domain": DOMAIN,
            "device_id": "placeholder",
            "type": "minutes_left",
            "seconds": 75,
        },
    ],
    ids=["zero time left", "unknown break", "unknown option", "unknown trigger", "seconds"],
)
async def test_bad_configuration_is_refused(
    hass: HomeAssistant, calls: list[ServiceCall], trigger: dict[str, Any]
) -> None:
    if trigger.get("device_id") == "placeholder":
        trigger = {**trigger, "device_id": device_id(hass)}
    await async_automations(hass, {"alias": "bad", "triggers": [trigger]})
    assert state(hass, "automation.bad") == "unavailable"
