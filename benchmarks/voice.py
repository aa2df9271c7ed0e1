"""Round-trip time of Assist sentences with and without Tomatoes' sentences registered.

Runs Home Assistant in-process with its conversation integration, 200 lamps and a Tomatoes
timer, and sends text through the built-in agent (``conversation.async_converse``, as the
Assist dialog and satellites do). Built-in sentences are timed without Tomatoes (its timer
unloaded, so its sentence trigger is not registered) and with it, in alternating rounds:

- repeated sentences: the same few sentences again and again. Home Assistant caches their
  recognition, so this is its fastest path and the one where Tomatoes' share is largest;
- new sentences: "turn on lamp N" for every lamp in turn, more than the recognition cache
  holds, so each is recognised afresh (a sentence said for the first time in a while).

A Tomatoes sentence is timed too. Figures are the fastest round's median (the least
disturbed by other work on the machine); the slowest round's is printed after it, to show
how much the machine's load moved them. Target: built-in sentences under 10 % slower.

``--floor`` adds a third kind of round, after the other two: Tomatoes unloaded and one
sentence trigger registered that matches nothing said here (as one automation with a
``conversation`` trigger would). It is the cost of Home Assistant matching any trigger
sentence at all, the part of the overhead that does not depend on Tomatoes' templates.

    .venv/bin/python benchmarks/voice.py [--rounds 5] [--calls 20] [--floor]
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
import logging
from statistics import median
import time

from _home import add_timer, home_assistant
from hassil.recognize import RecognizeResult
from homeassistant.components import conversation
from homeassistant.components.conversation import ConversationInput
from homeassistant.components.conversation.agent_manager import get_agent_manager
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import async_mock_service

REPEATED = [
    "turn on the kitchen light",
    "turn off the kitchen light",
    "what time is it",
    "set a timer for 5 minutes",
    "how long is left on my timer",
]
LAMPS = 200
OURS = ["how long is left on the focus timer", "pause the focus timer", "resume the focus timer"]
TARGET = 0.10
# Matches nothing said here: the --floor rounds' stand-in for any automation's trigger.
UNRELATED_TRIGGER = "open the pod bay doors"


async def _say(hass: HomeAssistant, text: str) -> float:
    """Return the seconds one sentence takes, text in to answer out."""
    start = time.perf_counter()
    await conversation.async_converse(hass, text, None, Context(), "en")
    return time.perf_counter() - start


async def _median(hass: HomeAssistant, sentences: Sequence[str], calls: int) -> float:
    """Return the median seconds per sentence over ``calls`` rounds of the sentences."""
    times = [await _say(hass, text) for _ in range(calls) for text in sentences]
    return median(times)


async def _nothing(_user_input: ConversationInput, _result: RecognizeResult) -> str | None:
    """Answer nothing: the --floor trigger never matches anyway."""
    return None


async def _main(rounds: int, calls: int, floor: bool) -> None:
    # "set a timer" without a timer-capable satellite is refused with a logged traceback.
    logging.getLogger("homeassistant.components.conversation").setLevel(logging.CRITICAL)
    async with home_assistant() as hass:
        for component in ("homeassistant", "conversation"):
            if not await async_setup_component(hass, component, {}):
                raise RuntimeError(f"{component} did not set up")
        hass.states.async_set("light.kitchen", "off", {"friendly_name": "Kitchen light"})
        for number in range(LAMPS):
            hass.states.async_set(
                f"light.lamp_{number}", "off", {"friendly_name": f"Lamp {number}"}
            )
        async_mock_service(hass, "light", "turn_on")
        async_mock_service(hass, "light", "turn_off")
        entry = await add_timer(hass)
        await entry.runtime_data.timer.async_start()
        fresh = [f"turn on lamp {number}" for number in range(LAMPS)]

        figures: dict[str, list[float]] = {}
        templates = 0
        for _ in range(rounds):
            for loaded in (False, True):
                if loaded:
                    await hass.config_entries.async_setup(entry.entry_id)
                else:
                    await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_block_till_done()
                await _say(hass, REPEATED[0])  # the trigger is rebuilt on first use
                suffix = "with" if loaded else "without"
                figures.setdefault(f"repeated {suffix}", []).append(
                    await _median(hass, REPEATED, calls)
                )
                figures.setdefault(f"new {suffix}", []).append(await _median(hass, fresh, 1))
                if loaded:
                    templates = len(get_agent_manager(hass).trigger_sentences)
                    figures.setdefault("tomatoes", []).append(await _median(hass, OURS, calls))
            if floor:
                await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_block_till_done()
                remove = get_agent_manager(hass).register_trigger([UNRELATED_TRIGGER], _nothing)
                await _say(hass, REPEATED[0])
                figures.setdefault("repeated floor", []).append(
                    await _median(hass, REPEATED, calls)
                )
                remove()
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()

    best = {name: min(values) * 1000 for name, values in figures.items()}
    worst = {name: max(values) * 1000 for name, values in figures.items()}
    print(f"Round trip, built-in agent, English; best of {rounds} rounds (milliseconds)")
    print(f"Tomatoes' sentence trigger: {templates} templates")
    print(f"{'sentences':34} {'without':>9} {'with':>9} {'slower':>8}   slowest round")
    verdicts = []
    for kind in ("repeated", "new"):
        before, after = best[f"{kind} without"], best[f"{kind} with"]
        slower = after / before - 1
        verdicts.append(slower < TARGET)
        print(
            f"{kind + ' built-in sentences':34} {before:9.2f} {after:9.2f} {slower:8.1%}"
            f"   {worst[f'{kind} without']:.2f} / {worst[f'{kind} with']:.2f}"
        )
    if floor:
        trigger = best["repeated floor"]
        slower = trigger / best["repeated without"] - 1
        print(
            f"{'repeated, one unrelated trigger':34} {'':9} {trigger:9.2f} {slower:8.1%}"
            f"   {worst['repeated floor']:.2f}"
        )
    print(f"{'Tomatoes sentences':34} {'':9} {best['tomatoes']:9.2f}   {worst['tomatoes']:.2f}")
    print(
        "Target under 10 % slower: "
        + ", ".join(
            f"{kind} {'met' if met else 'missed'}"
            for kind, met in zip(("repeated", "new"), verdicts, strict=True)
        )
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also time repeated built-in sentences with one unrelated sentence trigger",
    )
    arguments = parser.parse_args()
    asyncio.run(_main(arguments.rounds, arguments.calls, arguments.floor))
