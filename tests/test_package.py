"""What ships with the integration: manifest, HACS file, actions, translations and icons."""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

import homeassistant
from homeassistant.core import HomeAssistant
from packaging.requirements import Requirement
import pytest
import yaml

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "custom_components" / "tomatoes"
LANGUAGES = ("en", "de", "fr", "es", "nl")


def load(path: Path) -> Any:
    """Read a JSON file of the package."""
    return json.loads(path.read_text(encoding="utf-8"))


def test_mutagen_requirement_fits_the_installed_home_assistant() -> None:
    constraints = Path(homeassistant.__file__).parent / "package_constraints.txt"
    pins = dict(
        line.split("==", 1)
        for line in constraints.read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    manifest = load(PACKAGE / "manifest.json")
    (requirement,) = (Requirement(r) for r in manifest["requirements"])
    assert requirement.name == "mutagen"
    assert requirement.specifier.contains(pins["mutagen"].strip())
    # Both versions core has pinned since our minimum release must fit.
    assert requirement.specifier.contains("1.47.0")
    assert requirement.specifier.contains("1.48.1")


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a key given twice (json would keep only the last)."""
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"duplicate keys in {keys}"
    return dict(pairs)


@pytest.mark.parametrize(
    "path",
    [
        PACKAGE / "manifest.json",
        PACKAGE / "strings.json",
        PACKAGE / "icons.json",
        *sorted((PACKAGE / "translations").glob("*.json")),
        ROOT / "hacs.json",
    ],
    ids=lambda path: path.name,
)
def test_json_files_have_no_duplicate_keys(path: Path) -> None:
    json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicate_keys)


def test_manifest_and_hacs() -> None:
    manifest = load(PACKAGE / "manifest.json")
    assert manifest["dependencies"] == ["http"]
    assert manifest["after_dependencies"] == ["frontend", "light", "logbook", "media_source"]
    assert manifest["domain"] == "tomatoes"
    assert manifest["config_flow"] is True
    assert manifest["integration_type"] == "device"
    assert manifest["iot_class"] == "calculated"
    assert manifest["documentation"].startswith("https://")
    assert manifest["issue_tracker"].startswith("https://")
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["version"])
    hacs = load(ROOT / "hacs.json")
    assert hacs["homeassistant"] == "2026.3.0"


def test_strings_and_english_translation_are_the_same() -> None:
    assert load(PACKAGE / "strings.json") == load(PACKAGE / "translations" / "en.json")


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Return {dotted key: text} of a translation tree."""
    flat: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_translations_are_complete(language: str) -> None:
    english = flatten(load(PACKAGE / "translations" / "en.json"))
    other = flatten(load(PACKAGE / "translations" / f"{language}.json"))
    assert set(other) == set(english)
    for key, text in english.items():
        assert set(re.findall(r"{\w+}", other[key])) == set(re.findall(r"{\w+}", text)), key


async def test_every_action_is_described_translated_and_has_an_icon(
    hass: HomeAssistant, init_integration: Any
) -> None:
    registered = set(hass.services.async_services_for_domain("tomatoes"))
    described = set(yaml.safe_load((PACKAGE / "services.yaml").read_text()))
    translated = set(load(PACKAGE / "strings.json")["services"])
    icons = set(load(PACKAGE / "icons.json")["services"])
    assert registered == described == translated == icons


def test_exception_keys_used_in_code_are_translated() -> None:
    source = "\n".join(p.read_text() for p in PACKAGE.glob("*.py"))
    used = set(re.findall(r'(?:_error|InvalidOperationError)\("(\w+)"', source))
    used |= set(re.findall(r'errors?\[?\w*\]? = "(\w+)"', source))
    exceptions = set(load(PACKAGE / "strings.json")["exceptions"])
    assert used
    assert used <= exceptions
