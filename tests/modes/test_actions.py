"""tomatoes.start with a mode, the deprecated preset, and the errors that change nothing."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from ..conftest import state
from .test_flow import WRITING, add_mode


async def start(hass: HomeAssistant, **data: Any) -> None:
    """Call tomatoes.start."""
    await hass.services.async_call(DOMAIN, "start", data, blocking=True)
    await hass.async_block_till_done()


async def test_the_start_action_takes_a_mode_by_key_name_or_own_name(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await add_mode(hass, init_integration, WRITING)
    await start(hass, mode="writing")
    assert state(hass, "select.study_mode") == "Writing"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:40:00+00:00"
    await start(hass, mode="SPRINT", phase="focus", restart=True)
    assert state(hass, "select.study_mode") == "sprint"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:15:00+00:00"


async def test_preset_still_works_and_asks_for_mode_instead(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await start(hass, preset="deep_focus")
    assert state(hass, "select.study_mode") == "deep_focus"
    assert state(hass, "sensor.study_phase_ends_at") == "2026-11-26T09:50:00+00:00"
    issue = issue_registry.async_get_issue(DOMAIN, "deprecated_preset")
    assert issue is not None
    assert issue.translation_key == "deprecated_preset"
    assert issue.severity is ir.IssueSeverity.WARNING
    await start(hass, preset="sprint")
    assert caplog.text.count("the field preset is deprecated") == 1


@pytest.mark.parametrize(
    ("data", "key", "placeholders"),
    [
        (
            {"mode": "marathon"},
            "invalid_mode",
            {"mode": "marathon", "name": "Study", "modes": "classic, deep_focus, sprint, Writing"},
        ),
        (
            {"preset": "marathon"},
            "invalid_preset",
            {"preset": "marathon", "presets": "classic, deep_focus, sprint"},
        ),
        ({"preset": "Writing"}, "invalid_preset", None),
        ({"mode": "sprint", "preset": "sprint"}, "mode_and_preset", None),
    ],
)
async def test_an_unknown_mode_is_refused_and_changes_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    data: dict[str, Any],
    key: str,
    placeholders: dict[str, str] | None,
) -> None:
    await add_mode(hass, init_integration, WRITING)
    before = dict(init_integration.options)
    with pytest.raises(ServiceValidationError) as err:
        await start(hass, **data)
    assert err.value.translation_key == key
    if placeholders is not None:
        assert err.value.translation_placeholders == placeholders
    assert dict(init_integration.options) == before
    assert state(hass, "sensor.study_phase") == "idle"


async def test_a_mode_one_of_the_targeted_timers_lacks_changes_no_timer(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    kitchen = MockConfigEntry(
        domain=DOMAIN,
        title="Kitchen",
        data={"name": "Kitchen"},
        options={**DEFAULT_OPTIONS, "mode": "classic"},
        version=2,
    )
    kitchen.add_to_hass(hass)
    assert await hass.config_entries.async_setup(kitchen.entry_id)
    await hass.async_block_till_done()
    await add_mode(hass, init_integration, WRITING)
    targets = {"entity_id": ["sensor.study_phase", "sensor.kitchen_phase"]}
    with pytest.raises(ServiceValidationError) as err:
        await start(hass, mode="Writing", **targets)
    assert err.value.translation_key == "invalid_mode"
    assert err.value.translation_placeholders["name"] == "Kitchen"
    assert state(hass, "select.study_mode") == "classic"
    assert state(hass, "sensor.study_phase") == "idle"
    assert state(hass, "sensor.kitchen_phase") == "idle"
    await start(hass, mode="deep_focus", **targets)
    assert state(hass, "select.study_mode") == state(hass, "select.kitchen_mode") == "deep_focus"
