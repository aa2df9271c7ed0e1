"""Focus lighting when things go wrong (issue 7): each test failed before the effect's rebuild.

- #8: an Adaptive Lighting that hangs never stops the dim, the give-back, the take-back or
  the unload (its call has a timeout and holds nothing else up);
- #10: a light that was deleted, vanished or is no longer chosen keeps no repair issue and
  no snapshot;
- #13: turning focus lighting off removes its switch from the entity registry;
- #5 (lighting's part): deleting a timer gives back each light on its own and cleans up even
  when the stored snapshots are damaged or a light hangs;
- #3: damaged snapshots never stop the timer from loading; what can be kept is kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.tomatoes.const import DOMAIN
from tests.conftest import NOW, Advance, async_set_up

from .bench import BenchLight, light_view
from .conftest import FOCUS_BRIGHTNESS
from .test_adaptive_lighting import AdaptiveLighting
from .test_focus import start
from .test_restart import LIGHTS_KEY, as_left_by_focus, seed
from .test_take_over import call

ANSWER_SECONDS = 10  # how long a light or Adaptive Lighting has to answer


def issues_about(registry: ir.IssueRegistry, light: str) -> list[str]:
    """Return the ids of Tomatoes repair issues that name a light."""
    return [issue for domain, issue in registry.issues if domain == DOMAIN and light in issue]


def stored_lights(hass_storage: dict[str, Any]) -> dict[str, Any]:
    """Return the lights the Study timer keeps snapshots of."""
    data: dict[str, Any] = hass_storage[LIGHTS_KEY]["data"]
    return data["lights"]


async def reload_with(hass: HomeAssistant, entry: MockConfigEntry, **options: Any) -> None:
    """Change the timer's options as the options flow does (it reloads the timer)."""
    hass.config_entries.async_update_entry(entry, options={**entry.options, **options})
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()


class HangingAdaptiveLighting(AdaptiveLighting):
    """Adaptive Lighting whose action never answers for the given manual-control values."""

    def __init__(self, hass: HomeAssistant, hang_on: set[bool]) -> None:
        """Install the stand-in; calls with ``manual_control`` in ``hang_on`` hang."""
        super().__init__(hass, set())
        self.hang_on = hang_on
        self.called = asyncio.Event()
        self.release = asyncio.Event()

    async def _set_manual_control(self, call: ServiceCall) -> None:
        self.called.set()
        if call.data["manual_control"] in self.hang_on:
            await self.release.wait()
        await super()._set_manual_control(call)

    async def async_next_call(self) -> None:
        """Wait until Adaptive Lighting is called (again)."""
        await self.called.wait()
        self.called.clear()


@pytest.fixture
def hang_on() -> set[bool]:
    """Return which Adaptive Lighting calls hang: marking (True), unmarking (False)."""
    return {True}


@pytest.fixture
async def hanging(
    hass: HomeAssistant, bench: Any, hang_on: set[bool]
) -> AsyncIterator[HangingAdaptiveLighting]:
    """Install an Adaptive Lighting that hangs; it lets go at the end of the test."""
    adaptive = HangingAdaptiveLighting(hass, hang_on)
    yield adaptive
    adaptive.release.set()


async def test_a_hanging_adaptive_lighting_delays_the_dim_and_the_take_back_by_one_timeout(
    hass: HomeAssistant,
    hanging: HangingAdaptiveLighting,
    init_integration: MockConfigEntry,
    hass_owner_user: MockUser,
    advance: Advance,
) -> None:
    await hass.services.async_call("tomatoes", "start", {}, blocking=True)
    await hanging.async_next_call()
    # Adaptive Lighting is asked first and does not answer; the dim waits for one timeout.
    assert light_view(hass, "light.desk")["brightness"] == 200
    await advance(timedelta(seconds=ANSWER_SECONDS + 1))
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    assert light_view(hass, "light.shelf_left")["brightness"] == FOCUS_BRIGHTNESS

    await advance(timedelta(minutes=1))
    await call(hass, "light", "turn_on", entity_id="light.desk", brightness=255)
    assert hass.states.get("switch.study_focus_lighting").state == "off"

    take_back = hass.async_create_task(
        hass.services.async_call("tomatoes", "hand_back_lights", {}, blocking=True)
    )
    await hanging.async_next_call()
    await advance(timedelta(seconds=ANSWER_SECONDS + 1))
    await take_back
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS
    assert hass.states.get("switch.study_focus_lighting").state == "on"


