"""Runtime data of a Tomatoes config entry: the timer and its two effects."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .lighting import LightingEffect
from .modes import ModeController
from .sound import SoundEffect
from .timer import FocusTimer


@dataclass(frozen=True, slots=True)
class TomatoesData:
    """What one loaded timer entry holds while it runs."""

    timer: FocusTimer
    sound: SoundEffect
    lights: LightingEffect
    modes: ModeController


type TomatoesConfigEntry = ConfigEntry[TomatoesData]
