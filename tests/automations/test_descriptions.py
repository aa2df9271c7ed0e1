"""What the automation editor shows: descriptions, translations and icons match the code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import yaml

from custom_components.tomatoes.automations.kinds import (
    CONDITION_OPTIONS,
    TRIGGER_OPTIONS,
    OptionField,
)

PACKAGE = Path(__file__).parents[2] / "custom_components" / "tomatoes"
TARGET = {"entity": [{"integration": "tomatoes"}], "device": [{"integration": "tomatoes"}]}


def descriptions(name: str) -> dict[str, Any]:
    """Return triggers.yaml or conditions.yaml without its anchors."""
    loaded: dict[str, Any] = yaml.safe_load((PACKAGE / name).read_text())
    return {key: value for key, value in loaded.items() if not key.startswith(".")}


def strings() -> dict[str, Any]:
    """Return strings.json."""
    loaded: dict[str, Any] = json.loads((PACKAGE / "strings.json").read_text())
    return loaded


def check_field(field: OptionField, described: dict[str, Any]) -> None:
    """Check one field of a description against the code's option."""
    assert described["default"] == field.default
    selector = described["selector"]
    if field.choices:
        assert selector["select"]["options"] == list(field.choices)
        assert selector["select"]["translation_key"] == f"automation_{field.key}"
    else:
        assert (selector["number"]["min"], selector["number"]["max"]) == (0, field.maximum)


@pytest.mark.parametrize(
    ("file", "section", "options"),
    [
        ("triggers.yaml", "triggers", TRIGGER_OPTIONS),
        ("conditions.yaml", "conditions", CONDITION_OPTIONS),
    ],
)
def test_descriptions_and_translations_match_the_code(
    file: str, section: str, options: dict[Any, tuple[OptionField, ...]]
) -> None:
    described = descriptions(file)
    translated = strings()[section]
    icons = json.loads((PACKAGE / "icons.json").read_text())[section]
    device = strings()["device_automation"]
    kinds = [str(kind) for kind in options]
    assert list(described) == kinds
    assert list(translated) == kinds
    assert list(icons) == kinds
    assert list(device[f"{section[:-1]}_type"]) == kinds
    for kind, fields in options.items():
        assert described[kind]["target"] == TARGET
        keys = [field.key for field in fields]
        assert list(described[kind].get("fields", {})) == keys
        assert list(translated[kind].get("fields", {})) == keys
        assert translated[kind]["name"]
        assert translated[kind]["description"]
        for field in fields:
            check_field(field, described[kind]["fields"][field.key])
            assert field.key in device["extra_fields"]
            if field.choices:
                selector = strings()["selector"][f"automation_{field.key}"]["options"]
                assert list(selector) == list(field.choices)


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("kind", ["trigger", "condition"])
async def test_the_editor_offers_them(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, kind: str
) -> None:
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": f"{kind}_platforms/subscribe"})
    answer = await client.receive_json()
    assert answer["success"], answer
    offered: dict[str, Any] = {}
    while not any(key.startswith("tomatoes.") for key in offered):
        event = await client.receive_json()
        offered.update(event["event"])
    ours = {key: value for key, value in offered.items() if key.startswith("tomatoes.")}
    expected = descriptions(f"{kind}s.yaml")
    assert sorted(ours) == sorted(f"tomatoes.{key}" for key in expected)
    minutes_left = ours.get("tomatoes.minutes_left") or ours["tomatoes.is_paused"]
    assert minutes_left["target"] == TARGET
    assert minutes_left["fields"]
