"""From presets to modes: a timer's config entry moves from version 1 to version 2.

Version 1 had a preset select that showed which preset the four durations matched, or
"custom". Version 2 has modes. The move keeps what the person chose:
- the entry option ``mode`` names the preset the durations matched; a timer whose durations
  matched none gets a mode of its own, named after its rhythm as the presets were (focus,
  short and long break minutes, long break every) and holding all its current values, so it
  shows as exactly that mode;
- the select's registry entry moves from the unique id ``<entry>_preset`` to
  ``<entry>_mode``: it keeps its entity id, and with it its history, and any name, icon or
  area the person gave it.
Nothing else changes: the durations, the sound and the lights stay as they were.
"""

from __future__ import annotations

import logging
from types import MappingProxyType
from typing import Any, Final

from homeassistant.components.select import DOMAIN as SELECT_DOMAIN
from homeassistant.config_entries import ConfigEntry, ConfigSubentry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er

from ..const import CONF_MODE
from .catalogue import SUBENTRY_MODE, builtin_for_rhythm, current_bundle, rhythm_name

_LOGGER = logging.getLogger(__name__)

ENTRY_VERSION: Final = 2
"""The config entry version of timers with modes (1: presets)."""


async def async_migrate_to_modes(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Move a version 1 entry to modes; refuse an entry of a newer release (a downgrade).

    Home Assistant refuses a newer entry itself from 2026.10 on; 2026.3 asks here.
    """
    if entry.version > ENTRY_VERSION:
        _LOGGER.error(
            "%s was saved by a newer release of Tomatoes (version %s); update Tomatoes again",
            entry.title,
            entry.version,
        )
        return False
    if entry.version == 1:
        await _async_move_select(hass, entry)
        options = dict(entry.options)
        if CONF_MODE not in options:
            options[CONF_MODE] = _mode_of(hass, entry)
        hass.config_entries.async_update_entry(
            entry, options=options, version=ENTRY_VERSION, minor_version=1
        )
        _LOGGER.debug("%s moved from presets to modes (mode %s)", entry.title, options[CONF_MODE])
    return True


def _mode_of(hass: HomeAssistant, entry: ConfigEntry) -> str:
    """Return the mode a version 1 timer is in, adding one of its own for custom durations."""
    if (key := builtin_for_rhythm(entry.options)) is not None:
        return key
    bundle = current_bundle(entry.options)
    subentry = ConfigSubentry(
        data=MappingProxyType(bundle.as_options()),
        subentry_type=SUBENTRY_MODE,
        title=rhythm_name(bundle),
        unique_id=None,
    )
    hass.config_entries.async_add_subentry(entry, subentry)
    return subentry.subentry_id


async def _async_move_select(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Give the preset select's registry entry the mode select's unique id."""
    old, new = f"{entry.entry_id}_preset", f"{entry.entry_id}_mode"

    @callback
    def move(entity: er.RegistryEntry) -> dict[str, Any] | None:
        if entity.domain == SELECT_DOMAIN and entity.unique_id == old:
            return {"new_unique_id": new}
        return None

    if er.async_get(hass).async_get_entity_id(SELECT_DOMAIN, entry.domain, new) is None:
        await er.async_migrate_entries(hass, entry.entry_id, move)
