"""Runtime data of a Tomatoes config entry."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .ambience import Ambience
from .lighting import FocusLights
from .timer import FocusTimer


@dataclass
class TomatoesData:
    """What one loaded timer entry holds while it runs."""

    timer: FocusTimer
    ambience: Ambience
    lights: FocusLights


type TomatoesConfigEntry = ConfigEntry[TomatoesData]
