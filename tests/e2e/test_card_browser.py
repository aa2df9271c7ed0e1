"""The dashboard card in a real browser: Home Assistant as a process, Chromium loading it.

A dashboard with the card is saved through the WebSocket API (storage mode) and one is
read from a YAML file; Chromium opens them logged in as the owner. The card is
clicked like a person would, and its countdown is checked against the server while the
browser's clock is set five minutes wrong.

With ``TOMATOES_UPDATE_SCREENSHOTS=1`` the screenshots (desktop and phone width, light
and dark) are written to docs/images/ for the README; otherwise to the test's tmp_path.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
import os
from pathlib import Path
import re
import time

import pytest

from .browser import Browser, Locator, Page, Route, chromium, expect, logged_in
from .client import HomeAssistantClient
from .harness import REPO, STUDY_TIMER, HomeAssistantFactory, HomeAssistantProcess

pytestmark = pytest.mark.e2e

TIMER = {**STUDY_TIMER, "focus_minutes": 1}
CARD = {"type": "custom:tomatoes-card", "entity": "sensor.study_phase"}
STORAGE_DASHBOARD = "tomatoes-test"
YAML_DASHBOARD = "tomatoes-yaml"
YAML_FILE = "tomatoes-dashboard.yaml"
# A lamp for the focus lighting (optimistic: it only needs to exist) and a speaker that does
# not exist: the card shows the timer's sound and lighting entities, whatever the devices do.
SOUND = {
    "sound_players": ["media_player.desk_speaker"],
    "sound_source": "media-source://tomatoes/bundled/brown_noise.flac",
    "sound_volume": 30,
    "sound_fade_in": 0,
    "sound_fade_out": 0,
    "sound_on_break": "stop",
    "sound_break_source": "media-source://tomatoes/bundled/ocean.flac",
    "sound_take_over": False,
    "sound_chimes": False,
    "sound_folders": [],
}
LIGHTING = {
    "light_entities": ["light.desk_lamp"],
    "light_areas": [],
    "light_focus_brightness": 30,
    "light_transition": 0,
    "light_break_mode": "restore",
    "light_break_brightness": 70,
    "light_turn_on": False,
}
EXTRA_YAML = f"""
template:
  - light:
      - name: Desk lamp
        turn_on:
          - delay: 0
        turn_off:
          - delay: 0
lovelace:
  dashboards:
    {YAML_DASHBOARD}:
      mode: yaml
      title: Focus (YAML)
      filename: {YAML_FILE}
