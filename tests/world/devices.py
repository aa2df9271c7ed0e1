"""The devices of the random world, and how each one should be when Tomatoes lets go of it.

The world's players and lights are the real entities of the sound and lighting benches
(tests/sound/bench.py, tests/lighting/bench.py). `Devices` changes them the way people and
devices do and remembers, per device, the state the world last gave it (`expected`):
Tomatoes' own changes never count, so once Tomatoes has given everything back each device
must look exactly like that again.
"""

from __future__ import annotations

from collections.abc import Iterable
import random
from typing import Any

from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_platform, entity_registry as er

from custom_components.tomatoes.sound.players import is_ours
from tests.lighting.bench import BenchLight, async_set_up_room, bench_lights, light_view
from tests.sound.bench import Bench, BenchPlayer
from tests.sound.conftest import BASE_URL

PLAYERS = ("media_player.desk", "media_player.kitchen", "media_player.lounge")
LIGHTS = tuple(f"light.{key}" for key in bench_lights())
GROUP_MEMBERS = {"light.shelf": ("light.shelf_left", "light.shelf_right")}
AREA_LIGHTS = {"study_room": ("light.reading",)}
STREAM = "https://radio.example/focus.mp3"
"""A stream the options may choose as a sound (played as it is, so it does not look like ours)."""
PERSON = "person-at-the-desk"
"""The user id of the person who changes players in the dashboard."""

# Brightness a person picks: far below any focus or break level, or near full.
DIM_BY_HAND, BRIGHT_BY_HAND = 3, 254


def player_view(player: BenchPlayer) -> dict[str, Any]:
    """Return what a player is (state, volume, repeat mode, what it plays), unavailable or not."""
    state = str(player.state)
    return {
        "state": state,
        "volume": player.volume_level,
        "repeat": None if player.repeat is None else str(player.repeat),
        "content": player.media_content_id if state == MediaPlayerState.PLAYING else None,
    }


