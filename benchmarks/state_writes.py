"""State writes over a simulated working day, beside a once-a-second countdown.

Runs a Tomatoes timer through a day of Classic cycles (08:00 to 18:00, everything
auto-started) on a frozen clock that moves one minute at a time, and counts every
state written by the timer's entities (changed or merely re-reported). Prints the
writes per focus block, the writes between transitions, and the 1,500 writes a
once-a-second countdown would make for a 25-minute block. Target: zero writes
between transitions.

Usage: .venv/bin/python benchmarks/state_writes.py
(runs itself under pytest to get Home Assistant's frozen-clock test harness)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import datetime, timedelta
import logging
from pathlib import Path
import sys
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant, callback
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if __name__ != "__main__":
    # Collected by pytest: load our package before Home Assistant's test plugin
    # mounts its own custom_components.
    import custom_components.tomatoes  # noqa: F401

COUNTDOWN_WRITES_PER_BLOCK = 25 * 60  # one write a second for a 25-minute block


@pytest.mark.usefixtures("enable_custom_integrations")
async def test_a_day_of_cycles(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Simulate the day and print the figures."""
    # The frozen clock makes every step look like a slow callback to asyncio's debug mode.
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    # Imported here: pytest must load Home Assistant's test plugin first.
    from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED  # noqa: PLC0415
    from homeassistant.util import dt as dt_util  # noqa: PLC0415
    from pytest_homeassistant_custom_component.common import (  # noqa: PLC0415
        MockConfigEntry,
        async_fire_time_changed,
    )

    from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN  # noqa: PLC0415

    await hass.config.async_set_time_zone("UTC")
    freezer.move_to("2026-11-26 08:00:00+00:00")
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Bench",
        data={"name": "Bench"},
        options={**DEFAULT_OPTIONS, "auto_start_breaks": True, "auto_start_focus": True},
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    writes: list[tuple[datetime, str]] = []
    transitions: list[tuple[datetime, str]] = []

    @callback
    def ours(event_data: Mapping[str, Any]) -> bool:
        return str(event_data["entity_id"]).split(".", 1)[1].startswith("bench_")

    @callback
    def on_write(event: Event[Any]) -> None:
        entity_id = event.data["entity_id"]
        writes.append((dt_util.utcnow(), entity_id))
        new_state = event.data.get("new_state")
        kind = new_state.attributes.get("event_type") if new_state is not None else None
        if entity_id == "event.bench_transition" and kind:
            transitions.append((dt_util.utcnow(), kind))

    hass.bus.async_listen(EVENT_STATE_CHANGED, on_write, event_filter=ours)
    hass.bus.async_listen(EVENT_STATE_REPORTED, on_write, event_filter=ours)

    await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
    for _ in range(10 * 60):
        freezer.tick(timedelta(minutes=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
    await hass.services.async_call(DOMAIN, "stop", {}, blocking=True)

    instants = {at for at, _ in transitions}
    between = [w for w in writes if w[0] not in instants]
    starts = [at for at, kind in transitions if kind == "focus_started"]
    ends = [at for at, kind in transitions if kind == "focus_completed"]
    per_block = [
        sum(1 for at, _ in writes if start <= at <= end)
        for start, end in zip(starts, ends, strict=False)
    ]
    kinds = Counter(kind for _, kind in transitions)
    average = sum(per_block) / len(per_block)
    print()
    print("simulated day:                  08:00-18:00, Classic 25/5/15 x4, auto-start on")
    print(f"focus blocks completed:         {kinds['focus_completed']}")
    print(f"transitions:                    {len(transitions)} ({dict(kinds)})")
    print(f"state writes in total:          {len(writes)}")
    print(f"state writes per focus block:   {average:.1f} (start and end transitions included)")
    print(f"state writes between transitions: {len(between)}")
    print(
        f"once-a-second countdown:        {COUNTDOWN_WRITES_PER_BLOCK} writes per 25-minute block"
    )
    print(
        f"ratio countdown / Tomatoes:     {COUNTDOWN_WRITES_PER_BLOCK / average:.0f}x fewer writes"
    )
    print(f"target (0 between transitions): {'met' if not between else 'MISSED'}")


if __name__ == "__main__":
    from _harness import run_under_pytest

    sys.exit(run_under_pytest(__file__))
