"""The steps of the random world: what people, devices and time do, drawn with weights.

Each step takes the world and the seeded generator, does one thing and returns a line
that says what it did (the step list printed when a run fails, to replay it by seed).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
import random
from typing import Any

from homeassistant.util import dt as dt_util

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.engine import Status
from custom_components.tomatoes.modes.catalogue import BUILT_IN
from custom_components.tomatoes.sound.options import DEFAULT_BREAK_SOUND, DEFAULT_SOUND
from tests.lighting.conftest import LIGHT_OPTIONS

from .devices import LIGHTS, PLAYERS, STREAM
from .driver import World

type Step = Callable[[World, random.Random], Awaitable[str]]

SOUNDS = (
    DEFAULT_SOUND,
    DEFAULT_BREAK_SOUND,
    "media-source://tomatoes/bundled/deep_focus_drone.flac",
    STREAM,
)
CHOSEN_LIGHTS = tuple(LIGHT_OPTIONS["light_entities"])
"""The lights and the light group the lighting options choose from."""
MAX_HANGING = 1
"""Devices that hang at one time (each hang costs a time-out, so keep them few)."""


FOCUS_LIGHTING = "switch.study_focus_lighting"


def _on_or_off(rng: random.Random) -> str:
    return rng.choice(["turn_on", "turn_off"])


def _some[T](rng: random.Random, items: tuple[T, ...]) -> list[T]:
    return sorted(item for item in items if rng.random() < 0.6)


# ------------------------------------------------------------------- the timer


async def timer_action(world: World, rng: random.Random) -> str:
    """A person (or an automation) uses one of the timer's actions."""
    service = rng.choice(
        ["start", "start", "pause", "resume", "toggle", "skip", "extend", "stop", "status"]
    )
    data: dict[str, Any] = {}
    if service == "start":
        if rng.random() < 0.3:
            data["phase"] = rng.choice(["focus", "short_break", "long_break", "nap"])
        if rng.random() < 0.3:
            data["duration"] = {"minutes": rng.choice([0, 1, 2, 5, 12])}
        if rng.random() < 0.2:
            data["task"] = rng.choice(["Write the report", "", "Read"])
        if rng.random() < 0.1:
            data["mode"] = rng.choice([*BUILT_IN, "siesta"])
    elif service == "extend":
        data["minutes"] = rng.choice([0, 0.5, 1, 3, 500])
    elif service == "status":
        return await status(world)
    return await world.call(DOMAIN, service, data)


async def status(world: World) -> str:
    """The status action answers what the sensors show."""
    response = await world.run(
        world.hass.services.async_call(DOMAIN, "status", {}, blocking=True, return_response=True)
    )
    assert response is not None
    assert (
        str(response["completed_today"])
        == world.hass.states.get("sensor.study_focus_blocks_today").state
    )  # type: ignore[union-attr]
    assert response["status"] == str(world.timer.session.status)
    return f"status: {response['phase']} {response['status']}"


async def entity_change(world: World, rng: random.Random) -> str:
    """A person changes a setting of the timer through one of its entities."""
    hass = world.hass
    numbers = {
        "number.study_focus_duration": [1, 2, 5, 25, 0],
        "number.study_short_break_duration": [1, 2, 5],
        "number.study_long_break_duration": [1, 3, 15],
        "number.study_long_break_every": [1, 2, 4],
        "number.study_session_target": [0, 2, 3],
        "number.study_sound_volume": [0, 25, 60, 100, float("nan")],
    }
    kind = rng.choice(["number", "number", "mode", "sound", "switch", "lighting", "take_back"])
    if kind == "number":
        entity_id = rng.choice(sorted(numbers))
        value = rng.choice(numbers[entity_id])
        return await world.call("number", "set_value", {"entity_id": entity_id, "value": value})
    if kind in ("mode", "sound"):
        entity_id = f"select.study_{kind}"
        state = hass.states.get(entity_id)
        assert state is not None
        option = rng.choice(state.attributes["options"])
        return await world.call(
            "select", "select_option", {"entity_id": entity_id, "option": option}
        )
    if kind == "switch":
        entity_id = rng.choice(
            ["switch.study_start_breaks_automatically", "switch.study_start_focus_automatically"]
        )
        return await world.call("switch", _on_or_off(rng), {"entity_id": entity_id})
    world.taking_back = True
    if kind == "lighting" and hass.states.get(FOCUS_LIGHTING) is not None:
        service = _on_or_off(rng)
        world.taking_back = service == "turn_on"
        return await world.call("switch", service, {"entity_id": FOCUS_LIGHTING})
    data = {"lights": [rng.choice(LIGHTS)]} if rng.random() < 0.3 else {}
    return await world.call(DOMAIN, "hand_back_lights", data)


