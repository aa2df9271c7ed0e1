"""1, 10 and 50 timers, each with a speaker and a lamp: set-up time and writes per transition.

For each count, a fresh Home Assistant (the test harness, frozen clock) sets up that many
timers one after another and prints the wall time it took; then every timer starts focus
at once (one action call) and, 25 minutes later, every timer moves to its break. For both
transitions it counts the state writes in the minute that follows (fades included), for
the timers' own entities and for the devices, per timer. Targets: 50 timers set up in under
2 s; the cost per timer the same at 1, 10 and 50 (growing linearly in total). The event loop
runs without asyncio's debug mode and logs at warning level, as an installation does.

Usage: .venv/bin/python benchmarks/scale.py
(runs itself under pytest to get Home Assistant's frozen-clock test harness)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
import sys
import time
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant, callback
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
if __name__ != "__main__":
    # Collected by pytest: load our package before Home Assistant's test plugin
    # mounts its own custom_components.
    import custom_components.tomatoes  # noqa: F401

COUNTS = (1, 10, 50)
SETUP_TARGET_SECONDS = 2.0
RESULTS: dict[int, dict[str, float]] = {}


def wall() -> float:
    """Return a monotonic wall clock the frozen test clock does not touch."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.usefixtures("enable_custom_integrations")
async def test_timers(hass: HomeAssistant, freezer: FrozenDateTimeFactory, count: int) -> None:
    """Set up ``count`` timers, run them through two transitions, and keep the figures."""
    from _harness import quiet_like_an_installation  # noqa: PLC0415

    quiet_like_an_installation()
    from _devices import async_add_devices, timer_entry  # noqa: PLC0415
    from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED  # noqa: PLC0415
    from pytest_homeassistant_custom_component.common import async_fire_time_changed  # noqa: PLC0415

    from custom_components.tomatoes.const import DOMAIN  # noqa: PLC0415

    await hass.config.async_set_time_zone("UTC")
    freezer.move_to("2026-11-26 08:00:00+00:00")
    keys = [f"t{index:02d}" for index in range(count)]
    await async_add_devices(hass, keys)
    entries = [timer_entry(key) for key in keys]

    began = wall()
    for entry in entries:
        entry.add_to_hass(hass)
        if not await hass.config_entries.async_setup(entry.entry_id):
            raise RuntimeError(f"timer {entry.title} did not set up")
    await hass.async_block_till_done()
    setup_seconds = wall() - began

    writes: Counter[str] = Counter()

    prefixes = tuple(f"{key}_" for key in keys)

    @callback
    def ours(event_data: Mapping[str, Any]) -> bool:
        return str(event_data["entity_id"]).split(".", 1)[1].startswith(prefixes)

    @callback
    def on_write(event: Event[Any]) -> None:
        device = str(event.data["entity_id"]).endswith(("_lamp", "_speaker"))
        writes["devices" if device else "timer entities"] += 1

    hass.bus.async_listen(EVENT_STATE_CHANGED, on_write, event_filter=ours)
    hass.bus.async_listen(EVENT_STATE_REPORTED, on_write, event_filter=ours)

    async def minute_after() -> None:
        for _ in range(60):
            freezer.tick(timedelta(seconds=1))
            async_fire_time_changed(hass)
            await hass.async_block_till_done()

    await hass.services.async_call(
        DOMAIN, "start", {"entity_id": [f"sensor.{key}_phase" for key in keys]}, blocking=True
    )
    await minute_after()
    start = Counter(writes)
    writes.clear()
    freezer.tick(timedelta(minutes=23, seconds=59))  # to 08:24:59, a second before the end
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    writes.clear()  # nothing happens between transitions (benchmarks/state_writes.py)
    await minute_after()
    to_break = Counter(writes)
    phases = Counter(
        state.state for key in keys if (state := hass.states.get(f"sensor.{key}_phase"))
    )

    RESULTS[count] = {
        "setup s": setup_seconds,
        "setup ms per timer": 1000 * setup_seconds / count,
        "start: timer writes per timer": start["timer entities"] / count,
        "start: device writes per timer": start["devices"] / count,
        "to break: timer writes per timer": to_break["timer entities"] / count,
        "to break: device writes per timer": to_break["devices"] / count,
    }
    if set(phases) != {"short_break"}:
        raise RuntimeError(f"not every timer moved to its break: {dict(phases)}")
    if count == COUNTS[-1]:
        report()


def report() -> None:
    """Print the table of all counts and the verdicts."""
    print()
    print("each timer: one speaker (sound, fades of 10 s) and one lamp (focus lighting)")
    print(f"{'timers':34}" + "".join(f"{count:>10}" for count in RESULTS))
    for key in next(iter(RESULTS.values())):
        row = "".join(f"{figures[key]:>10.2f}" for figures in RESULTS.values())
        print(f"{key:34}{row}")
    largest = RESULTS[COUNTS[-1]]
    smallest = RESULTS[COUNTS[0]]
    print(
        f"target (50 timers set up in under {SETUP_TARGET_SECONDS:.0f} s): "
        f"{'met' if largest['setup s'] < SETUP_TARGET_SECONDS else 'MISSED'} "
        f"({largest['setup s']:.2f} s)"
    )
    same = all(largest[key] == smallest[key] for key in largest if "writes per timer" in key)
    print(f"target (writes per timer the same at every count): {'met' if same else 'MISSED'}")


if __name__ == "__main__":
    from _harness import run_under_pytest

    sys.exit(run_under_pytest(__file__))
