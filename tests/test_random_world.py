"""A randomised world: 1,000 steps of actions, settings, reloads, restarts, people and failures.

Each run is one seeded sequence of steps (tests/world/steps.py) against a timer with
ambient sound on real media players and focus lighting on real lights. After every step
the invariants hold (tests/world/driver.py): at most one scheduled deadline and exactly
the one the session needs, counts that never fall within a day, a session that survives
every reload and restart, no error logged and no repair issue but for a failing device.
At the end (stop, every device back, time to rest) every chosen player and light is as the
world last left it: given back exactly, or as the person who changed it left it.

A failure prints the seed and the step list; run the same seed again to replay it. A longer
soak: ``TOMATOES_WORLD_SEEDS=0-49 TOMATOES_WORLD_STEPS=5000 pytest tests/test_random_world.py``;
``TOMATOES_WORLD_TRACE=light.desk,media_player.kitchen`` adds those devices' states to each
line of the step list.
"""

from __future__ import annotations

import os
import random
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from tests.conftest import START

from .lighting.conftest import LIGHT_OPTIONS
from .sound.conftest import SOUND_OPTIONS
from .world.devices import Devices
from .world.driver import TimerDeadlines, World, slow_disk
from .world.steps import random_step


def _seeds() -> list[int]:
    """Return the seeds to run: three by default, or TOMATOES_WORLD_SEEDS (``7`` or ``0-49``)."""
    text = os.environ.get("TOMATOES_WORLD_SEEDS", "1-3")
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


STEPS = int(os.environ.get("TOMATOES_WORLD_STEPS", "1000"))


@pytest.mark.parametrize("seed", _seeds())
async def test_random_world(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    hass_storage: dict[str, Any],
    seed: int,
) -> None:
    freezer.move_to(START)
    devices = await Devices.async_create(hass)
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={
            **DEFAULT_OPTIONS,
            **SOUND_OPTIONS,
            **LIGHT_OPTIONS,
            "focus_minutes": 5,
            "short_break_minutes": 2,
            "long_break_minutes": 4,
        },
        entry_id="study_entry",
    )
    entry.add_to_hass(hass)
    deadlines = TimerDeadlines()
    rng = random.Random(seed)
    with deadlines.counting(), slow_disk():
        trace = tuple(filter(None, os.environ.get("TOMATOES_WORLD_TRACE", "").split(",")))
        world = World(hass, freezer, caplog, devices, entry, deadlines, hass_storage, trace)
        try:
            assert await world.run(hass.config_entries.async_setup(entry.entry_id))
            await world.settle()
            world.check()
            for _ in range(STEPS):
                await random_step(world, rng)
                world.check()
            await world.finish()
        except BaseException:
            print(f"seed {seed}, {len(world.steps)} steps:")  # noqa: T201 - the replay
            for number, step in enumerate(world.steps, 1):
                print(f"{number:5} {step}")  # noqa: T201
            raise
