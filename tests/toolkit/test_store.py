"""Stored data is checked on load: damaged data is set aside with a warning and an issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.toolkit.store import (
    DamagedDataError,
    Parsed,
    VersionedStore,
    _backup,
)

KEY = "tomatoes.test"


def _parse(raw: Any) -> Parsed[dict[str, int]]:
    """Keep the whole-number values; a non-mapping is damaged throughout."""
    if not isinstance(raw, dict):
        raise DamagedDataError("not a mapping")
    kept = {key: value for key, value in raw.items() if isinstance(value, int)}
    problems = [f"{key} is not a number" for key in raw if key not in kept]
    return Parsed(kept, problems)


def _stored(hass_storage: dict[str, Any], data: Any, version: int = 1, minor: int = 1) -> None:
    hass_storage[KEY] = {"version": version, "minor_version": minor, "key": KEY, "data": data}


def _issue(registry: ir.IssueRegistry) -> ir.IssueEntry | None:
    return registry.async_get_issue(DOMAIN, f"damaged_{KEY}")


async def test_good_data_loads_without_a_word(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _stored(hass_storage, {"a": 1})
    assert await VersionedStore(hass, KEY, _parse).async_load() == {"a": 1}
    assert _issue(issue_registry) is None
    assert "damaged" not in caplog.text
    assert await VersionedStore(hass, "tomatoes.none", _parse).async_load() is None


async def test_what_can_be_kept_is_kept_and_the_damage_is_reported_once(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _stored(hass_storage, {"a": 1, "b": "2.5"})
    assert await VersionedStore(hass, KEY, _parse).async_load() == {"a": 1}
    found = _issue(issue_registry)
    assert found is not None
    assert found.translation_key == "damaged_store"
    assert found.translation_placeholders["file"].endswith(f".storage/{KEY}")
    assert "b is not a number" in found.translation_placeholders["problems"]
    assert caplog.text.count("is damaged") == 1


@pytest.mark.parametrize(
    ("data", "version"),
    [
        (["not", "a", "mapping"], 1),
        ({"a": 1}, 2),  # written by a newer release
    ],
)
async def test_unusable_data_starts_afresh(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    data: Any,
    version: int,
) -> None:
    _stored(hass_storage, data, version=version)
    assert await VersionedStore(hass, KEY, _parse).async_load() is None
    assert _issue(issue_registry) is not None


async def test_a_damaged_cache_is_rebuilt_without_a_repair_issue(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _stored(hass_storage, "garbage")
    assert await VersionedStore(hass, KEY, _parse, cache=True).async_load() is None
    assert _issue(issue_registry) is None
    assert "is damaged" in caplog.text


async def test_minor_versions_migrate_step_by_step_and_newer_minors_are_read(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    _stored(hass_storage, {"a": 1}, minor=1)
    store = VersionedStore(
        hass,
        KEY,
        _parse,
        minor_version=3,
        migrations={2: lambda data: {**data, "b": 2}, 3: lambda data: {**data, "c": data["b"] + 1}},
    )
    assert await store.async_load() == {"a": 1, "b": 2, "c": 3}
    _stored(hass_storage, {"a": 1}, minor=9)
    assert await VersionedStore(hass, KEY, _parse).async_load() == {"a": 1}


async def test_saving_and_removing(
    hass: HomeAssistant, hass_storage: dict[str, Any], issue_registry: ir.IssueRegistry
) -> None:
    store = VersionedStore(hass, KEY, _parse)
    await store.async_save({"a": 5})
    assert hass_storage[KEY]["data"] == {"a": 5}
    _stored(hass_storage, "garbage")
    assert await store.async_load() is None
    assert _issue(issue_registry) is not None
    await store.async_remove()
    assert KEY not in hass_storage
    assert _issue(issue_registry) is None


def test_a_damaged_file_is_copied_before_it_is_replaced(tmp_path: Path) -> None:
    source = tmp_path / KEY
    source.write_text('{"broken": ')
    copy = _backup(str(source))
    assert copy == str(tmp_path / f"{KEY}.damaged")
    assert Path(copy).read_text() == '{"broken": '
    assert _backup(str(tmp_path / "missing")) is None
