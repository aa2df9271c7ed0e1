"""Which timer a spoken request means: by name, else the satellite's area, else the only one."""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er

from ..targeting import loaded_entries

if TYPE_CHECKING:
    from ..models import TomatoesConfigEntry

# Words people put around a timer's name ("the office timer", "le minuteur bureau").
TIMER_WORDS = ("timer", "minuteur", "temporizador", "pomodoro")

_NOT_A_WORD = re.compile(r"[\W_]+")


def normal(text: str) -> str:
    """Lower case, no punctuation, single spaces: how names are compared and matched."""
    return " ".join(_NOT_A_WORD.sub(" ", text.lower()).split())


def name_forms(title: str) -> set[str]:
    """Return the ways a timer's name may be said: in full, and without a word "timer"."""
    full = normal(title)
    forms = {full} if full else set()
    words = full.split()
    if len(words) > 1 and words[-1] in TIMER_WORDS:
        forms.add(" ".join(words[:-1]))
    if len(words) > 1 and words[0] in TIMER_WORDS:
        forms.add(" ".join(words[1:]))
    return forms


def mentioned_name(hass: HomeAssistant, text: str) -> str | None:
    """Return the title of the timer whose name a sentence says (the longest mention)."""
    said = f" {normal(text)} "
    best: tuple[int, str] | None = None
    for entry in loaded_entries(hass):
        for form in name_forms(entry.title):
            if f" {form} " in said and (best is None or len(form) > best[0]):
                best = (len(form), entry.title)
    return None if best is None else best[1]


@dataclass(frozen=True)
class Choice:
    """The timer a request means, or the timers it could mean (none when there are none)."""

    entry: TomatoesConfigEntry | None
    candidates: tuple[TomatoesConfigEntry, ...] = ()


def choose_timer(
    hass: HomeAssistant,
    name: str | None,
    *,
    satellite_id: str | None = None,
    device_id: str | None = None,
) -> Choice:
    """Choose the timer: by name, else in the satellite's area, else the only one.

    Without a single answer the candidates are returned and nothing is chosen.
    """
    entries = loaded_entries(hass)
    if name is not None:
        wanted = normal(name)
        named = [entry for entry in entries if wanted in name_forms(entry.title)]
        return Choice(named[0] if len(named) == 1 else None, tuple(named))
    if len(entries) == 1:
        return Choice(entries[0], tuple(entries))
    if (area_id := _satellite_area(hass, satellite_id, device_id)) is not None:
        in_area = [entry for entry in entries if _timer_area(hass, entry) == area_id]
        if len(in_area) == 1:
            return Choice(in_area[0], tuple(in_area))
        if in_area:
            return Choice(None, tuple(in_area))
    return Choice(None, tuple(entries))


def _satellite_area(
    hass: HomeAssistant, satellite_id: str | None, device_id: str | None
) -> str | None:
    """Return the area of the satellite (or device) that heard the request."""
    area_id: str | None = None
    if satellite_id is not None and (satellite := er.async_get(hass).async_get(satellite_id)):
        area_id = satellite.area_id
        device_id = satellite.device_id or device_id
    if (
        area_id is None
        and device_id is not None
        and (device := dr.async_get(hass).async_get(device_id))
    ):
        area_id = device.area_id
    return area_id


def _timer_area(hass: HomeAssistant, entry: TomatoesConfigEntry) -> str | None:
    """Return the area of a timer's device."""
    for device in dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id):
        if device.area_id is not None:
            return device.area_id
    return None
