"""Debian's Chromium, driven by Playwright, logged in to a Home Assistant of the harness.

Playwright cannot download its own browsers here, so it drives the system's Chromium
(Debian package ``chromium``, which `.ci/run` installs) through ``executable_path``.
Playwright (PyPI) is pinned in requirements/test.txt, the newest target only: tests
that import this module skip where it is missing, and fail instead when
``TOMATOES_BROWSER=1`` (set by `.ci/run` for the newest target).

    with chromium() as browser:
        context = logged_in(browser, ha.browser_tokens(), width=390, height=844)
        page = context.new_page()
        page.goto(f"{ha.url}/lovelace/0")
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import json
import os
from typing import TYPE_CHECKING, Any

import pytest

from .harness import require_binary

BROWSER_REQUIRED_ENV = "TOMATOES_BROWSER"

if os.environ.get(BROWSER_REQUIRED_ENV) != "1":
    pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright is installed on the newest target only (requirements/test.txt)",
    )

from playwright.sync_api import (  # noqa: E402
    Browser,
    BrowserContext,
    Locator,
    Page,
    Route,
    expect,
    sync_playwright,
)

__all__ = [
    "Browser",
    "BrowserContext",
    "Locator",
    "Page",
    "Route",
    "chromium",
    "expect",
    "logged_in",
]

if TYPE_CHECKING:
    from .client import JsonObject

# Headless, as root, on a machine with no network beyond 127.0.0.1: no sandbox (root),
# and none of Chromium's own connections (updates, sync, field trials, ...).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
]


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Start headless Chromium (the system's) under Playwright; close it afterwards."""
    executable = require_binary("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def logged_in(
    browser: Browser,
    tokens: JsonObject,
    *,
    width: int = 1280,
    height: int = 800,
    scale: float = 1,
    dark: bool = False,
    **options: Any,
) -> BrowserContext:
    """Return a browser context whose pages open Home Assistant logged in.

    The frontend reads its tokens from localStorage (``hassTokens``); an init script
    puts them there before any of its code runs, with ``expires`` counted on the
    page's own clock (which a test may have set wrong on purpose).
    """
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=scale,
        color_scheme="dark" if dark else "light",
        locale="en-US",
        **options,
    )
    stored = json.dumps(tokens)
    context.add_init_script(
        f"""(() => {{
            const tokens = {stored};
            tokens.expires = Date.now() + tokens.expires_in * 1000;
            window.localStorage.setItem("hassTokens", JSON.stringify(tokens));
        }})();"""
    )
    return context