class Devices:
    """The world's players and lights, and the state the world last gave each of them."""

    def __init__(self, hass: HomeAssistant, players: Bench, lights: dict[str, BenchLight]) -> None:
        """Take the benches as they were set up; their states are the world's."""
        self.hass = hass
        self.players = players
        self.lights = {f"light.{key}": light for key, light in lights.items()}
        self.expected: dict[str, dict[str, Any] | None] = {}
        self.before_person: dict[str, dict[str, Any] | None] = {}
        """What was expected of each light before a person changed it in this step."""
        self.taken_over: dict[str, dict[str, Any] | None] = {}
        """Lights a person took over: what was expected of each before the take-over."""
        self.gone: dict[str, bool] = {}
        """Devices whose entity is gone: True when it was deleted from the entity registry."""
        for entity_id in (*PLAYERS, *LIGHTS):
            self.note(entity_id)

    @classmethod
    async def async_create(cls, hass: HomeAssistant) -> Devices:
        """Set up the players (desk idle, kitchen idle repeating, lounge off) and the lights."""
        await hass.config.async_update(internal_url=BASE_URL)
        players = Bench(hass)
        for entity_id in PLAYERS:
            players.player(entity_id.removeprefix("media_player."))
        players.add("media_player.kitchen", volume=0.2, repeat="all")
        players.add("media_player.lounge", "off", volume=0.35)
        await players.async_set_up()
        return cls(hass, players, await async_set_up_room(hass))

    # ------------------------------------------------------------------ looking

    def player(self, entity_id: str) -> BenchPlayer:
        """Return a player's entity."""
        return self.players.players[entity_id]

    def view(self, entity_id: str) -> dict[str, Any]:
        """Return what a device is now."""
        if entity_id in self.lights:
            return light_view(self.hass, entity_id)
        return player_view(self.player(entity_id))

    def note(self, entity_id: str, *fields: str) -> None:
        """Remember that the world (a person, the device) just set a device (or some fields)."""
        view, expected = self.view(entity_id), self.expected.get(entity_id)
        if not fields:
            self.expected[entity_id] = view
        elif expected is not None:  # a device nothing is known of stays so
            expected.update({field: view[field] for field in fields})

    def available(self, entity_id: str) -> bool:
        """Return whether a device is there and answers in its state."""
        if entity_id in self.gone:
            return False
        entity = self.lights.get(entity_id) or self.player(entity_id)
        return bool(entity.available)

    def plays_ours(self, entity_id: str) -> bool:
        """Return whether a player plays a Tomatoes sound now (a person can see that)."""
        player = self.player(entity_id)
        content = player.media_content_id
        return player.state == MediaPlayerState.PLAYING and (is_ours(content) or content == STREAM)

    def hanging_calls(self) -> int:
        """Return how many calls wait for a device that hangs."""
        entities: Iterable[BenchPlayer | BenchLight] = (
            *self.players.players.values(),
            *self.lights.values(),
        )
        return sum(entity.hang.waiting for entity in entities)

    # ------------------------------------------------------------------ people

    def light_by_hand(self, rng: random.Random, entity_id: str, *, warm: bool = False) -> str:
        """A person switches, dims or recolours a light (a wall switch, the bulb's app).

        With a focus colour temperature (``warm``), a colour light without one of its own is
        given the temperature as a colour: recolouring it alone is a known limit (README).
        """
        light = self.lights[entity_id]
        modes = light.supported_color_modes or set()
        choices = ["off", "on"] if light.is_on else ["on"]
        if light.is_on and modes - {"onoff"}:
            choices.append("brightness")
        if light.is_on and modes & {"hs", "rgb"} and not (warm and "color_temp" not in modes):
            choices.append("colour")
        before = self.view(entity_id)
        light.async_set_context(Context())  # not within the few seconds that follow our call
        match rng.choice(choices):
            case "off":
                light.by_hand(on=False)
            case "on" if light.brightness is None and modes - {"onoff"}:
                light.by_hand(on=True, brightness=BRIGHT_BY_HAND)  # a bulb on has a brightness
            case "on":
                light.by_hand(on=True)
            case "brightness":
                light.by_hand(brightness=self._far_brightness(light))
            case _:
                if "rgb" in modes:
                    light.by_hand(rgb_color=rng.choice([(0, 255, 120), (40, 90, 255)]))
                else:
                    light.by_hand(hs_color=rng.choice([(200.0, 60.0), (30.0, 90.0)]))
        if self.view(entity_id) == before:
            return f"{entity_id} changed by hand to what it was"
        self.before_person[entity_id] = self.expected[entity_id]
        self.note(entity_id)
        return f"{entity_id} changed by hand: {self.view(entity_id)}"

    def _far_brightness(self, light: BenchLight) -> int:
        """Return a brightness no fade of Tomatoes passes through (far from now and from before)."""
        before = (self.expected.get(light.entity_id) or {}).get("brightness") or 0
        now = light.brightness or 0
        return max(
            (DIM_BY_HAND, BRIGHT_BY_HAND),
            key=lambda value: min(abs(value - before), abs(value - now)),
        )

    def player_by_hand(self, rng: random.Random, entity_id: str) -> str:
        """A person stops, pauses, plays something or turns the volume in the dashboard."""
        player = self.player(entity_id)
        context = Context(user_id=PERSON)
        before = self.view(entity_id)
        what = rng.choice(["stop", "pause", "play", "volume", "off"])
        match what:
            case "stop":
                player._attr_state = MediaPlayerState.IDLE
            case "pause":
                player._attr_state = MediaPlayerState.PAUSED
            case "play":
                player._attr_state = MediaPlayerState.PLAYING
                player._attr_media_content_id = f"spotify:track:{rng.randrange(1000)}"
                player._attr_media_content_type = "music"
            case "volume":
                player._attr_volume_level = rng.choice([0.05, 0.6, 0.9])
            case _:
                player._attr_state = MediaPlayerState.OFF
        ours = self.plays_ours(entity_id)
        player.async_set_context(context)
        player.async_write_ha_state()
        if self.view(entity_id) == before:
            return f"{entity_id} changed by a person to what it was"
        if what != "volume":
            self.note(entity_id, "state", "content")
        elif not ours:
            # A volume turned while the focus sound plays is the focus sound's: the player
            # gets its own volume back at the end.
            self.note(entity_id, "volume")
        return f"{entity_id} changed by a person: {what} -> {self.view(entity_id)}"

    def follow_take_overs(self, taken_over: set[str], *, took_back: bool) -> None:
        """Follow the lights the timer lists as taken over (the focus lighting switch).

        A light a person takes over is theirs; taken back (the switch, the action) it gets
        the level again and, at the end, what it was before the take-over.
        """
        for light in taken_over - self.taken_over.keys():
            self.taken_over[light] = self.before_person.get(light, self.expected.get(light))
        for light in self.taken_over.keys() - taken_over:
            before = self.taken_over.pop(light)
            if took_back and light in self.expected:
                self.expected[light] = before
        self.before_person.clear()  # a take-over is caused by a change of the same step

    def follow_sound(self) -> None:
        """A paused player the focus sound plays on comes back stopped (README, known limits)."""
        for entity_id in PLAYERS:
            expected = self.expected.get(entity_id) or {}
            paused = expected.get("state") == MediaPlayerState.PAUSED
            if paused and self.available(entity_id) and self.plays_ours(entity_id):
                expected["state"] = MediaPlayerState.IDLE

    # ----------------------------------------------------------------- devices

    def player_stops_by_itself(self, entity_id: str) -> str:
        """A player stops on its own (a dropped stream, the end of its own music)."""
        ours = self.plays_ours(entity_id)
        self.players.set_state(entity_id, "idle")
        if not ours:  # the focus sound is started again; anything else is the world's
            self.note(entity_id, "state", "content")
        return f"{entity_id} stopped by itself"

    def set_failing(self, entity_id: str, *, failing: bool) -> None:
        """Make a device's calls raise (or answer again)."""
        if entity_id in self.lights:
            self.lights[entity_id].fail = failing
        elif failing:
            self.players.failing.add(entity_id)
        else:
            self.players.failing.discard(entity_id)

    def set_hanging(self, entity_id: str, *, hanging: bool) -> None:
        """Make a device stop answering (or answer again)."""
        entity = self.lights.get(entity_id) or self.player(entity_id)
        entity.hang.on = hanging

    def is_failing(self, entity_id: str) -> bool:
        """Return whether a device's calls raise or hang."""
        entity = self.lights.get(entity_id) or self.player(entity_id)
        if isinstance(entity, BenchLight):
            return entity.fail or entity.hang.on
        return entity_id in self.players.failing or entity.hang.on

    def set_available(self, entity_id: str, *, available: bool) -> None:
        """Make a device unavailable, or bring it back in the state it kept."""
        if entity_id in self.lights:
            light = self.lights[entity_id]
            light.plug_in() if available else light.unplug()
            return
        player = self.player(entity_id)
        self.players.set_state(entity_id, str(player.state) if available else "unavailable")

    def reconnect(self, entity_id: str) -> None:
        """A device comes back online: it answers again and reports its state."""
        self.set_failing(entity_id, failing=False)
        self.set_hanging(entity_id, hanging=False)
        if self.available(entity_id):
            self.set_available(entity_id, available=False)
        self.set_available(entity_id, available=True)

    async def async_vanish(self, entity_id: str, *, delete: bool) -> None:
        """Take a device's entity away: its state only, or its entity registry entry too."""
        entity = self.lights.get(entity_id) or self.player(entity_id)
        self.gone[entity_id] = delete
        if delete:
            er.async_get(self.hass).async_remove(entity_id)
        else:
            await entity.async_remove(force_remove=True)

    async def async_return(self, entity_id: str) -> None:
        """Bring a vanished device back as a new entity object, in the state it kept.

        A device deleted from the registry comes back as a new device: nothing is expected
        of it until the world next changes it.
        """
        deleted = self.gone.pop(entity_id)
        domain = entity_id.split(".", maxsplit=1)[0]
        twin: BenchLight | BenchPlayer
        if entity_id in self.lights:
            twin = self.lights[entity_id] = self.lights[entity_id].twin()
        else:
            twin = self.player(entity_id).twin()
        platform = next(
            platform
            for platform in entity_platform.async_get_platforms(self.hass, "test")
            if platform.domain == domain
        )
        await platform.async_add_entities([twin])
        assert twin.entity_id == entity_id
        if deleted:
            self.expected[entity_id] = None
