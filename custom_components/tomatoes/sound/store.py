"""What the sound of one timer keeps across restarts, and the checks it passes on load.

`Playback` is everything the sound holds: the programme and sound playing, the fade, a
fade out under way (to give back, or to switch programme), and a `PlayerSnapshot` per
player taken (``players``) or still to be given back (``pending``). It is saved before
any player is changed, so a restart at any moment finds what to give back.

`parse_playback` checks every field of stored data (a hand edit or a crash can leave
anything): what is wrong is replaced or dropped and named as a problem, so the timer
always loads; players whose programme is unknown are given back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from homeassistant.core import HomeAssistant, valid_entity_id

from ..const import DOMAIN
from ..toolkit.store import DamagedDataError, Parsed, VersionedStore
from .fade import Fade
from .options import BreakAction
from .players import PlayerSnapshot, is_level, repeat_of
from .policy import Program, Target


def store_key(entry_id: str) -> str:
    """Return the storage key of one timer's sound (its file under .storage)."""
    return f"{DOMAIN}.{entry_id}.ambience"


@dataclass(slots=True)
class Playback:
    """What the sound of a timer plays and holds (saved as it is)."""

    program: Program | None = None
    sound: str | None = None
    seed: int = 0
    fade: Fade | None = None
    releasing: BreakAction | None = None
    switch_to: Target | None = None
    players: dict[str, PlayerSnapshot] = field(default_factory=dict)
    pending: dict[str, PlayerSnapshot] = field(default_factory=dict)

    @property
    def playing(self) -> Target | None:
        """Return the programme and sound playing, if any."""
        if self.program is None:
            return None
        return Target(self.program, self.sound or "")

    @property
    def held(self) -> dict[str, PlayerSnapshot]:
        """Return every player not yet given back (pending first, then those taken)."""
        return {**self.pending, **self.players}

    def as_dict(self) -> dict[str, Any]:
        """Return the playback as JSON-safe data."""
        return {
            "program": self.program,
            "sound": self.sound,
            "seed": self.seed,
            "fade": self.fade.as_dict() if self.fade else None,
            "releasing": self.releasing,
            "switch_to": [self.switch_to.program, self.switch_to.sound] if self.switch_to else None,
            "players": {key: snap.as_dict() for key, snap in self.players.items()},
            "pending": {key: snap.as_dict() for key, snap in self.pending.items()},
        }


def sound_store(hass: HomeAssistant, entry_id: str) -> VersionedStore[Playback]:
    """Return the store of one timer's sound."""
    return VersionedStore(hass, store_key(entry_id), parse_playback)


def parse_playback(raw: Any) -> Parsed[Playback]:
    """Check stored playback field by field; keep what is sound, name what is not."""
    if not isinstance(raw, dict):
        raise DamagedDataError("the sound's data is not a mapping")
    problems: list[str] = []
    playback = Playback(
        players=_snapshots(raw.get("players"), "players", problems),
        pending=_snapshots(raw.get("pending"), "pending", problems),
    )
    program = raw.get("program")
    if program is not None and program not in Program.__members__.values():
        problems.append(f"unknown programme {program!r}: its players are given back")
        program = None
    if program is None:
        playback.pending = playback.held
        playback.players = {}
        return Parsed(playback, problems)
    playback.program = Program(program)
    playback.sound = _text(raw.get("sound"), "sound", problems)
    seed = raw.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        problems.append(f"seed {seed!r} is no whole number")
        seed = 0
    playback.seed = seed
    releasing = raw.get("releasing")
    if releasing is not None and releasing not in BreakAction.__members__.values():
        problems.append(f"unknown stop action {releasing!r}: the players stop")
        releasing = BreakAction.STOP
    playback.releasing = BreakAction(releasing) if releasing is not None else None
    playback.switch_to = _switch_to(raw.get("switch_to"), problems)
    if (fade := raw.get("fade")) is not None:
        try:
            playback.fade = Fade.from_dict(fade)
        except ValueError as err:
            problems.append(f"fade: {err}")
    if playback.fade is None:
        # Without a fade, the sound stays where a finished one leaves it.
        going = playback.releasing is not None or playback.switch_to is not None
        playback.fade = Fade.constant(0.0 if going else 1.0)
    return Parsed(playback, problems)


def _text(value: object, name: str, problems: list[str]) -> str | None:
    if value is None or isinstance(value, str):
        return value
    problems.append(f"{name} {value!r} is no text")
    return None


def _switch_to(value: object, problems: list[str]) -> Target | None:
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2  # noqa: PLR2004 - [programme, sound]
        and value[0] in Program.__members__.values()
        and isinstance(value[1], str)
    ):
        return Target(Program(value[0]), value[1])
    problems.append(f"switch_to {value!r} is no programme and sound")
    return None


def _snapshots(value: object, name: str, problems: list[str]) -> dict[str, PlayerSnapshot]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(f"{name} {value!r} is no mapping of players")
        return {}
    snapshots: dict[str, PlayerSnapshot] = {}
    for entity_id, data in value.items():
        where = f"{name}.{entity_id}"
        if not isinstance(entity_id, str) or not valid_entity_id(entity_id):
            problems.append(f"{where}: no entity id; dropped")
        elif not isinstance(data, dict):
            problems.append(f"{where}: {data!r} is no snapshot; dropped")
        else:
            snapshots[entity_id] = parse_snapshot(data, where, problems)
    return snapshots


def parse_snapshot(data: dict[str, Any], where: str, problems: list[str]) -> PlayerSnapshot:
    """Check one stored player snapshot; a field that is wrong is left out and named."""
    checks: dict[str, Callable[[Any], bool]] = {
        "state": lambda value: isinstance(value, str),
        "volume": is_level,
        "level": is_level,
        "repeat": lambda value: repeat_of(value) is not None,
        "content_id": lambda value: isinstance(value, str),
        "content_type": lambda value: isinstance(value, str),
        "released": lambda value: isinstance(value, bool),
        "position": lambda value: type(value) is int and value >= 0,
        "repeat_set": lambda value: repeat_of(value) is not None,
    }
    kept: dict[str, Any] = {}
    for key, check in checks.items():
        if (value := data.get(key)) is None:
            continue
        if check(value):
            kept[key] = float(value) if key in {"volume", "level"} else value
        else:
            problems.append(f"{where}.{key}: {value!r} cannot be used")
    if "state" not in data:
        problems.append(f"{where}.state is missing")
    return PlayerSnapshot(**{"state": "idle", **kept})