@pytest.mark.parametrize("hang_on", [{False}])
async def test_a_hanging_adaptive_lighting_never_holds_up_the_give_back_or_the_unload(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    hanging: HangingAdaptiveLighting,
    init_integration: MockConfigEntry,
) -> None:
    await start(hass)
    await hanging.async_next_call()
    assert light_view(hass, "light.desk")["brightness"] == FOCUS_BRIGHTNESS

    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hanging.async_next_call()
    # The lights are back before Adaptive Lighting is told, and it does not answer.
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert light_view(hass, "light.shelf_right")["brightness"] == 60

    await hass.services.async_call("tomatoes", "start", {}, blocking=True)
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert LIGHTS_KEY in hass_storage


async def test_a_light_deleted_mid_block_leaves_no_issue_and_no_snapshot(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    advance: Advance,
) -> None:
    await start(hass)
    assert "light.desk" in stored_lights(hass_storage)
    er.async_get(hass).async_remove("light.desk")
    await advance(timedelta(minutes=1))
    assert "light.desk" not in stored_lights(hass_storage)

    await advance(timedelta(minutes=24))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    assert light_view(hass, "light.ceiling")["brightness"] == 255
    assert stored_lights(hass_storage) == {}
    assert issues_about(issue_registry, "light.desk") == []
    # Still chosen in the options: the next block reports it missing, for that block only.
    await start(hass, phase="focus")
    assert issues_about(issue_registry, "light.desk") == ["light_study_entry_light.desk"]
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hass.async_block_till_done()
    assert issues_about(issue_registry, "light.desk") == []


async def test_a_stored_light_that_no_longer_exists_is_dropped_when_given_back(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=27))
    lights = stored_lights(hass_storage)
    lights["light.attic"] = lights["light.desk"]  # removed while Home Assistant was down
    as_left_by_focus(bench)
    await async_set_up(hass, mock_config_entry, freezer)
    assert light_view(hass, "light.desk")["brightness"] == 200
    assert stored_lights(hass_storage) == {}
    assert issues_about(issue_registry, "light.attic") == []


async def test_a_light_no_longer_chosen_loses_its_issue_and_snapshot(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    issue_registry: ir.IssueRegistry,
) -> None:
    await start(hass)
    bench["desk"].unplug()
    await hass.services.async_call("tomatoes", "stop", {}, blocking=True)
    await hass.async_block_till_done()
    # Chosen and away: it waits for its snapshot, and an issue says why.
    assert "light.desk" in stored_lights(hass_storage)
    assert len(issues_about(issue_registry, "light.desk")) == 1

    chosen = [light for light in init_integration.options["light_entities"] if "desk" not in light]
    await reload_with(hass, init_integration, light_entities=chosen)
    assert "light.desk" not in stored_lights(hass_storage)
    assert issues_about(issue_registry, "light.desk") == []


