"""The repair issue when media players could not fetch the sound from Home Assistant's URL."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.http import ApiConfig
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.sound.reachability import issue_id

from .conftest import async_set_up

ISSUE = issue_id("study_entry")
LAN = "http://192.168.1.10:8123"
# The settings under test; nothing binds to them.
EVERY_INTERFACE = "0.0.0.0"  # noqa: S104
UNSPECIFIED = EVERY_INTERFACE


async def listening(hass: HomeAssistant, host: str | None, local_ip: str = "") -> None:
    """Make Home Assistant's HTTP server listen on host, having found local_ip for itself.

    None: no HTTP server settings at all.
    """
    assert await async_setup_component(hass, "http", {})
    hass.config.api = None if host is None else ApiConfig(local_ip, host, 8123, use_ssl=False)


@pytest.fixture
def mock_config_entry(mock_config_entry: MockConfigEntry) -> MockConfigEntry:
    """The Study timer with a media player chosen for the sound."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=mock_config_entry.title,
        data=dict(mock_config_entry.data),
        options={**mock_config_entry.options, "sound_players": ["media_player.desk"]},
        entry_id=mock_config_entry.entry_id,
    )


async def test_no_url_at_all_raises_the_issue_and_a_url_clears_it(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    await listening(hass, None)
    await async_set_up(hass, mock_config_entry, freezer)

    issue = issue_registry.async_get_issue(DOMAIN, ISSUE)
    assert issue is not None
    assert issue.translation_key == "no_player_url"
    assert issue.translation_placeholders["timer"] == "Study"
    assert issue.learn_more_url == "homeassistant://config/network"

    await hass.config.async_update(internal_url=LAN)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE) is None


@pytest.mark.parametrize(
    ("host", "local_ip", "internal_url", "url"),
    [
        # Nothing set, and the address found is no address at all (seen on a machine
        # without a usable network).
        ("127.0.0.1", UNSPECIFIED, None, "http://0.0.0.0:8123"),
        # A loopback URL while Home Assistant listens on every interface.
        (EVERY_INTERFACE, "192.168.1.10", "http://127.0.0.1:8123", "http://127.0.0.1:8123"),
        (EVERY_INTERFACE, "192.168.1.10", "http://localhost:8123", "http://localhost:8123"),
    ],
)
async def test_a_url_only_this_machine_reaches_raises_the_issue(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    host: str,
    local_ip: str,
    internal_url: str | None,
    url: str,
) -> None:
    await listening(hass, host, local_ip)
    await hass.config.async_update(internal_url=internal_url)
    await async_set_up(hass, mock_config_entry, freezer)

    issue = issue_registry.async_get_issue(DOMAIN, ISSUE)
    assert issue is not None
    assert issue.translation_key == "local_player_url"
    assert issue.translation_placeholders == {"timer": "Study", "url": url}

    await hass.config.async_update(internal_url=LAN)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE) is None


@pytest.mark.parametrize(
    ("host", "local_ip", "internal_url"),
    [
        # Home Assistant's own fallback: the address it found on the network.
        (EVERY_INTERFACE, "192.168.1.10", None),
        # Listening on loopback only (the development instance): only local players exist.
        ("127.0.0.1", "127.0.0.1", "http://127.0.0.1:8123"),
        (EVERY_INTERFACE, "192.168.1.10", "http://homeassistant.local:8123"),
    ],
)
async def test_a_reachable_url_raises_nothing(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    host: str,
    local_ip: str,
    internal_url: str | None,
) -> None:
    await listening(hass, host, local_ip)
    await hass.config.async_update(internal_url=internal_url)
    await async_set_up(hass, mock_config_entry, freezer)
    assert issue_registry.async_get_issue(DOMAIN, ISSUE) is None


async def test_a_timer_without_players_raises_nothing_and_unloading_clears_the_issue(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    await listening(hass, None)
    await async_set_up(hass, mock_config_entry, freezer)
    assert issue_registry.async_get_issue(DOMAIN, ISSUE) is not None

    hass.config_entries.async_update_entry(
        mock_config_entry, options={**mock_config_entry.options, "sound_players": []}
    )
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE) is None

    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, "sound_players": ["media_player.desk"]},
    )
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE) is not None
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    assert issue_registry.async_get_issue(DOMAIN, ISSUE) is None
