"""Ambient sound: the sound library, its files, and playing it on media players during focus.

The package's face to the rest of Tomatoes:
- `SoundEffect` (effect.py): one per loaded timer; ``async_setup`` / ``async_close``,
  ``async_apply_options`` after an entity wrote the options, ``async_add_listener``,
  ``diagnostics``;
- `async_give_back_removed` (removed.py): for a deleted timer, give back what it held;
- `async_setup_actions` (actions.py): the sound's actions, registered once.
"""

from __future__ import annotations

from .actions import async_setup_actions
from .effect import SoundEffect
from .removed import async_give_back_removed

__all__ = ["SoundEffect", "async_give_back_removed", "async_setup_actions"]