"""
# Generous: the first load of the frontend on a busy two-core machine is slow.
LOAD_TIMEOUT_MS = 120_000
CHANGE_TIMEOUT_MS = 20_000
CLOCK_ERROR = timedelta(minutes=5)
SCREENSHOTS_ENV = "TOMATOES_UPDATE_SCREENSHOTS"
FRONTEND_APP = re.compile(r"/frontend_latest/app\.[0-9a-f]+\.js$")
APP_HOLD_BACK = 3.0


def test_card_counts_down_controls_the_timer_and_ignores_a_wrong_browser_clock(
    home_assistant: HomeAssistantFactory, tmp_path: Path
) -> None:
    ha = home_assistant(EXTRA_YAML, start=False, skip_pip=True)
    (ha.config_dir / YAML_FILE).write_text(
        "views:\n  - path: focus\n    cards:\n"
        "      - type: custom:tomatoes-card\n        entity: sensor.study_phase\n",
        encoding="utf-8",
    )
    client = ha.start()
    ha.finish_onboarding()
    result = client.config_flow("tomatoes", TIMER)
    assert result["type"] == "create_entry"
    entry_id = result["result"]["entry_id"]
    client.wait_for_state("sensor.study_phase", "idle")
    assert client.options_flow(entry_id, {"next_step_id": "sound"}, SOUND)["type"] == "create_entry"
    client.wait_for_state("number.study_sound_volume", "30")
    result = client.options_flow(entry_id, {"next_step_id": "lighting"}, LIGHTING)
    assert result["type"] == "create_entry"
    client.wait_for_state("switch.study_focus_lighting", "on")
    save_storage_dashboard(client)

    errors: list[str] = []
    with chromium() as browser:
        context = logged_in(browser, ha.browser_tokens())
        page = context.new_page()
        watch_errors(page, errors)
        check_controls(open_card(page, ha, STORAGE_DASHBOARD), client)
        context.close()

        client.call_service("tomatoes", "start", {"phase": "focus", "task": "Write the report"})
        check_wrong_browser_clock(browser, ha, client, errors)

        # The same card on a YAML dashboard, with the frontend's app held back so that the
        # card module runs before the frontend swaps in its own element registry.
        context = logged_in(browser, ha.browser_tokens())
        page = context.new_page()
        watch_errors(page, errors)
        page.route(FRONTEND_APP, hold_back)
        card = open_card(page, ha, YAML_DASHBOARD)
        expect(phase_chip(card)).to_have_text("Focus")
        expect(card.get_by_text("Write the report")).to_be_visible()
        # A second copy of the module (an old resource, say) defines nothing twice.
        assert load_module_again(page) == 1
        expect(card.get_by_role("timer")).to_be_visible()
        context.close()

        take_screenshots(browser, ha, client, screenshot_folder(tmp_path))

    assert errors == []
    tomatoes_errors = [line for line in ha.logged_errors() if "tomatoes" in line]
    assert tomatoes_errors == []


def check_controls(card: Locator, client: HomeAssistantClient) -> None:
    """Click through the card: start, pause, resume, extend, skip, stop and a mode."""
    # Idle: the next focus block's length, nothing counting.
    expect(phase_chip(card)).to_have_text("Idle")
    expect(card.get_by_role("timer")).to_have_text("01:00")
    expect(card.get_by_text("Block 1 of 4")).to_be_visible()

    # Start: the phase changes and the countdown moves.
    card.get_by_role("button", name="Start", exact=True).click()
    expect(phase_chip(card)).to_have_text("Focus", timeout=CHANGE_TIMEOUT_MS)
    client.wait_for_state("sensor.study_status", "running")
    first = wait_for_shown(card, lambda seconds: seconds <= 59)
    wait_for_shown(card, lambda seconds: seconds < first)

    # Pause: the card shows what the server keeps; resume: it moves again.
    card.get_by_role("button", name="Pause").click()
    client.wait_for_state("sensor.study_status", "paused")
    expect(card.get_by_text("Paused")).to_be_visible()
    paused = status(client)["remaining_seconds"]
    assert isinstance(paused, int)
    wait_for_shown(card, lambda seconds: abs(seconds - paused) <= 1)
    card.get_by_role("button", name="Resume").press("Enter")  # by keyboard
    client.wait_for_state("sensor.study_status", "running")
    resumed = shown_seconds(card)
    wait_for_shown(card, lambda seconds: seconds < resumed)

    # Extend adds five minutes; Skip moves on to the break.
    card.get_by_role("button", name="Add 5 minutes").click()
    wait_for_shown(card, lambda seconds: seconds > 5 * 60)
    card.get_by_role("button", name="Skip").click()
    expect(phase_chip(card)).to_have_text("Short break", timeout=CHANGE_TIMEOUT_MS)
    client.wait_for_state("sensor.study_phase", "short_break")

    # A phase that ends on the server shows up without a click.
    client.call_service("tomatoes", "start", {"phase": "focus", "duration": {"seconds": 4}})
    expect(phase_chip(card)).to_have_text("Focus", timeout=CHANGE_TIMEOUT_MS)
    expect(phase_chip(card)).to_have_text("Short break", timeout=CHANGE_TIMEOUT_MS)
    expect(card.get_by_text(re.compile(r"^1 block · "))).to_be_visible()

    # Stop; the mode chips come from the mode select, and picking one applies it.
    card.get_by_role("button", name="Stop").click()
    expect(phase_chip(card)).to_have_text("Idle", timeout=CHANGE_TIMEOUT_MS)
    card.get_by_role("button", name=re.compile("^Sprint")).click()
    client.wait_for_state("select.study_mode", "sprint")
    expect(card.get_by_role("timer")).to_have_text("15:00", timeout=CHANGE_TIMEOUT_MS)
    # Today's figures per mode: the block above ran in Classic.
    classic = "Classic 25/5/15 \N{MULTIPLICATION SIGN}4"
    expect(card.get_by_text(re.compile(f"^{classic}: 1 block · "))).to_be_visible()

    # The sound, its volume and the focus lighting switch, from the timer's entities.
    sound = client.state("select.study_sound")
    assert sound is not None
    expect(card.get_by_role("combobox", name="Sound")).to_have_value(sound.state)
    card.get_by_role("slider", name="Volume").fill("45")
    client.wait_for_state("number.study_sound_volume", "45")
    expect(card.get_by_text("45 %")).to_be_visible()
    # A part changed by hand marks the mode as changed; its chip applies the mode again.
    expect(card.get_by_text("· changed")).to_be_visible()
    card.get_by_role("button", name=re.compile("^Sprint")).click()
    client.wait_for_state("number.study_sound_volume", "35")
    expect(card.get_by_text("· changed")).to_have_count(0)
    expect(card.get_by_role("switch", name="Focus lighting")).to_have_attribute(
        "aria-checked", "true"
    )


def check_wrong_browser_clock(
    browser: Browser, ha: HomeAssistantProcess, client: HomeAssistantClient, errors: list[str]
) -> None:
    """Open the card with the browser's clock 5 minutes fast, then jump it 10 minutes back.

    The countdown follows the server, not the browser's clock, within 2 seconds.
    """
    context = logged_in(browser, ha.browser_tokens())
    page = context.new_page()
    watch_errors(page, errors)
    page.clock.install(time=datetime.now(UTC) + CLOCK_ERROR)
    card = open_card(page, ha, STORAGE_DASHBOARD)
    expect(phase_chip(card)).to_have_text("Focus")
    assert_clock_is_off(page, CLOCK_ERROR)
    assert_shows_server_time(card, client)

    page.clock.set_system_time(datetime.now(UTC) - CLOCK_ERROR)
    assert_clock_is_off(page, -CLOCK_ERROR)
    moving = shown_seconds(card)
    wait_for_shown(card, lambda seconds: seconds < moving)
    assert_shows_server_time(card, client)
    context.close()


def load_module_again(page: Page) -> int:
    """Import the card module again under another URL; return the card picker entries."""
    count: int = page.evaluate(
        """async () => {
            const url = performance.getEntriesByType("resource")
                .map((entry) => entry.name)
                .find((name) => name.includes("/tomatoes/frontend/"));
            await import(`${url}?copy`);
            return window.customCards.filter((card) => card.type === "tomatoes-card").length;
        }"""
    )
    return count


def save_storage_dashboard(client: HomeAssistantClient) -> None:
    """Create a dashboard and save the card on it, as the dashboard editor does."""
    client.websocket(
        {
            "type": "lovelace/dashboards/create",
            "url_path": STORAGE_DASHBOARD,
            "title": "Focus",
            "icon": "mdi:timer-outline",
            "show_in_sidebar": True,
            "require_admin": False,
        }
    )
    client.websocket(
        {
            "type": "lovelace/config/save",
            "url_path": STORAGE_DASHBOARD,
            "config": {"views": [{"title": "Focus", "path": "focus", "cards": [CARD]}]},
        }
    )


def watch_errors(page: Page, errors: list[str]) -> None:
    """Collect uncaught errors and console errors of the card.

    The frontend itself leaves a rejected promise (a plain object) on a dashboard of an
    instance this small, with or without the card; only errors naming the card count.
    """
    page.on(
        "pageerror",
        lambda error: (
            errors.append(f"page error: {error.message} {error.stack}")
            if "tomatoes" in f"{error.message} {error.stack}".lower()
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}")
            if message.type == "error" and "tomatoes" in message.text.lower()
            else None
        ),
    )


def hold_back(route: Route) -> None:
    """Let a request through a few seconds late (to put the card module first)."""
    time.sleep(APP_HOLD_BACK)
    route.continue_()


def open_card(page: Page, ha: HomeAssistantProcess, dashboard: str) -> Locator:
    """Open a dashboard and return the card once it shows a timer."""
    page.goto(f"{ha.url}/{dashboard}/focus", timeout=LOAD_TIMEOUT_MS)
    card = page.locator("tomatoes-card")
    expect(card.get_by_role("timer")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    return card


def phase_chip(card: Locator) -> Locator:
    """Return the card's phase label."""
    return card.locator(".header .phase")


