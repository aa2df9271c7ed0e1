"""Runtime data of a Tomatoes config entry."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .lighting import LightingEffect
from .sound.ambience import Ambience
from .timer import FocusTimer


@dataclass
class TomatoesData:
    """What one loaded timer entry holds while it runs."""

    timer: FocusTimer
    ambience: Ambience
    lights: LightingEffect


type TomatoesConfigEntry = ConfigEntry[TomatoesData]