async def options_change(world: World, rng: random.Random) -> str:
    """A person changes a part of the options (the timer reloads)."""
    part = rng.choice(["timer", "sound", "lighting"])
    if part == "timer":
        short = rng.choice([1, 2, 5])
        return await world.options(
            "timer",
            {
                "focus_minutes": rng.choice([1, 2, 5, 25]),
                "short_break_minutes": short,
                "long_break_minutes": short + rng.choice([0, 3, 10]),
                "long_break_every": rng.choice([1, 2, 4]),
                "session_target": rng.choice([0, 0, 2, 3]),
                "idle_reset_minutes": rng.choice([5, 30, 60]),
                "auto_start_breaks": rng.random() < 0.7,
                "auto_start_focus": rng.random() < 0.4,
            },
        )
    if part == "sound":
        return await world.options(
            "sound",
            {
                "sound_players": _some(rng, PLAYERS),
                "sound_source": rng.choice(SOUNDS),
                "sound_volume": rng.choice([20, 40, 70]),
                "sound_fade_in": rng.choice([0, 2, 10, 30]),
                "sound_fade_out": rng.choice([0, 2, 5, 30]),
                "sound_on_break": rng.choice(["stop", "pause", "sound"]),
                "sound_break_source": rng.choice(SOUNDS),
                "sound_take_over": rng.random() < 0.3,
                "sound_chimes": rng.random() < 0.3,
                "sound_folders": [],
            },
        )
    lighting: dict[str, Any] = {
        "light_entities": _some(rng, CHOSEN_LIGHTS),
        "light_areas": ["study_room"] if rng.random() < 0.5 else [],
        "light_focus_brightness": rng.choice([20, 30, 40]),
        "light_transition": rng.choice([0, 2, 5]),
        "light_break_mode": rng.choice(["restore", "break_level", "focus"]),
        "light_break_brightness": rng.choice([60, 70, 80]),
        "light_turn_on": rng.random() < 0.3,
    }
    if rng.random() < 0.4:
        lighting["light_color_temp_kelvin"] = rng.choice([2700, 5000])
    return await world.options("lighting", lighting)


async def reload(world: World, rng: random.Random) -> str:
    """Home Assistant reloads the timer (as after an options change)."""
    return await world.reload()


async def busy_reload(world: World, rng: random.Random) -> str:
    """An action reaches the timer while it reloads (a save may be under way)."""
    service = rng.choice(["start", "pause", "resume", "toggle", "skip", "stop"])
    return await world.reload_during(service, rng.randrange(6))


async def restart(world: World, rng: random.Random) -> str:
    """Home Assistant restarts; while it is down the world may change."""
    downtime = timedelta(seconds=rng.choice([5, 40, 300, 1800, 4 * 3600]))

    async def meanwhile() -> list[str]:
        return [
            await device_change(world, rng, home_assistant_down=True)
            for _ in range(rng.choice([0, 0, 1, 2]))
        ]

    return await world.restart(downtime, meanwhile)


# --------------------------------------------------------------------- time


