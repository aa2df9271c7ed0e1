"""What a person sees of a timer, platform by platform, and its diagnostics, as snapshots.

States and attributes are snapshotted as plain data (not Home Assistant's state objects,
whose fields differ between the releases the tests run on), in the middle of a focus
block with a task, so that every attribute that can have a value has one. Run
``pytest tests/test_snapshots.py --snapshot-update`` after a deliberate change.
"""

from __future__ import annotations

from datetime import timedelta
import json
from typing import Any
from unittest.mock import patch

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.json import json_dumps
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props

from custom_components.tomatoes import PLATFORMS
from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.diagnostics import async_get_config_entry_diagnostics

from .conftest import TIMER_KEY, Advance, async_set_up, store

SOUND_OPTIONS = {
    "sound_players": ["media_player.study_speaker"],
    "sound_source": "https://user:secret@radio.example/stream.mp3",
    "sound_break_source": "media-source://tomatoes/bundled/ocean.flac",
    "sound_folders": ["/media/private/focus"],
}
PLAYER = {
    "state": "playing",
    "volume": 0.4,
    "repeat": "off",
    "content_id": "https://user:secret@music.example/list.m3u",
    "content_type": "music",
    "released": True,
    "level": None,
    "position": 0,
}


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Keep snapshots in tests/snapshots, as Home Assistant does, on every release."""
    return snapshot.use_extension(HomeAssistantSnapshotExtension)


def shown(hass: HomeAssistant, registry: er.EntityRegistry, entry_id: str) -> dict[str, Any]:
    """Return every entity of the timer as a person sees it: how it is registered, its state."""
    result: dict[str, Any] = {}
    for entity in sorted(
        er.async_entries_for_config_entry(registry, entry_id), key=lambda e: e.entity_id
    ):
        state = hass.states.get(entity.entity_id)
        assert (state is None) == entity.disabled, entity.entity_id  # disabled: no state
        result[entity.entity_id] = {
            "unique_id": entity.unique_id,
            "translation_key": entity.translation_key,
            "entity_category": entity.entity_category,
            "disabled_by": entity.disabled_by,
            "state": state.state if state else None,
            "attributes": dict(state.attributes) if state else None,
        }
    return as_json(result)


def as_json(data: Any) -> Any:
    """Return data as JSON gives it (as a person downloads it), the same on every release."""
    return json.loads(json_dumps(data))


async def run_a_block(hass: HomeAssistant, advance: Advance) -> None:
    """Start a focus block with a task and let ten minutes pass."""
    await hass.services.async_call(DOMAIN, "start", {"task": "Write the report"}, blocking=True)
    await advance(timedelta(minutes=10))


@pytest.mark.parametrize("platform", PLATFORMS)
async def test_platform(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    freezer: Any,
    advance: Advance,
    platform: Platform,
) -> None:
    with patch("custom_components.tomatoes.PLATFORMS", [platform]):
        await async_set_up(hass, mock_config_entry, freezer)
        await run_a_block(hass, advance)
        assert shown(hass, entity_registry, mock_config_entry.entry_id) == snapshot


async def test_diagnostics(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    snapshot: SnapshotAssertion,
    freezer: Any,
    advance: Advance,
) -> None:
    """Finding 14: stream URLs, folder paths and content ids are redacted as well as the task."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={**DEFAULT_OPTIONS, **SOUND_OPTIONS},
        entry_id="study_entry",
    )
    # A player still to be given back, which was playing a list behind a password.
    store(
        hass_storage, f"{TIMER_KEY}.ambience", {"pending": {"media_player.study_speaker": PLAYER}}
    )
    await async_set_up(hass, entry, freezer)
    await run_a_block(hass, advance)
    result = await async_get_config_entry_diagnostics(hass, entry)
    text = str(result)
    for secret in ("Write the report", "secret", "/media/private", "example"):
        assert secret not in text
    assert as_json(result) == snapshot(exclude=props("seconds", "last_scan", "seed"))
