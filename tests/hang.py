"""A device that stops answering, shared by the benches of real players and lights.

A call to a hanging device never returns by itself: it waits until it is cancelled, which
is what the effects' call time-outs do. The calls waiting are counted, so a test driving
time can move the clock past those time-outs while a call hangs.
"""

from __future__ import annotations

import asyncio


class Hang:
    """Whether a device hangs, and how many of its calls are waiting for an answer now."""

    def __init__(self) -> None:
        """Start answering."""
        self.on = False
        self.waiting = 0

    async def async_wait(self) -> None:
        """Return at once, or (while hanging) never: until the call is cancelled."""
        if not self.on:
            return
        self.waiting += 1
        try:
            await asyncio.get_running_loop().create_future()
        finally:
            self.waiting -= 1
