"""Whether a timer's media players can fetch the sound: a repair issue when they cannot.

Players fetch the library's files from the URL Home Assistant hands them (``get_url``): the
internal URL, else the external one, else the address Home Assistant found for itself. A
player elsewhere on the network cannot reach a loopback address (127.0.0.1, localhost), nor
the unspecified one (0.0.0.0, ``::``) that a machine without a usable network address ends up
with. While a timer has players and Home Assistant has no other URL, a repair issue says so;
it clears itself once a URL is set (Settings > System > Network) or the players are removed.
A loopback URL is fine where Home Assistant listens on loopback only: every player that can
reach it at all is then on the same machine.
"""

from __future__ import annotations

from ipaddress import ip_address

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.network import NoURLAvailableError, get_url
import yarl

from ..const import DOMAIN
from .options import SoundOptions

NO_URL = "no_player_url"
"""Translation key of the issue when Home Assistant has no URL at all."""

LOCAL_URL = "local_player_url"
"""Translation key of the issue when its only URL points at this machine or nowhere."""

NETWORK_SETTINGS = "homeassistant://config/network"


def issue_id(entry_id: str) -> str:
    """Return the id of the repair issue about one timer's players and the URL."""
    return f"player_url_{entry_id}"


def _address(host: str) -> tuple[bool, bool]:
    """Return (loopback, unspecified) for a URL's host; a host name is neither."""
    if host.casefold() == "localhost":
        return True, False
    try:
        address = ip_address(host)
    except ValueError:
        return False, False
    return address.is_loopback, address.is_unspecified


def _listens_on_loopback_only(hass: HomeAssistant) -> bool:
    """Return whether Home Assistant's HTTP server is bound to a loopback address only."""
    api = hass.config.api
    return api is not None and _address(str(api.host))[0]


def unreachable_url(hass: HomeAssistant) -> str | None:
    """Return the URL players would get when a player elsewhere cannot use it ("" for none).

    None means the URL is one a player can reach.
    """
    try:
        url = get_url(hass)
    except NoURLAvailableError:
        return ""
    loopback, unspecified = _address(yarl.URL(url).host or "")
    if unspecified or (loopback and not _listens_on_loopback_only(hass)):
        return url
    return None


@callback
def async_check_player_url(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Raise the timer's issue while it has players and no reachable URL; clear it otherwise."""
    players = SoundOptions.from_options(entry.options).players
    url = unreachable_url(hass) if players else None
    if url is None:
        ir.async_delete_issue(hass, DOMAIN, issue_id(entry.entry_id))
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id(entry.entry_id),
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        learn_more_url=NETWORK_SETTINGS,
        translation_key=LOCAL_URL if url else NO_URL,
        translation_placeholders={"timer": entry.title, "url": url},
    )


@callback
def async_watch_player_url(hass: HomeAssistant, entry: ConfigEntry) -> CALLBACK_TYPE:
    """Check now and whenever Home Assistant's URLs change; return a callback that stops.

    Stopping (the entry unloads) also clears the issue: a timer that is not loaded plays
    nothing.
    """
    async_check_player_url(hass, entry)

    @callback
    def _async_core_config_changed(event: Event) -> None:
        async_check_player_url(hass, entry)

    unsubscribe = hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, _async_core_config_changed)

    @callback
    def _async_stop() -> None:
        unsubscribe()
        ir.async_delete_issue(hass, DOMAIN, issue_id(entry.entry_id))

    return _async_stop
