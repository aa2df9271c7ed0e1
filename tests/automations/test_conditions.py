"""Tomatoes conditions: is focusing, on a break, paused or running, for the targeted timers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import CONF_DEVICE_ID
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers.condition import ConditionConfig
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.condition import async_get_conditions
from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from ..conftest import Advance
from .conftest import async_automations, call, device_id, recorded

pytestmark = pytest.mark.usefixtures("init_integration")


def when(alias: str, condition: str, **config: object) -> dict[str, Any]:
    """Return an automation on the event "check" that runs only if a Tomatoes condition holds."""
    return {
        "alias": alias,
        "triggers": [{"trigger": "event", "event_type": "check"}],
        "conditions": [{"condition": f"tomatoes.{condition}", **config}],
    }


async def holding(hass: HomeAssistant, calls: list[ServiceCall]) -> set[str]:
    """Return the automations whose condition holds now."""
    calls.clear()
    hass.bus.async_fire("check")
    await hass.async_block_till_done()
    return {alias for (alias,) in recorded(calls)}


async def test_each_condition_in_each_state(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(
        hass,
        when("focusing", "is_focusing"),
        when("on a break", "is_on_break"),
        when("on a short break", "is_on_break", options={"break": "short_break"}),
        when("on a long break", "is_on_break", options={"break": "long_break"}),
        when("paused", "is_paused"),
        when("paused in focus", "is_paused", options={"phase": "focus"}),
        when("paused in a break", "is_paused", options={"phase": "break"}),
        when("running", "is_running"),
    )
    assert await holding(hass, calls) == set()

    await call(hass, "start")
    assert await holding(hass, calls) == {"focusing", "running"}
    await call(hass, "pause")
    assert await holding(hass, calls) == {"paused", "paused in focus"}
    await call(hass, "resume")
    await advance(timedelta(minutes=25))
    assert await holding(hass, calls) == {"on a break", "on a short break", "running"}
    await call(hass, "pause")
    assert await holding(hass, calls) == {"paused", "paused in a break"}
    await call(hass, "resume")
    await advance(timedelta(minutes=5))  # the break is over; focus waits for a person
    assert await holding(hass, calls) == set()
    await call(hass, "start", phase="long_break")
    assert await holding(hass, calls) == {"on a break", "on a long break", "running"}
    await call(hass, "stop")
    assert await holding(hass, calls) == set()


async def test_a_target_chooses_the_timer(hass: HomeAssistant, calls: list[ServiceCall]) -> None:
    desk = MockConfigEntry(
        domain=DOMAIN, title="Desk", options=dict(DEFAULT_OPTIONS), entry_id="desk_entry"
    )
    desk.add_to_hass(hass)
    assert await hass.config_entries.async_setup(desk.entry_id)
    await hass.async_block_till_done()
    await async_automations(
        hass,
        when("any timer", "is_focusing"),
        when("study", "is_focusing", target={CONF_DEVICE_ID: device_id(hass)}),
        when("desk", "is_focusing", target={CONF_DEVICE_ID: device_id(hass, "desk_entry")}),
    )
    await call(hass, "start", device_id=device_id(hass, "desk_entry"))
    assert await holding(hass, calls) == {"any timer", "desk"}
    await hass.config_entries.async_unload(desk.entry_id)
    await hass.async_block_till_done()
    assert await holding(hass, calls) == set()


async def test_every_condition_offers_the_checker_of_2026_3_and_2026_4(
    hass: HomeAssistant,
) -> None:
    conditions = await async_get_conditions(hass)
    options = {"break": "any", "phase": "any"}
    checks = {
        key: await condition(hass, ConditionConfig(options=options)).async_get_checker()
        for key, condition in conditions.items()
    }
    assert {key for key, check in checks.items() if check()} == set()
    await call(hass, "start")
    assert {key for key, check in checks.items() if check()} == {"is_focusing", "is_running"}
