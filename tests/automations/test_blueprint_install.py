"""The blueprints are copied into config/blueprints/automation/tomatoes once, never over an edit."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.tomatoes.automations.install import BUNDLED, async_install_blueprints

from ..conftest import async_set_up

REPOSITORY = Path(__file__).parents[2] / "blueprints" / "automation" / "tomatoes"
NAMES = sorted(path.name for path in BUNDLED.glob("*.yaml"))


def folder(hass: HomeAssistant) -> Path:
    """Return where the blueprint editor finds Tomatoes' blueprints."""
    return Path(hass.config.path("blueprints", "automation", "tomatoes"))


def test_the_integration_ships_the_repository_blueprints() -> None:
    assert sorted(path.name for path in REPOSITORY.glob("*.yaml")) == NAMES
    assert len(NAMES) == 5
    for name in NAMES:
        assert (BUNDLED / name).read_bytes() == (REPOSITORY / name).read_bytes(), name


@pytest.mark.usefixtures("init_integration")
async def test_setup_copies_every_blueprint(hass: HomeAssistant) -> None:
    assert sorted(path.name for path in folder(hass).iterdir()) == NAMES
    for name in NAMES:
        assert (folder(hass) / name).read_bytes() == (BUNDLED / name).read_bytes()


@pytest.mark.usefixtures("init_integration")
async def test_edits_and_deletions_are_kept_and_untouched_copies_are_updated(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    edited = folder(hass) / "focus_guard.yaml"
    edited.write_text(edited.read_text() + "# my change\n")
    (folder(hass) / "practice_drills.yaml").unlink()
    # An older version that Tomatoes wrote and nobody touched.
    old = b"blueprint:\n  name: an older version\n"
    (folder(hass) / "announce_breaks.yaml").write_bytes(old)
    written = hass_storage["tomatoes.blueprints"]["data"]["written"]
    written["announce_breaks.yaml"] = hashlib.sha256(old).hexdigest()

    await async_install_blueprints(hass)

    assert edited.read_text().endswith("# my change\n")
    assert not (folder(hass) / "practice_drills.yaml").exists()
    assert (folder(hass) / "announce_breaks.yaml").read_bytes() == (
        BUNDLED / "announce_breaks.yaml"
    ).read_bytes()


async def test_a_file_of_the_same_name_that_we_did_not_write_is_left_alone(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    folder(hass).mkdir(parents=True)
    mine = folder(hass) / "focus_guard.yaml"
    mine.write_text("blueprint: mine\n")
    await async_set_up(hass, mock_config_entry, freezer)
    assert mine.read_text() == "blueprint: mine\n"
    assert sorted(path.name for path in folder(hass).iterdir()) == NAMES


async def test_a_config_folder_that_cannot_take_them_only_warns(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder(hass).parent.mkdir(parents=True)
    folder(hass).write_text("not a folder")
    await async_set_up(hass, mock_config_entry, freezer)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert "Could not copy the Tomatoes blueprints" in caplog.text