def shown_seconds(card: Locator) -> int:
    """Return the time left the card shows, in seconds."""
    text = card.get_by_role("timer").inner_text().strip()
    seconds = 0
    for part in text.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def wait_for_shown(
    card: Locator, check: Callable[[int], bool], timeout: float = CHANGE_TIMEOUT_MS / 1000
) -> int:
    """Wait until the time the card shows passes a check; return it."""
    deadline = time.monotonic() + timeout
    while True:
        seconds = shown_seconds(card)
        if check(seconds):
            return seconds
        if time.monotonic() >= deadline:
            raise AssertionError(f"the card showed {seconds} s, which never passed the check")
        time.sleep(0.1)


def status(client: HomeAssistantClient) -> dict[str, object]:
    """Return the timer's status as the server reports it."""
    response = client.call_service("tomatoes", "status", return_response=True).response
    assert response is not None
    return response


def assert_clock_is_off(page: Page, error: timedelta) -> None:
    """Check that the page's wall clock is off by about ``error``."""
    browser_ms = page.evaluate("Date.now()")
    offset = browser_ms / 1000 - time.time()
    assert abs(offset - error.total_seconds()) < 5, offset


def assert_shows_server_time(card: Locator, client: HomeAssistantClient) -> None:
    """Check that the card shows the server's time left, within 2 seconds."""
    before = status(client)["remaining_seconds"]
    shown = shown_seconds(card)
    after = status(client)["remaining_seconds"]
    assert isinstance(before, int)
    assert isinstance(after, int)
    assert after - 2 <= shown <= before + 2, (before, shown, after)


def screenshot_folder(tmp_path: Path) -> Path:
    """Return where screenshots go: docs/images when asked for, else tmp_path."""
    if os.environ.get(SCREENSHOTS_ENV) == "1":
        folder = REPO / "docs" / "images"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path


def take_screenshots(
    browser: Browser, ha: HomeAssistantProcess, client: HomeAssistantClient, folder: Path
) -> None:
    """Photograph the card at desktop and phone width, light and dark."""
    for dark in (False, True):
        theme = "dark" if dark else "light"
        context = logged_in(browser, ha.browser_tokens(), dark=dark)
        page = context.new_page()
        card = open_card(page, ha, STORAGE_DASHBOARD)
        expect(phase_chip(card)).to_have_text("Focus")
        card.screenshot(path=folder / f"card-desktop-{theme}.png", animations="disabled")
        context.close()
        context = logged_in(browser, ha.browser_tokens(), width=390, height=844, dark=dark, scale=2)
        page = context.new_page()
        open_card(page, ha, STORAGE_DASHBOARD)
        page.screenshot(path=folder / f"card-phone-{theme}.png", animations="disabled")
        context.close()
    assert status(client)["phase"] == "focus"
