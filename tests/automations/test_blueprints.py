"""The shipped blueprints: each is valid and does what it says against a running timer."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.tomatoes.const import DOMAIN

from ..conftest import NOW, Advance, state
from .conftest import call, device_id

pytestmark = pytest.mark.usefixtures("init_integration")

BLUEPRINTS = [
    "announce_breaks.yaml",
    "focus_do_not_disturb.yaml",
    "focus_guard.yaml",
    "last_minute_light_cue.yaml",
    "practice_drills.yaml",
]


async def use_blueprint(hass: HomeAssistant, name: str, **inputs: object) -> None:
    """Set up one automation from a shipped blueprint (copied into config at setup)."""
    automation = {
        "alias": name.removesuffix(".yaml"),
        "use_blueprint": {"path": f"tomatoes/{name}", "input": {**inputs}},
    }
    assert await async_setup_component(hass, "automation", {"automation": [automation]})
    await hass.async_block_till_done()
    assert state(hass, f"automation.{name.removesuffix('.yaml')}") == "on"


async def settle(hass: HomeAssistant) -> None:
    """Let the event loop run while an automation waits (a delay, a wait for a trigger).

    Waiting for every task to finish would wait for that automation too, so, as core's
    own blueprint tests do, the loop gets a few turns instead.
    """
    for _ in range(10):
        await asyncio.sleep(0)


async def tick(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Move the clock while an automation may be waiting."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await settle(hass)


async def act(hass: HomeAssistant, action: str, **data: object) -> None:
    """Call a Tomatoes action while an automation may be waiting."""
    await hass.services.async_call(DOMAIN, action, data, blocking=True)
    await settle(hass)


async def test_every_blueprint_is_valid(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> None:
    assert await async_setup_component(hass, "automation", {})
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "blueprint/list", "domain": "automation"})
    answer = await client.receive_json()
    listed = {
        path.removeprefix("tomatoes/"): value
        for path, value in answer["result"].items()
        if path.startswith("tomatoes/")
    }
    assert sorted(listed) == BLUEPRINTS
    for name, value in listed.items():
        assert "error" not in value, (name, value)
        metadata = value["metadata"]
        assert metadata["domain"] == "automation"
        assert metadata["source_url"].endswith(f"/blueprints/automation/tomatoes/{name}")
        timer = metadata["input"]["timer"]["selector"]["device"]
        assert timer["filter"] == [{"integration": "tomatoes"}]


async def test_do_not_disturb_during_focus(hass: HomeAssistant, advance: Advance) -> None:
    phone_entry = MockConfigEntry(domain="mobile_app")
    phone_entry.add_to_hass(hass)
    phone = dr.async_get(hass).async_get_or_create(
        config_entry_id=phone_entry.entry_id, identifiers={("mobile_app", "p7")}, name="Pixel 7"
    )
    notify = async_mock_service(hass, "notify", "mobile_app_pixel_7")
    await use_blueprint(hass, "focus_do_not_disturb.yaml", timer=device_id(hass), phone=phone.id)
    await call(hass, "start")
    await call(hass, "pause")
    await call(hass, "resume")
    await advance(timedelta(minutes=25))
    await call(hass, "start", phase="focus")
    await call(hass, "stop")
    assert [c.data for c in notify] == [
        {"message": "command_dnd", "data": {"command": command}}
        for command in ("priority_only", "off", "priority_only", "off")
    ]


async def test_breaks_are_announced(hass: HomeAssistant, advance: Advance) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    await use_blueprint(
        hass,
        "announce_breaks.yaml",
        timer=device_id(hass),
        speaker="media_player.study",
        tts_engine="tts.piper",
    )
    await call(hass, "start")
    await advance(timedelta(minutes=25))
    await advance(timedelta(minutes=5))
    await call(hass, "start", phase="long_break")
    await call(hass, "stop")  # a break cut short is not "over": nothing said
    assert [(c.data["entity_id"], c.data["media_player_entity_id"]) for c in speak] == [
        (["tts.piper"], "media_player.study")
    ] * 3
    assert [c.data["message"] for c in speak] == [
        "Time for a 5 minute break.",
        "Break's over. Back to focus.",
        "Well done. Take a long break: 15 minutes.",
    ]


async def test_an_empty_end_message_says_nothing(hass: HomeAssistant, advance: Advance) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    await use_blueprint(
        hass,
        "announce_breaks.yaml",
        timer=device_id(hass),
        speaker="media_player.study",
        tts_engine="tts.piper",
        short_message="Pause for {{ minutes }} minutes before block {{ block }}.",
        end_message="",
    )
    await call(hass, "start")
    await advance(timedelta(minutes=30))
    assert [c.data["message"] for c in speak] == ["Pause for 5 minutes before block 2."]


async def test_a_light_cue_in_the_last_minute(
    hass: HomeAssistant, advance: Advance, freezer: FrozenDateTimeFactory
) -> None:
    create = async_mock_service(hass, "scene", "create")
    turn_on = async_mock_service(hass, "light", "turn_on")
    restore = async_mock_service(hass, "scene", "turn_on")
    await use_blueprint(
        hass, "last_minute_light_cue.yaml", timer=device_id(hass), cue_lights=["light.strip"]
    )
    await call(hass, "start")
    await advance(timedelta(minutes=10))
    await call(hass, "pause")
    await advance(timedelta(minutes=5))
    await call(hass, "resume")
    await advance(timedelta(minutes=14) - timedelta(seconds=1))
    assert create == []
    await tick(hass, freezer, timedelta(seconds=1))
    assert [c.data for c in create] == [
        {"scene_id": "tomatoes_cue_last_minute_light_cue", "snapshot_entities": ["light.strip"]}
    ]
    assert [c.data for c in turn_on] == [
        {"entity_id": ["light.strip"], "rgb_color": [255, 140, 0], "brightness_pct": 80}
    ]
    assert restore == []
    await tick(hass, freezer, timedelta(seconds=3))
    assert [c.data for c in restore] == [
        {"entity_id": ["scene.tomatoes_cue_last_minute_light_cue"]}
    ]
    await advance(timedelta(minutes=5))  # the break's last minute: focus blocks only
    assert len(create) == 1


async def test_the_focus_guard_pauses_when_away_and_resumes_on_return(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    presence = "binary_sensor.desk_presence"

    async def present(value: str) -> None:
        hass.states.async_set(presence, value, {"device_class": "occupancy"})
        await settle(hass)

    await present("on")
    await use_blueprint(
        hass, "focus_guard.yaml", timer=device_id(hass), presence=presence, away_minutes=3
    )
    await act(hass, "start")
    await present("off")
    await tick(hass, freezer, timedelta(minutes=2))
    assert state(hass, "sensor.study_status") == "running"  # a short absence is fine
    await tick(hass, freezer, timedelta(minutes=1))
    assert state(hass, "sensor.study_status") == "paused"
    await tick(hass, freezer, timedelta(minutes=20))
    await present("on")
    assert state(hass, "sensor.study_status") == "running"
    assert state(hass, "sensor.study_phase") == "focus"
    assert state(hass, "sensor.study_phase_ends_at") == (NOW + timedelta(minutes=45)).isoformat()

    # Paused by hand, then away and back: left paused.
    await act(hass, "pause")
    await present("off")
    await tick(hass, freezer, timedelta(minutes=5))
    await present("on")
    assert state(hass, "sensor.study_status") == "paused"

    # Paused by the guard, then a break started by hand meanwhile: not resumed.
    await act(hass, "resume")
    await present("off")
    await tick(hass, freezer, timedelta(minutes=3))
    assert state(hass, "sensor.study_status") == "paused"
    await act(hass, "start", phase="short_break", restart=True)
    await present("on")
    assert state(hass, "sensor.study_phase") == "short_break"
    assert state(hass, "sensor.study_status") == "running"


async def test_practice_drills_one_per_block(
    hass: HomeAssistant, advance: Advance, mock_config_entry: MockConfigEntry
) -> None:
    notify = async_mock_service(hass, "persistent_notification", "create")
    hass.config_entries.async_update_entry(
        mock_config_entry, options={**mock_config_entry.options, "session_target": 3}
    )
    await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await use_blueprint(
        hass,
        "practice_drills.yaml",
        timer=device_id(hass),
        drills="Scales\n  Arpeggios\n\n",
    )
    for _ in range(3):
        await call(hass, "start", phase="focus")
        await advance(timedelta(minutes=25))
    messages: list[dict[str, Any]] = [c.data for c in notify]
    assert {m["notification_id"] for m in messages} == {"tomatoes_practice_practice_drills"}
    assert {m["title"] for m in messages} == {"Practice"}
    assert [m["message"] for m in messages] == [
        "Block 1: Scales",
        "Rest for 5 minutes. Next: Arpeggios",
        "Block 2: Arpeggios",
        "Rest for 5 minutes. Next: Scales",
        "Block 3: Scales",
        "Session complete: every block practised. Well done.",
    ]
