"""A damaged timer store never stops the timer: what can be kept is kept, the rest starts idle."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.engine import Session, Settings

from .conftest import NOW, TIMER_KEY, async_set_up, state, store

MISSING = object()
"""Stands for a key that is not in the stored session at all."""


def stored_session() -> dict[str, Any]:
    """A focus block that started ten minutes ago, three blocks done today, one past day."""
    session = Session(Settings())
    session.start(NOW - timedelta(minutes=10), task="Report")
    data = session.to_dict()
    # NOW is 01:00 on the 26th in Home Assistant's test time zone (US/Pacific).
    data.update(day="2026-11-26", today=[3, 4500.0], history={"2026-11-20": [2, 3000.0]})
    return data


RUN_DAMAGE = [
    ("phase", "nap"),
    ("phase", MISSING),
    ("status", 3),
    ("status", "sleeping"),
    ("next_phase", "idle"),
    ("ends_at", "2026-11-26T09:15:00"),  # naive: no time zone
    ("ends_at", "soon"),
    ("ends_at", MISSING),
    ("remaining", "2.5"),
    ("planned", -60),
    ("planned", "1500"),
    ("run_started", MISSING),
    ("run_started", 1764147000),
    ("elapsed", None),
    ("elapsed", "2.5"),
    ("cycle_blocks", "2.5"),
    ("cycle_blocks", 2.5),
    ("cycle_blocks", -1),
    ("session_blocks", True),
    ("session_blocks", MISSING),
    ("idle_since", 12345),
    ("idle_since", "2026-11-26T08:00:00"),  # naive
    ("status", "paused"),  # paused without the time left
    ("status", "idle"),  # idle while the phase is focus
]
STATS_DAMAGE = [
    ("day", "yesterday"),
    ("day", 20261126),
    ("day", MISSING),
    ("today", ["3", 4500.0]),
    ("today", [3]),
    ("today", [3, -4500.0]),
    ("today", MISSING),
]
HISTORY_DAMAGE = [
    ("history", []),
    ("history", {"last week": [1, 60.0]}),
    ("history", {"2026-11-20": "lots"}),
    ("history", MISSING),
]
TASK_DAMAGE = [("task", 42), ("task", "x" * 300), ("task", MISSING)]

CASES = [
    # (field, value, phase shown, focus blocks today shown)
    *((field, value, "idle", "3") for field, value in RUN_DAMAGE),
    *((field, value, "focus", "0") for field, value in STATS_DAMAGE),
    *((field, value, "focus", "3") for field, value in HISTORY_DAMAGE + TASK_DAMAGE),
]


def damaged(field: str, value: object) -> dict[str, Any]:
    """Return the stored session with one field damaged."""
    data = stored_session()
    if value is MISSING:
        del data[field]
    else:
        data[field] = value
    return {"session": data}


@pytest.mark.parametrize(
    ("field", "value", "phase", "blocks"),
    CASES,
    ids=[
        f"{field}={'missing' if value is MISSING else repr(value)[:20]}"
        for field, value, *_ in CASES
    ],
)
async def test_a_damaged_field_keeps_what_it_can_and_is_reported_once(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    freezer: Any,
    field: str,
    value: object,
    phase: str,
    blocks: str,
) -> None:
    store(hass_storage, TIMER_KEY, damaged(field, value))
    await async_set_up(hass, mock_config_entry, freezer)

    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert state(hass, "sensor.study_phase") == phase
    assert state(hass, "sensor.study_focus_blocks_today") == blocks
    if phase == "idle":
        assert state(hass, "sensor.study_status") == "idle"
        assert state(hass, "sensor.study_phase_ends_at") == "unknown"
    issue = issue_registry.async_get_issue(DOMAIN, f"damaged_{TIMER_KEY}")
    assert issue is not None
    assert issue.translation_key == "damaged_store"
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["file"].endswith(f".storage/{TIMER_KEY}")
    assert field in issue.translation_placeholders["problems"]
    assert caplog.text.count("is damaged") == 1

    # The repaired session was saved: a reload finds nothing more to report.
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert caplog.text.count("is damaged") == 1
    assert state(hass, "sensor.study_phase") == phase


@pytest.mark.parametrize(
    "data",
    [["not", "a", "mapping"], {"sessions": {}}, {"session": "focus"}],
    ids=["list", "no session", "session not a mapping"],
)
async def test_a_file_without_a_session_starts_idle(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    freezer: Any,
    data: Any,
) -> None:
    store(hass_storage, TIMER_KEY, data)
    await async_set_up(hass, mock_config_entry, freezer)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert state(hass, "sensor.study_phase") == "idle"
    assert issue_registry.async_get_issue(DOMAIN, f"damaged_{TIMER_KEY}") is not None
    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    assert state(hass, "sensor.study_phase") == "focus"


async def test_an_intact_store_raises_nothing(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    freezer: Any,
) -> None:
    store(hass_storage, TIMER_KEY, {"session": stored_session()})
    await async_set_up(hass, mock_config_entry, freezer)
    assert state(hass, "sensor.study_phase") == "focus"
    assert state(hass, "sensor.study_focus_blocks_today") == "3"
    status = hass.states.get("sensor.study_status")
    assert status is not None
    assert status.attributes["task"] == "Report"
    assert issue_registry.async_get_issue(DOMAIN, f"damaged_{TIMER_KEY}") is None
    assert "is damaged" not in caplog.text
