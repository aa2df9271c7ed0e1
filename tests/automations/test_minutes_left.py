"""The "minutes left" trigger: scheduled for its instant; follows pause, extend, reload, restart."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.engine import Session, Settings

from ..conftest import NOW, Advance, async_set_up, state, store_session
from .conftest import async_automations, call, recorded

SECOND = timedelta(seconds=1)


def minutes_left(alias: str = "last minute", **options: object) -> dict[str, Any]:
    """Return an automation on "minutes left" with the given options."""
    trigger: dict[str, Any] = {"trigger": "tomatoes.minutes_left"}
    if options:
        trigger["options"] = options
    return {"alias": alias, "triggers": [trigger]}


@pytest.mark.usefixtures("init_integration")
async def test_fires_at_its_instant_once_in_each_phase(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(hass, minutes_left())
    await call(hass, "start", task="Essay")
    await advance(timedelta(minutes=24) - SECOND)
    assert calls == []
    await advance(SECOND)
    assert recorded(
        calls, "event", "phase", "seconds_left", "planned_minutes", "elapsed_minutes", "task"
    ) == [("last minute", "minutes_left", "focus", 60, 25, 24, "Essay")]
    assert datetime.fromisoformat(calls[0].data["ends_at"]) == NOW + timedelta(minutes=25)
    assert calls[0].data["block"] == 1
    await advance(timedelta(minutes=1))  # the block completes, the short break starts
    assert len(calls) == 1
    await advance(timedelta(minutes=4))
    assert recorded(calls, "phase", "seconds_left") == [
        ("last minute", "focus", 60),
        ("last minute", "short_break", 60),
    ]


@pytest.mark.usefixtures("init_integration")
async def test_follows_a_pause(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(hass, minutes_left())
    await call(hass, "start")
    await advance(timedelta(minutes=20))
    await call(hass, "pause")
    await advance(timedelta(minutes=30))
    assert calls == []
    await call(hass, "resume")
    await advance(timedelta(minutes=4) - SECOND)
    assert calls == []
    await advance(SECOND)
    assert recorded(calls, "seconds_left", "elapsed_minutes") == [("last minute", 60, 24)]


@pytest.mark.usefixtures("init_integration")
async def test_follows_an_extension_and_fires_again_when_it_is_ahead_again(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(hass, minutes_left(phase="focus"))
    await call(hass, "start")
    await advance(timedelta(minutes=23))
    await call(hass, "extend", minutes=5)  # now ends at 30:00
    await advance(timedelta(minutes=6) - SECOND)
    assert calls == []
    await advance(SECOND)  # 29:00
    assert recorded(calls, "planned_minutes") == [("last minute", 30)]
    await advance(timedelta(seconds=30))
    await call(hass, "extend", minutes=2)  # ends at 32:00: the last minute is ahead again
    await advance(timedelta(minutes=1, seconds=30) - SECOND)
    assert len(calls) == 1
    await advance(SECOND)  # 31:00
    assert recorded(calls, "planned_minutes") == [("last minute", 30), ("last minute", 32)]
    await advance(timedelta(hours=1))
    assert len(calls) == 2


@pytest.mark.usefixtures("init_integration")
async def test_seconds_and_a_phase_shorter_than_the_time_left(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(
        hass, minutes_left("30 s", minutes=0, seconds=30), minutes_left("2 min", minutes=2)
    )
    await call(hass, "start", duration={"seconds": 90})
    await advance(timedelta(seconds=59))
    assert calls == []
    await advance(SECOND)
    assert recorded(calls, "seconds_left") == [("30 s", 30)]
    await advance(timedelta(seconds=30))  # the 90 s block ends; "2 min" never was ahead
    assert recorded(calls) == [("30 s",)]


@pytest.mark.usefixtures("init_integration")
async def test_a_skip_or_stop_cancels_it(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(hass, minutes_left(phase="focus"))
    await call(hass, "start")
    await advance(timedelta(minutes=10))
    await call(hass, "skip")  # a break starts: not a focus block
    await advance(timedelta(minutes=4))
    await call(hass, "start", phase="focus")
    await advance(timedelta(minutes=10))
    await call(hass, "stop")
    await advance(timedelta(hours=1))
    assert calls == []


@pytest.mark.usefixtures("init_integration")
async def test_keeps_its_instant_across_a_reload(
    hass: HomeAssistant,
    calls: list[ServiceCall],
    advance: Advance,
    mock_config_entry: MockConfigEntry,
) -> None:
    await async_automations(hass, minutes_left())
    await call(hass, "start")
    await advance(timedelta(minutes=10))
    await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await advance(timedelta(minutes=14) - SECOND)
    assert calls == []
    await advance(SECOND)
    assert recorded(calls, "seconds_left") == [("last minute", 60)]


@pytest.mark.usefixtures("init_integration")
async def test_a_change_that_leaves_the_end_alone_keeps_one_instant(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(hass, minutes_left())
    await call(hass, "start")
    await advance(timedelta(minutes=10))
    await hass.services.async_call(
        "number", "set_value", {"entity_id": "number.study_focus_duration", "value": 50}, True
    )
    await advance(timedelta(minutes=14))
    await advance(timedelta(minutes=1))
    assert recorded(calls, "planned_minutes") == [("last minute", 25)]


@pytest.mark.usefixtures("init_integration")
async def test_an_automation_turned_off_or_aimed_elsewhere_does_not_fire(
    hass: HomeAssistant, calls: list[ServiceCall], advance: Advance
) -> None:
    await async_automations(
        hass,
        minutes_left("turned off"),
        {
            "alias": "elsewhere",
            "triggers": [
                {"trigger": "tomatoes.minutes_left", "target": {"entity_id": "sensor.desk_phase"}}
            ],
        },
    )
    await call(hass, "start")
    await hass.services.async_call(
        "automation", "turn_off", {"entity_id": "automation.turned_off"}, blocking=True
    )
    await advance(timedelta(minutes=30))
    assert calls == []


async def test_after_a_restart_it_fires_if_its_instant_is_still_ahead(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    calls: list[ServiceCall],
    advance: Advance,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    session = Session(Settings())
    session.start(NOW - timedelta(minutes=10))
    store_session(hass_storage, session)
    freezer.move_to(NOW)
    # Automations start before the timer is loaded, as they may at Home Assistant's start.
    await async_automations(hass, minutes_left())
    await async_set_up(hass, mock_config_entry, freezer)
    assert state(hass, "sensor.study_phase") == "focus"
    await advance(timedelta(minutes=14) - SECOND)
    assert calls == []
    await advance(SECOND)
    assert recorded(calls, "seconds_left", "elapsed_minutes") == [("last minute", 60, 24)]


async def test_after_a_restart_an_instant_that_passed_meanwhile_does_not_fire(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    calls: list[ServiceCall],
    advance: Advance,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    session = Session(Settings())
    session.start(NOW - timedelta(minutes=24, seconds=30))  # its last minute began 30 s ago
    store_session(hass_storage, session)
    await async_set_up(hass, mock_config_entry, freezer)
    await async_automations(hass, minutes_left(phase="focus"))
    await advance(timedelta(minutes=1))
    assert state(hass, "sensor.study_phase") == "short_break"
    assert calls == []
