"""The dashboard card: served by the integration at a versioned URL, loaded on every dashboard."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
import hashlib
from http import HTTPStatus
import json
from pathlib import Path
import re
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.tomatoes.const import DEFAULT_OPTIONS, DOMAIN

from .conftest import store

PACKAGE = Path(__file__).parents[1] / "custom_components" / "tomatoes"
CARD = PACKAGE / "frontend" / "tomatoes-card.js"
VERSION = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))["version"]
THIRTY_ONE_DAYS = 31 * 24 * 3600

type Fetch = Callable[[str], Coroutine[Any, Any, ClientResponse]]


def expected_url() -> str:
    """Return the URL the card must have: version and a hash of the shipped file."""
    digest = hashlib.sha256(CARD.read_bytes()).hexdigest()[:16]
    return f"/tomatoes/frontend/tomatoes-card-{VERSION}-{digest}.js"


def card_urls(page: str) -> set[str]:
    """Return the Tomatoes URLs a dashboard page loads."""
    return set(re.findall(r"/tomatoes/frontend/[^\"' ]+", page))


@pytest.fixture(autouse=True)
def onboarded(hass_storage: dict[str, Any]) -> None:
    """Store a finished onboarding, so the frontend serves dashboards, not the welcome."""
    store(hass_storage, "onboarding", {"done": ["user", "core_config", "analytics", "integration"]})
    hass_storage["onboarding"]["version"] = 4


@pytest.fixture
def fetch(hass_client: ClientSessionGenerator) -> Fetch:
    """Return a function that GETs a path from Home Assistant as a logged-in browser."""
    clients: list[TestClient] = []

    async def _fetch(path: str) -> ClientResponse:
        if not clients:  # HTTP is up only once the integration is set up
            clients.append(await hass_client())
        return await clients[0].get(path)

    return _fetch


async def async_add_timer(hass: HomeAssistant, entry_id: str, name: str) -> MockConfigEntry:
    """Add and set up a timer (on the real clock, which the access token needs)."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title=name,
        data={"name": name},
        options=dict(DEFAULT_OPTIONS),
        entry_id=entry_id,
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def test_every_dashboard_loads_the_card_from_a_versioned_url(
    hass: HomeAssistant, fetch: Fetch
) -> None:
    assert await async_setup_component(hass, "frontend", {})
    await async_add_timer(hass, "study_entry", "Study")
    url = expected_url()

    # The page every dashboard (storage or YAML) is served from imports the module.
    page = await (await fetch("/lovelace/0")).text()
    assert card_urls(page) == {url}

    response = await fetch(url)
    assert response.status == HTTPStatus.OK
    assert await response.read() == CARD.read_bytes()
    assert response.headers["Content-Type"].startswith(
        ("text/javascript", "application/javascript")
    )
    assert f"max-age={THIRTY_ONE_DAYS}" in response.headers["Cache-Control"]

    # Only the current build is served: a stale URL of another build does not answer.
    stale = url.replace(f"-{VERSION}-", "-0.0.1-")
    assert (await fetch(stale)).status == HTTPStatus.NOT_FOUND


async def test_registered_once_for_several_timers_and_across_reloads(
    hass: HomeAssistant, fetch: Fetch
) -> None:
    assert await async_setup_component(hass, "frontend", {})
    study = await async_add_timer(hass, "study_entry", "Study")
    await async_add_timer(hass, "office_entry", "Office")
    assert await hass.config_entries.async_reload(study.entry_id)
    await hass.async_block_till_done()

    page = await (await fetch("/lovelace/0")).text()
    assert card_urls(page) == {expected_url()}
    assert (await fetch(expected_url())).status == HTTPStatus.OK


async def test_served_without_the_frontend_too(hass: HomeAssistant, fetch: Fetch) -> None:
    """A minimal setup without the frontend still sets up the timer and serves the file."""
    await async_add_timer(hass, "study_entry", "Study")
    assert "frontend" not in hass.config.components
    response = await fetch(expected_url())
    assert response.status == HTTPStatus.OK
    assert await response.read() == CARD.read_bytes()
