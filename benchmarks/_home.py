"""A Home Assistant instance for the benchmarks, with Tomatoes loaded from this checkout."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
import sys
import tempfile
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Our package must be imported before Home Assistant's test package mounts its own
# custom_components.
from homeassistant import loader
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_test_home_assistant

import custom_components.tomatoes  # noqa: F401
from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN


@asynccontextmanager
async def home_assistant() -> AsyncIterator[HomeAssistant]:
    """Run a throwaway Home Assistant whose files live in a temporary folder."""
    with tempfile.TemporaryDirectory() as config_dir:
        async with async_test_home_assistant(config_dir=config_dir) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            yield hass


async def add_timer(hass: HomeAssistant, **options: Any) -> MockConfigEntry:
    """Add and set up a timer called Bench."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Bench",
        data={"name": "Bench"},
        options={**DEFAULT_OPTIONS, **options},
    )
    entry.add_to_hass(hass)
    if not await hass.config_entries.async_setup(entry.entry_id):
        raise RuntimeError("the Tomatoes timer did not set up")
    await hass.async_block_till_done()
    return entry