async def test_turning_focus_lighting_off_removes_its_switch_and_on_brings_it_back(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    switch = "switch.study_focus_lighting"
    assert entity_registry.async_get(switch) is not None
    chosen = {key: init_integration.options[key] for key in ("light_entities", "light_areas")}

    await reload_with(hass, init_integration, light_entities=[], light_areas=[])
    assert entity_registry.async_get(switch) is None
    assert hass.states.get(switch) is None

    await reload_with(hass, init_integration, **chosen)
    assert entity_registry.async_get(switch) is not None
    assert hass.states.get(switch).state == "on"


async def test_removing_a_timer_gives_back_each_light_on_its_own(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    bench: dict[str, BenchLight],
    issue_registry: ir.IssueRegistry,
    monkeypatch: pytest.MonkeyPatch,
    advance: Advance,
) -> None:
    await start(hass)
    called, stuck = asyncio.Event(), asyncio.Event()

    async def hang(**kwargs: Any) -> None:
        called.set()
        await stuck.wait()

    monkeypatch.setattr(bench["desk"], "async_turn_on", hang)  # never answers
    bench["strip"].fail = True  # refuses
    remove = hass.async_create_task(hass.config_entries.async_remove(init_integration.entry_id))
    await called.wait()
    await advance(timedelta(seconds=ANSWER_SECONDS + 1))
    try:
        await remove
    finally:
        stuck.set()
    assert light_view(hass, "light.ceiling")["brightness"] == 255
    assert light_view(hass, "light.shelf_left")["brightness"] == 120
    assert LIGHTS_KEY not in hass_storage
    assert [issue for domain, issue in issue_registry.issues if domain == DOMAIN] == []


async def test_removing_a_timer_with_damaged_snapshots_still_cleans_up(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    hass_storage[LIGHTS_KEY]["data"]["lights"] = ["light.desk"]
    await async_set_up(hass, mock_config_entry, freezer)
    assert await hass.config_entries.async_remove(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert LIGHTS_KEY not in hass_storage
    assert [issue for domain, issue in issue_registry.issues if domain == DOMAIN] == []


def damage_record(data: dict[str, Any]) -> None:
    """Replace the strip's record by text."""
    data["lights"]["light.strip"] = "dimmed"


def damage_snapshot(data: dict[str, Any]) -> None:
    """Make the strip's on/off unreadable."""
    data["lights"]["light.strip"]["snapshot"]["on"] = "yes"


def damage_datetime(data: dict[str, Any]) -> None:
    """Store the strip's settle time without a time zone."""
    data["lights"]["light.strip"]["expected"]["settled"] = "2026-11-26T08:50:10"


def damage_number(data: dict[str, Any]) -> None:
    """Store the strip's brightness as text."""
    data["lights"]["light.strip"]["snapshot"]["brightness"] = "2.5"


def damage_mode(data: dict[str, Any]) -> None:
    """Store a mode that does not exist."""
    data["mode"] = 3


def damage_lights(data: dict[str, Any]) -> None:
    """Store the lights as a list."""
    data["lights"] = ["light.desk"]


@pytest.mark.parametrize(
    ("damage", "desk_after"),
    [
        (damage_record, 200),
        (damage_snapshot, 200),
        (damage_datetime, 200),
        (damage_number, 200),
        (damage_mode, 200),
        # Nothing of the snapshots could be kept: the block carries on with fresh ones.
        (damage_lights, FOCUS_BRIGHTNESS),
    ],
)
async def test_damaged_snapshots_never_stop_the_timer_and_the_rest_is_kept(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    bench: dict[str, BenchLight],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    advance: Advance,
    damage: Callable[[dict[str, Any]], None],
    desk_after: int,
) -> None:
    seed(hass_storage, NOW - timedelta(minutes=10))
    damage(hass_storage[LIGHTS_KEY]["data"])
    as_left_by_focus(bench)
    await async_set_up(hass, mock_config_entry, freezer)
    assert hass.states.get("sensor.study_phase").state == "focus"
    damaged = issue_registry.async_get_issue(DOMAIN, f"damaged_{LIGHTS_KEY}")
    assert damaged is not None
    assert damaged.translation_key == "damaged_store"
    await advance(timedelta(minutes=15))
    assert hass.states.get("sensor.study_phase").state == "short_break"
    assert light_view(hass, "light.desk")["brightness"] == desk_after
