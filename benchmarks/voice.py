"""Round-trip time of Assist sentences with and without Tomatoes' sentences registered.

Runs Home Assistant in-process with its conversation integration, a few lights and a
Tomatoes timer, and sends text through the built-in agent (``conversation.async_converse``,
as the Assist dialog and satellites do). Built-in sentences are timed without Tomatoes
(its timer unloaded, so its sentence trigger is not registered) and with it, in alternating
rounds; a Tomatoes sentence is timed too. Each figure is the median of many calls after a
warm-up call (Home Assistant caches a built-in sentence's recognition, so the warm path is
the one people meet, and the one where Tomatoes' share is largest). Target: built-in
sentences less than 10 % slower with Tomatoes.

    .venv/bin/python benchmarks/voice.py [--rounds 5] [--calls 20]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from statistics import median
import time

from _home import add_timer, home_assistant
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import async_mock_service

BUILT_IN = [
    ("en", "turn on the kitchen light"),
    ("en", "turn off the living room lamp"),
    ("en", "what time is it"),
    ("en", "set a timer for 5 minutes"),
    ("en", "how long is left on my timer"),
    ("de", "schalte das Küchenlicht ein"),
    ("fr", "allume la lumière de la cuisine"),
    ("nl", "hoe laat is het"),
]
OURS = [("en", "how long is left on the focus timer"), ("de", "wie lange läuft die Fokuszeit noch")]
TARGET = 0.10


async def _round_trip(hass: HomeAssistant, language: str, text: str, calls: int) -> float:
    """Return the median seconds of one sentence, after one warm-up call."""
    await conversation.async_converse(hass, text, None, Context(), language)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        await conversation.async_converse(hass, text, None, Context(), language)
        times.append(time.perf_counter() - start)
    return median(times)


async def _main(rounds: int, calls: int) -> None:
    # "set a timer" without a timer-capable satellite is refused with a logged traceback.
    logging.getLogger("homeassistant.components.conversation").setLevel(logging.CRITICAL)
    async with home_assistant() as hass:
        for component in ("homeassistant", "conversation"):
            if not await async_setup_component(hass, component, {}):
                raise RuntimeError(f"{component} did not set up")
        for entity_id, name in [
            ("light.kitchen", "Kitchen light"),
            ("light.living_room", "Living room lamp"),
            ("light.kueche", "Küchenlicht"),
            ("light.cuisine", "lumière de la cuisine"),
        ]:
            hass.states.async_set(entity_id, "off", {"friendly_name": name})
        async_mock_service(hass, "light", "turn_on")
        async_mock_service(hass, "light", "turn_off")
        entry = await add_timer(hass)
        await entry.runtime_data.timer.async_start()

        without: dict[str, list[float]] = {text: [] for _, text in BUILT_IN}
        with_ours: dict[str, list[float]] = {text: [] for _, text in BUILT_IN}
        ours: dict[str, list[float]] = {text: [] for _, text in OURS}
        for _ in range(rounds):
            await hass.config_entries.async_unload(entry.entry_id)
            for language, text in BUILT_IN:
                without[text].append(await _round_trip(hass, language, text, calls))
            await hass.config_entries.async_setup(entry.entry_id)
            await hass.async_block_till_done()
            for language, text in BUILT_IN:
                with_ours[text].append(await _round_trip(hass, language, text, calls))
            for language, text in OURS:
                ours[text].append(await _round_trip(hass, language, text, calls))

        print(f"Median round trip over {rounds} rounds of {calls} calls (milliseconds)")
        print(f"{'sentence':45} {'without':>9} {'with':>9} {'slower':>8}")
        total_without = total_with = 0.0
        for _, text in BUILT_IN:
            before, after = median(without[text]) * 1000, median(with_ours[text]) * 1000
            total_without += before
            total_with += after
            print(f"{text:45} {before:9.2f} {after:9.2f} {after / before - 1:8.1%}")
        slower = total_with / total_without - 1
        print(f"{'all built-in sentences':45} {total_without:9.2f} {total_with:9.2f} {slower:8.1%}")
        for _, text in OURS:
            print(f"{text:45} {'':9} {median(ours[text]) * 1000:9.2f}")
        verdict = "meets" if slower < TARGET else "misses"
        print(f"Built-in sentences with Tomatoes: {slower:.1%} slower ({verdict} < {TARGET:.0%})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    arguments = parser.parse_args()
    asyncio.run(_main(arguments.rounds, arguments.calls))
