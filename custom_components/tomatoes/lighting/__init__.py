"""Focus lighting: the chosen lights dim for focus and come back exactly as they were.

`LightingEffect` (one per timer) follows the timer; `async_give_back_removed` gives back
the lights of a deleted timer; `async_setup_actions` registers ``tomatoes.hand_back_lights``.
"""

from __future__ import annotations

from .actions import async_setup_actions
from .effect import EVENT_LIGHT_TAKEN_OVER, LightingEffect
from .removal import async_give_back_removed

__all__ = [
    "EVENT_LIGHT_TAKEN_OVER",
    "LightingEffect",
    "async_give_back_removed",
    "async_setup_actions",
]
