"""For the benchmarks that run under Home Assistant's test harness (pytest fixtures, frozen clock).

Such a benchmark is a pytest module that runs itself: ``run_under_pytest(__file__)`` in its
``__main__`` block. Its test calls ``quiet_like_an_installation()`` first, so that what it
measures is not the harness's logging and asyncio debug mode.
"""

from __future__ import annotations

import asyncio
import logging

import pytest


def quiet_like_an_installation() -> None:
    """Log and run the event loop as an installation does by default.

    Warnings only: the harness logs every entity registration at INFO and Tomatoes at DEBUG,
    which no real set-up pays for. No asyncio debug mode: the harness turns it on, which
    records a stack trace for every callback scheduled (and makes every step of the frozen
    clock look like a slow callback).
    """
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    for name in ("homeassistant", "custom_components"):
        logging.getLogger(name).setLevel(logging.WARNING)
    asyncio.get_running_loop().set_debug(False)


def run_under_pytest(path: str) -> int:
    """Run the benchmark module at ``path`` under pytest, printing what it prints."""
    return int(
        pytest.main(
            [path, "-q", "-s", "-p", "no:cacheprovider", "-p", "no:logging", "-o", "addopts="]
        )
    )
