"""Thirty simulated days of focus cycles with sound and lights: does anything pile up?

One timer with a speaker and a lamp runs Classic cycles (everything auto-started) from
08:00 to 18:00 every day for 30 days on a frozen clock that moves one minute at a time
(the night passes in one step). After day 1 and after day 30 it prints what a leak would
grow: event-bus listeners, scheduled callbacks, tasks, the size of each Tomatoes store and
the memory Python holds (tracemalloc, after a garbage collection). Target: day 30 equal to
day 1 (memory within noise). The allocation sites where memory grew most are printed too, and
how many earlier states of the transition entity are still reachable through Contexts.

Usage: .venv/bin/python benchmarks/soak.py
(runs itself under pytest to get Home Assistant's frozen-clock test harness)
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
import gc
import json
import os
from pathlib import Path
import sys
import tracemalloc
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
if __name__ != "__main__":
    # Collected by pytest: load our package before Home Assistant's test plugin
    # mounts its own custom_components.
    import custom_components.tomatoes  # noqa: F401

DAYS = int(os.environ.get("TOMATOES_SOAK_DAYS", "30"))
"""Days to simulate (fewer for a quick look)."""


def _values(data: Any) -> int:
    """Return how many plain values stored data holds, at any depth."""
    if isinstance(data, dict):
        return sum(_values(value) for value in data.values())
    if isinstance(data, list):
        return sum(_values(value) for value in data)
    return 1


def figures(hass: HomeAssistant, storage: dict[str, Any]) -> dict[str, int]:
    """Return what would grow if something leaked."""
    from homeassistant.util.async_ import get_scheduled_timer_handles  # noqa: PLC0415

    gc.collect()
    stores: dict[str, int] = {}
    for key, value in sorted(storage.items()):
        if not key.startswith("tomatoes."):
            continue
        data = value["data"]
        if isinstance(data, dict) and "session" in data:
            # The statistics keep the last 31 days with activity by design: shown apart.
            session = dict(data["session"])
            stores["statistics days kept"] = len(session.pop("history", {}))
            data = {**data, "session": session}
        name = (
            "timer"
            if isinstance(value["data"], dict) and "session" in value["data"]
            else (key.split(".")[-1])
        )
        stores[f"store {name} (bytes)"] = len(json.dumps(data))
        stores[f"store {name} (values)"] = _values(data)
    return {
        "bus listeners": sum(hass.bus.async_listeners().values()),
        "scheduled callbacks": sum(
            not handle.cancelled() for handle in get_scheduled_timer_handles(hass.loop)
        ),
        "tasks": len(asyncio.all_tasks()),
        **stores,
        "memory (KiB)": tracemalloc.get_traced_memory()[0] // 1024,
        "old states still reachable": reachable_states(hass, "event.soak_transition"),
    }


def reachable_states(hass: HomeAssistant, entity_id: str) -> int:
    """Count the earlier states of an entity reachable from its state through Contexts."""
    state, count = hass.states.get(entity_id), 0
    while (
        state is not None
        and (event := state.context.origin_event) is not None
        and (state := event.data.get("old_state")) is not None
    ):
        count += 1
    return count


def report(
    hass: HomeAssistant,
    blocks: int,
    seen: dict[int, dict[str, int]],
    grew: list[tracemalloc.StatisticDiff],
) -> None:
    """Print the figures of day 1 and the last day, and what was given back."""
    lamp = hass.states.get("light.soak_lamp")
    speaker = hass.states.get("media_player.soak_speaker")

    print()
    print(f"simulated: {DAYS} days, 08:00-18:00, Classic 25/5/15 x4, auto-start, sound and lights")
    print(f"focus blocks completed: {blocks}")
    print(f"{'':28}{'after day 1':>14}{f'after day {DAYS}':>14}")
    for key in sorted(seen[1].keys() | seen[DAYS].keys()):
        print(f"{key:28}{seen[1].get(key, '-'):>14}{seen[DAYS].get(key, '-'):>14}")
    print(
        "given back at the end:  "
        f"lamp {lamp.attributes.get('brightness') if lamp else '?'} (was 200), "
        f"speaker {speaker.attributes.get('volume_level') if speaker else '?'} (was 0.5)"
    )
    print("where memory grew most (allocation sites, day 1 to the last day):")
    for stat in grew:
        frames = [
            f"{frame.filename.split('site-packages/')[-1]}:{frame.lineno}"
            for frame in stat.traceback
        ]
        print(
            f"  {stat.size_diff // 1024:+} KiB in {stat.count_diff:+} blocks:",
            " < ".join(reversed(frames[-4:])),
        )
    # A store's size in bytes moves with the digits of what it holds (a seed, an instant);
    # what would pile up is its number of values, which must not grow.
    grown = [
        key
        for key in seen[1]
        if key not in ("memory (KiB)", "statistics days kept", "old states still reachable")
        and not key.endswith("(bytes)")
        and seen[DAYS].get(key, 0) > seen[1][key]
    ]
    print(
        f"target (nothing grows but noise): {'met' if not grown else 'MISSED: ' + ', '.join(grown)}"
    )


@pytest.mark.usefixtures("enable_custom_integrations")
async def test_thirty_days(
    hass: HomeAssistant, hass_storage: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """Simulate the days and print the figures."""
    from _harness import quiet_like_an_installation  # noqa: PLC0415

    quiet_like_an_installation()
    from _devices import async_add_devices, timer_entry  # noqa: PLC0415
    from homeassistant.helpers.storage import Store  # noqa: PLC0415
    from pytest_homeassistant_custom_component.common import async_fire_time_changed  # noqa: PLC0415

    from custom_components.tomatoes.const import DOMAIN  # noqa: PLC0415

    await hass.config.async_set_time_zone("UTC")
    freezer.move_to("2026-11-26 07:00:00+00:00")
    await async_add_devices(hass, ["soak"])
    entry = timer_entry("soak")
    entry.add_to_hass(hass)
    if not await hass.config_entries.async_setup(entry.entry_id):
        raise RuntimeError("the timer did not set up")
    await hass.async_block_till_done()

    async def tick(delta: timedelta) -> None:
        freezer.tick(delta)
        async_fire_time_changed(hass)
        await hass.async_block_till_done()

    tracemalloc.start(8)
    seen: dict[int, dict[str, int]] = {}
    snapshots: dict[int, tracemalloc.Snapshot] = {}
    blocks = 0
    for day in range(1, DAYS + 1):
        await tick(timedelta(hours=1))  # 08:00
        await hass.services.async_call(DOMAIN, "start", {}, blocking=True)
        for _ in range(10 * 60):
            await tick(timedelta(minutes=1))
        await hass.services.async_call(DOMAIN, "stop", {}, blocking=True)
        await tick(timedelta(minutes=1))
        today = hass.states.get("sensor.soak_focus_blocks_today")
        blocks += int(today.state) if today else 0
        await tick(timedelta(hours=13, minutes=59))  # 07:00 the next day
        # The test harness's storage mock records every write it is given (a real Store
        # keeps only the last): forget them, or they would count as our memory.
        if (
            forget := getattr(vars(Store).get("_async_write_data"), "reset_mock", None)
        ) is not None:
            forget()
        if day in (1, DAYS):
            seen[day] = figures(hass, hass_storage)
            snapshots[day] = tracemalloc.take_snapshot()
    grew = snapshots[DAYS].compare_to(snapshots[1], "traceback")[:3]
    tracemalloc.stop()
    report(hass, blocks, seen, grew)


if __name__ == "__main__":
    from _harness import run_under_pytest

    sys.exit(run_under_pytest(__file__))
