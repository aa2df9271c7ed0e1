"""Focus modes: named bundles of a rhythm, a sound and a light, built in or a person's own.

The package's face to the rest of Tomatoes:
- `ModeController` (controller.py): one per loaded timer; the chosen mode, what was changed
  by hand, choosing a mode, today's focus per mode (stats.py);
- catalogue.py: what a mode holds, the built-in modes, checks;
- entities.py: the mode select and the focus-per-mode sensor (added by select.py, sensor.py);
- flow.py: the subentry flow that adds and edits a person's own modes;
- migration.py: the move from presets (config entry version 1) to modes;
- actions.py: the ``mode`` of ``tomatoes.start`` (and the deprecated ``preset``).
"""

from __future__ import annotations

from .controller import ModeController

__all__ = ["ModeController"]
