"""A versioned Store that checks what it loads: damaged data is set aside, never fatal.

Everything Tomatoes keeps (a timer's session, the players and lights an effect holds,
the library's scan cache) goes through `VersionedStore`. Loading hands the raw data to a
``parse`` function that returns the value and the list of problems it had to repair
(what it could not keep), or raises when nothing can be kept. Problems are reported once:
a warning, a copy of the damaged file next to it (``<file>.damaged``), and, unless the data
is a disposable cache, a repair issue that names the file. A file written by a newer
release (after a downgrade) counts as damaged. Minor versions migrate step by step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
import logging
from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
import voluptuous as vol

from ..const import DOMAIN

_LOGGER = logging.getLogger(__name__)

MAX_PROBLEMS_SHOWN = 5
"""How many problems a warning and a repair issue list (the rest are counted)."""


class DamagedDataError(Exception):
    """Stored data that cannot be used at all."""


DAMAGE_ERRORS = (DamagedDataError, KeyError, TypeError, ValueError, AttributeError, vol.Invalid)
"""What a ``parse`` function may raise when nothing of the data can be kept."""


@dataclass(slots=True)
class Parsed[T]:
    """A parsed value, and what had to be dropped or repaired to get it."""

    value: T
    problems: list[str] = field(default_factory=list)


type Migration = Callable[[dict[str, Any]], dict[str, Any]]


class _MigratingStore(Store[dict[str, Any]]):
    """A Store that migrates minor versions with the functions it was given."""

    def __init__(
        self,
        hass: HomeAssistant,
        version: int,
        key: str,
        *,
        minor_version: int,
        migrations: Mapping[int, Migration],
        serialize_in_event_loop: bool,
    ) -> None:
        super().__init__(
            hass,
            version,
            key,
            minor_version=minor_version,
            serialize_in_event_loop=serialize_in_event_loop,
        )
        self._migrations = migrations

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        if old_major_version != self.version:
            raise DamagedDataError(f"version {old_major_version} cannot be read")
        data = old_data
        for minor in range(old_minor_version + 1, self.minor_version + 1):
            if (migrate := self._migrations.get(minor)) is not None:
                data = migrate(data)
        return data  # a newer minor version is readable as it is


class VersionedStore[T]:
    """The stored data of one thing Tomatoes keeps, checked on load."""

    def __init__(
        self,
        hass: HomeAssistant,
        key: str,
        parse: Callable[[Any], Parsed[T]],
        *,
        version: int = 1,
        minor_version: int = 1,
        migrations: Mapping[int, Migration] | None = None,
        cache: bool = False,
        serialize_in_event_loop: bool = True,
        parse_in_executor: bool = False,
    ) -> None:
        """Keep data under ``.storage/<key>``; ``cache`` data is rebuilt without a repair.

        Large data (the library's scan cache) is serialised and parsed in the executor.
        """
        self.hass = hass
        self.key = key
        self._parse = parse
        self._cache = cache
        self._parse_in_executor = parse_in_executor
        self._store = _MigratingStore(
            hass,
            version,
            key,
            minor_version=minor_version,
            migrations=migrations or {},
            serialize_in_event_loop=serialize_in_event_loop,
        )

    @property
    def path(self) -> str:
        """Return the file the data is kept in."""
        return self.hass.config.path(".storage", self.key)

    @property
    def issue_id(self) -> str:
        """Return the id of the repair issue raised when this data was damaged."""
        return f"damaged_{self.key}"

    async def async_load(self) -> T | None:
        """Return the stored value (repaired where needed), or None when nothing is kept."""
        try:
            raw = await self._store.async_load()
        except Exception as err:  # noqa: BLE001 - damaged files must never stop a set-up
            await self._async_damaged([f"unreadable: {err or type(err).__name__}"], kept=False)
            return None
        if raw is None:
            return None
        try:
            if self._parse_in_executor:
                parsed = await self.hass.async_add_executor_job(self._parse, raw)
            else:
                parsed = self._parse(raw)
        except DAMAGE_ERRORS as err:
            await self._async_damaged([_describe(err)], kept=False)
            return None
        if parsed.problems:
            await self._async_damaged(parsed.problems, kept=True)
        return parsed.value

    async def async_save(self, data: dict[str, Any]) -> None:
        """Save data now (and wait until it is written)."""
        await self._store.async_save(data)

    @callback
    def async_delay_save(self, data: Callable[[], dict[str, Any]], delay: float = 0) -> None:
        """Save what ``data`` returns after ``delay`` seconds (several calls save once)."""
        self._store.async_delay_save(data, delay)

    async def async_remove(self) -> None:
        """Delete the stored data and the repair issue about it."""
        ir.async_delete_issue(self.hass, DOMAIN, self.issue_id)
        await self._store.async_remove()

    async def _async_damaged(self, problems: list[str], *, kept: bool) -> None:
        """Report damaged data once: a warning, a copy of the file and (not for caches) an issue."""
        backup = await self.hass.async_add_executor_job(_backup, self.path)
        shown = "; ".join(problems[:MAX_PROBLEMS_SHOWN])
        if len(problems) > MAX_PROBLEMS_SHOWN:
            shown += f" (and {len(problems) - MAX_PROBLEMS_SHOWN} more)"
        _LOGGER.warning(
            "%s is damaged (%s); %s%s",
            self.path,
            shown,
            "the rest was kept" if kept else "starting afresh",
            f"; a copy of the damaged file is in {backup}" if backup else "",
        )
        if self._cache:
            return
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            self.issue_id,
            is_fixable=False,
            is_persistent=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key="damaged_store",
            translation_placeholders={
                "file": self.path,
                "problems": shown,
                "backup": backup or "-",
            },
        )


def _describe(err: BaseException) -> str:
    if isinstance(err, KeyError):
        return f"missing {err}"
    return str(err) or type(err).__name__


def _backup(path: str) -> str | None:
    """Copy a damaged file next to itself (blocking); return the copy's path."""
    source = Path(path)
    if not source.is_file():
        return None
    target = source.with_name(f"{source.name}.damaged")
    try:
        shutil.copyfile(source, target)
    except OSError:
        return None
    return str(target)
