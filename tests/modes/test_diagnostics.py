"""Diagnostics name the modes on offer, the chosen one, what was changed and today's figures."""

from __future__ import annotations

from datetime import timedelta

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.diagnostics import async_get_config_entry_diagnostics

from ..conftest import Advance
from .test_apply import set_number, start
from .test_flow import WRITING, add_mode, own_mode


async def test_diagnostics_show_the_modes(
    hass: HomeAssistant, init_integration: MockConfigEntry, advance: Advance
) -> None:
    await add_mode(hass, init_integration, WRITING)
    await start(hass, mode="Writing")
    await advance(timedelta(minutes=40))
    await set_number(hass, "number.study_sound_volume", 10)
    writing = own_mode(init_integration, "Writing")
    modes = (await async_get_config_entry_diagnostics(hass, init_integration))["modes"]
    assert modes["offered"] == {
        "classic": "classic",
        "deep_focus": "deep_focus",
        "sprint": "sprint",
        writing: "Writing",
    }
    assert (modes["chosen"], modes["modified"]) == (writing, ["sound_volume"])
    assert modes["today"]["modes"] == {writing: {"name": "Writing", "blocks": 1, "seconds": 2400.0}}
