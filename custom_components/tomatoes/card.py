"""The Tomatoes dashboard card: served from the integration and loaded by every dashboard.

The card is one JavaScript module (``frontend/tomatoes-card.js``, built from the
repository's ``frontend/`` sources by ``scripts/build_card``). Home Assistant caches
static files for 31 days, so the URL carries the integration's version and a hash of
the file: an update reaches every browser at once. ``add_extra_js_url`` loads it on
every dashboard, storage or YAML, with no resource to add by hand.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Defined in http/__init__.py up to 2026.9, re-exported from http/server.py since.
from homeassistant.components.http import StaticPathConfig  # type: ignore[attr-defined, unused-ignore]
from homeassistant.core import HomeAssistant
from homeassistant.loader import async_get_integration
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

CARD_FILE = Path(__file__).parent / "frontend" / "tomatoes-card.js"
URL_BASE = f"/{DOMAIN}/frontend"

DATA_CARD_URL: HassKey[str] = HassKey(f"{DOMAIN}_card_url")


def card_url(version: str, content: bytes) -> str:
    """Return the card's URL for a version and the file's content."""
    digest = hashlib.sha256(content).hexdigest()[:16]
    return f"{URL_BASE}/tomatoes-card-{version}-{digest}.js"


async def async_register_card(hass: HomeAssistant) -> str:
    """Serve the card and add it to every dashboard; once per run, returns its URL."""
    if (url := hass.data.get(DATA_CARD_URL)) is not None:
        return url
    content = await hass.async_add_executor_job(CARD_FILE.read_bytes)
    integration = await async_get_integration(hass, DOMAIN)
    url = card_url(str(integration.version), content)
    hass.data[DATA_CARD_URL] = url
    await hass.http.async_register_static_paths(
        [StaticPathConfig(url, str(CARD_FILE), cache_headers=True)]
    )
    if "frontend" in hass.config.components:
        # Imported here: the frontend is an after-dependency, absent in minimal setups.
        from homeassistant.components.frontend import add_extra_js_url  # noqa: PLC0415

        add_extra_js_url(hass, url)
    return url
