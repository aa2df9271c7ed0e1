"""How late do transitions fire? Short real-clock phases in a real event loop.

Runs Home Assistant in this process with one Tomatoes timer, starts phases of a
fraction of a second to two seconds, and measures, for each completion, the time
between the scheduled end instant and the moment the transition reached the
timer's listeners. Prints the median and the maximum. Target: under 50 ms.

Usage: .venv/bin/python benchmarks/timing.py [phases]
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
import random
import statistics
import sys

from _home import add_timer, home_assistant
from homeassistant.util import dt as dt_util

from custom_components.tomatoes.engine import Event, EventType

TARGET_MS = 50.0


async def measure(phases: int) -> list[float]:
    """Return the lateness of each completed phase, in milliseconds."""
    lateness: list[float] = []
    async with home_assistant() as hass:
        entry = await add_timer(hass, auto_start_breaks=False, auto_start_focus=False)
        timer = entry.runtime_data.timer
        done = asyncio.Event()

        def on_event(event: Event) -> None:
            if event.type in (EventType.FOCUS_COMPLETED, EventType.BREAK_COMPLETED):
                lateness.append((dt_util.utcnow() - event.at).total_seconds() * 1000)
                done.set()

        timer.async_add_event_listener(on_event)
        rng = random.Random(7)
        for _ in range(phases):
            done.clear()
            seconds = rng.uniform(0.2, 2.0)
            await timer.async_start(duration=timedelta(seconds=seconds))
            await asyncio.wait_for(done.wait(), timeout=seconds + 5)
        await hass.async_stop()
    return lateness


def main() -> None:
    """Run the measurement and print the figures."""
    phases = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    lateness = asyncio.run(measure(phases))
    median = statistics.median(lateness)
    worst = max(lateness)
    print(f"phases measured:            {len(lateness)}")
    print(f"transition lateness median: {median:.2f} ms")
    print(f"transition lateness max:    {worst:.2f} ms")
    verdict = "met" if worst < TARGET_MS else "MISSED"
    print(f"target:                     < {TARGET_MS:.0f} ms -> {verdict}")


if __name__ == "__main__":
    main()
