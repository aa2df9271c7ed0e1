"""Copies the bundled blueprints into config/blueprints/automation/tomatoes, once.

Home Assistant has no way for an integration to offer blueprints, so they are copied
where the blueprint editor finds them. A copy is ours only while nobody changed it:
a later version replaces a copy that is still exactly what Tomatoes wrote, never one
that was edited (or re-imported), and a copy someone deleted stays deleted. What was
written is remembered (file name and SHA-256) in the Store ``tomatoes.blueprints``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import hashlib
import logging
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util.file import write_utf8_file

from ..const import DOMAIN

_LOGGER = logging.getLogger(__name__)

BUNDLED = Path(__file__).parent / "blueprints"
STORE_KEY = f"{DOMAIN}.blueprints"
STORE_VERSION = 1


@dataclass
class CopyResult:
    """What a copy pass did: the digests now on record, and the files it wrote."""

    written: dict[str, str]
    copied: list[str] = field(default_factory=list)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def copy_blueprints(source: Path, folder: Path, written: dict[str, str]) -> CopyResult:
    """Copy each bundled blueprint that is missing or still as we wrote it (executor only)."""
    result = CopyResult(dict(written))
    for bundled in sorted(source.glob("*.yaml")):
        content = bundled.read_bytes()
        digest = _digest(content)
        target = folder / bundled.name
        if target.exists():
            current = _digest(target.read_bytes())
            if current == digest:
                result.written[bundled.name] = digest
                continue
            if written.get(bundled.name) != current:
                continue  # edited, re-imported or someone else's file: theirs now
        elif bundled.name in written:
            continue  # deleted after we copied it: stays deleted
        folder.mkdir(parents=True, exist_ok=True)
        write_utf8_file(str(target), content.decode("utf-8"))
        result.written[bundled.name] = digest
        result.copied.append(bundled.name)
    return result


async def async_install_blueprints(hass: HomeAssistant) -> None:
    """Copy the blueprints in the executor; a read-only config folder only logs a warning."""
    store: Store[dict[str, Any]] = Store(hass, STORE_VERSION, STORE_KEY)
    written: dict[str, str] = dict((await store.async_load() or {}).get("written", {}))
    folder = Path(hass.config.path("blueprints", "automation", DOMAIN))
    try:
        result = await hass.async_add_executor_job(copy_blueprints, BUNDLED, folder, written)
    except OSError as err:
        _LOGGER.warning("Could not copy the Tomatoes blueprints to %s: %s", folder, err)
        return
    if result.copied:
        _LOGGER.info("Copied the Tomatoes blueprints %s to %s", ", ".join(result.copied), folder)
    if result.written != written:
        await store.async_save({"written": result.written})