async def time_passes(world: World, rng: random.Random) -> str:
    """Time passes: seconds, minutes, up to the phase's end, or hours."""
    session = world.timer.session
    kind = rng.choices(["seconds", "minutes", "phase end", "hours"], [5, 4, 4, 1])[0]
    if kind == "phase end" and session.status is Status.RUNNING and session.ends_at is not None:
        delta = session.ends_at - dt_util.now() + timedelta(seconds=rng.choice([0, 1, 30]))
    elif kind == "hours":
        delta = timedelta(hours=rng.choice([1, 3, 9]), minutes=rng.randrange(60))
    elif kind == "minutes":
        delta = timedelta(minutes=rng.randrange(1, 12), seconds=rng.randrange(60))
    else:
        delta = timedelta(seconds=rng.randrange(1, 30))
    await world.tick(delta)
    return f"{delta} passes"


# ----------------------------------------------------------- people, devices


async def person(world: World, rng: random.Random) -> str:
    """A person changes a light or a player by hand."""
    devices = world.devices
    candidates = [entity_id for entity_id in (*PLAYERS, *LIGHTS) if devices.available(entity_id)]
    if not candidates:
        return "nobody changes anything"
    entity_id = rng.choice(candidates)
    if entity_id in devices.lights:
        line = devices.light_by_hand(rng, entity_id, warm=world.warm)
    else:
        line = devices.player_by_hand(rng, entity_id)
    await world.settle()
    return line


async def device(world: World, rng: random.Random) -> str:
    """A device fails, hangs, drops out, vanishes, or comes back."""
    line = await device_change(world, rng)
    await world.settle()
    return line


async def device_change(
    world: World, rng: random.Random, *, home_assistant_down: bool = False
) -> str:
    """Change one device as devices change (or, with Home Assistant down, as anyone could)."""
    devices = world.devices
    entity_id = rng.choice([*PLAYERS, *LIGHTS])
    if entity_id in devices.gone:
        await devices.async_return(entity_id)
        return f"{entity_id} is back"
    # A held light that never answered shows nothing Tomatoes could tell a change by.
    by_hand = entity_id in devices.lights and entity_id not in world.unanswered
    if home_assistant_down and by_hand and devices.available(entity_id):
        return devices.light_by_hand(rng, entity_id, warm=world.warm)
    hanging = sum(devices.player(p).hang.on for p in PLAYERS) + sum(
        light.hang.on for light in devices.lights.values()
    )
    kinds = ["fail", "unavailable", "back", "vanish"]
    if entity_id in PLAYERS and devices.available(entity_id):
        kinds.append("stops")
    if hanging < MAX_HANGING:
        kinds.append("hang")
    kind = rng.choice(kinds)
    match kind:
        case "fail":
            devices.set_failing(entity_id, failing=True)
        case "hang":
            devices.set_hanging(entity_id, hanging=True)
        case "unavailable":
            devices.set_available(entity_id, available=False)
        case "stops":
            devices.player_stops_by_itself(entity_id)
        case "vanish":
            kind = "deleted" if rng.random() < 0.4 else "removed"
            await devices.async_vanish(entity_id, delete=kind == "deleted")
        case _:
            devices.reconnect(entity_id)
    return f"{entity_id}: {kind}"


STEPS: tuple[tuple[Step, int], ...] = (
    (timer_action, 20),
    (time_passes, 24),
    (entity_change, 10),
    (options_change, 3),
    (reload, 2),
    (busy_reload, 1),
    (restart, 2),
    (person, 12),
    (device, 12),
)


async def random_step(world: World, rng: random.Random) -> str:
    """Draw one step and take it."""
    steps, weights = zip(*STEPS, strict=True)
    step = rng.choices(steps, weights)[0]
    world.steps.append(f"({step.__name__} ...)")
    line = await step(world, rng)
    session = world.timer.session
    world.steps[-1] = f"{line} [{session.phase} {session.status}]{world.traced()}"
    return line
