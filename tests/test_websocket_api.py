"""The card's WebSocket subscription: what it sends, when, and across reloads."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MockHAClientWebSocket, WebSocketGenerator

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from .conftest import NOW, Advance, async_set_up

STUDY_ENTITIES = {
    "phase": "sensor.study_phase",
    "mode": "select.study_mode",
    "mode_focus": "sensor.study_focus_time_today_in_this_mode",
    "sound": "select.study_sound",
    "volume": "number.study_sound_volume",
}


async def call(hass: HomeAssistant, service: str, data: dict[str, Any] | None = None) -> None:
    """Call a Tomatoes action and wait for it."""
    await hass.services.async_call(DOMAIN, service, data or {}, blocking=True)


async def subscribe(
    hass_ws_client: WebSocketGenerator, entity_id: str = "sensor.study_phase"
) -> tuple[MockHAClientWebSocket, int]:
    """Subscribe to a timer; return the socket and the subscription id."""
    client = await hass_ws_client()
    await client.send_json_auto_id({"type": "tomatoes/subscribe", "entity_id": entity_id})
    result = await client.receive_json()
    assert result["success"], result
    return client, result["id"]


async def next_view(client: MockHAClientWebSocket, subscription: int) -> dict[str, Any]:
    """Return the next view the subscription sent."""
    message = await client.receive_json()
    assert message["id"] == subscription, message
    assert message["type"] == "event", message
    view: dict[str, Any] = message["event"]
    return view


async def assert_nothing_sent(client: MockHAClientWebSocket) -> None:
    """Check that nothing is queued: the next message is the answer to a ping."""
    await client.send_json_auto_id({"type": "ping"})
    message = await client.receive_json()
    assert message["type"] == "pong", message


async def test_sends_the_timer_at_once_and_after_every_change(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    advance: Advance,
    freezer: FrozenDateTimeFactory,
) -> None:
    client, subscription = await subscribe(hass_ws_client)
    assert await next_view(client, subscription) == {
        "available": True,
        "name": "Study",
        "phase": "idle",
        "status": "idle",
        "next_phase": "focus",
        "remaining": None,
        "duration": None,
        "next_duration": 25 * 60,
        "server_time": NOW.isoformat(),
        "cycle_blocks": 0,
        "long_break_every": 4,
        "today_blocks": 0,
        "today_minutes": 0.0,
        "task": None,
        "sound": False,
        "entities": STUDY_ENTITIES,
    }

    await call(hass, "start", {"task": "Write the report"})
    view = await next_view(client, subscription)
    assert (view["phase"], view["status"], view["task"]) == ("focus", "running", "Write the report")
    assert (view["remaining"], view["duration"]) == (25 * 60, 25 * 60)

    # Time passes without a transition: nothing is sent (no per-second messages).
    await advance(timedelta(minutes=5))
    await assert_nothing_sent(client)

    # The remaining time is counted by the server at the moment it sends.
    await call(hass, "extend", {"minutes": 1})
    view = await next_view(client, subscription)
    assert (view["remaining"], view["duration"]) == (21 * 60, 26 * 60)
    assert view["server_time"] == (NOW + timedelta(minutes=5)).isoformat()

    await call(hass, "pause")
    view = await next_view(client, subscription)
    assert (view["status"], view["remaining"]) == ("paused", 21 * 60)
    await advance(timedelta(minutes=30))
    await assert_nothing_sent(client)
    await call(hass, "resume")
    view = await next_view(client, subscription)
    assert (view["status"], view["remaining"]) == ("running", 21 * 60)

    # The block ends on the server's clock: the break starts and today's figures grow.
    freezer.tick(timedelta(minutes=21))
    await advance(timedelta(0))
    view = await next_view(client, subscription)
    assert (view["phase"], view["status"], view["next_phase"]) == (
        "short_break",
        "running",
        "focus",
    )
    assert (view["remaining"], view["duration"], view["next_duration"]) == (5 * 60, 5 * 60, 1500)
    assert (view["cycle_blocks"], view["today_blocks"], view["today_minutes"]) == (1, 1, 26.0)

    await call(hass, "stop")
    view = await next_view(client, subscription)
    assert (view["phase"], view["remaining"], view["duration"]) == ("idle", None, None)


async def test_any_entity_of_the_timer_works_and_others_are_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    client, subscription = await subscribe(hass_ws_client, "button.study_skip_phase")
    assert (await next_view(client, subscription))["name"] == "Study"

    hass.states.async_set("input_boolean.lamp", "on")
    for entity_id in ("input_boolean.lamp", "sensor.nothing_here"):
        await client.send_json_auto_id({"type": "tomatoes/subscribe", "entity_id": entity_id})
        result = await client.receive_json()
        assert not result["success"]
        assert result["error"]["code"] == "not_found"
        assert result["error"]["translation_key"] == "not_a_timer"
        assert result["error"]["translation_placeholders"] == {"entity_id": entity_id}


async def test_follows_the_timer_across_a_reload_and_reports_its_removal(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    client, subscription = await subscribe(hass_ws_client)
    await next_view(client, subscription)
    await call(hass, "start")
    assert (await next_view(client, subscription))["status"] == "running"

    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    views = [await next_view(client, subscription)]
    while views[-1]["available"] is False:
        views.append(await next_view(client, subscription))
    assert views[0] == {"available": False, "name": "Study"}
    # Back with the same running block, and listening to the new timer object.
    assert (views[-1]["phase"], views[-1]["status"]) == ("focus", "running")
    await hass.async_block_till_done()
    await call(hass, "pause")
    view = await next_view(client, subscription)
    while view["status"] != "paused":
        view = await next_view(client, subscription)

    assert await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    view = await next_view(client, subscription)
    while view["available"]:
        view = await next_view(client, subscription)
    assert view == {"available": False, "name": "Study"}


async def test_unsubscribing_stops_the_messages(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    client, subscription = await subscribe(hass_ws_client)
    await next_view(client, subscription)
    await client.send_json_auto_id({"type": "unsubscribe_events", "subscription": subscription})
    assert (await client.receive_json())["success"]

    await call(hass, "start")
    await assert_nothing_sent(client)


@pytest.fixture
async def sound_and_lights(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Set up the Study timer with media players and lights chosen."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Study",
        data={"name": "Study"},
        options={
            **DEFAULT_OPTIONS,
            "sound_players": ["media_player.desk"],
            "light_entities": ["light.desk"],
        },
        entry_id="study_entry",
    )
    await async_set_up(hass, entry, freezer)


@pytest.mark.usefixtures("sound_and_lights")
async def test_names_the_sound_and_lighting_entities_where_configured(
    hass_ws_client: WebSocketGenerator,
) -> None:
    client, subscription = await subscribe(hass_ws_client)
    view = await next_view(client, subscription)
    assert view["sound"] is True
    assert view["entities"] == {**STUDY_ENTITIES, "lighting": "switch.study_focus_lighting"}
