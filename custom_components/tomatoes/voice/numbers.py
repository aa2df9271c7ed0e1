"""Minutes as people say them: digits or words ("10", "ten", "zehn", "quarante-cinq")."""

from __future__ import annotations

from functools import cache

from homeassistant.core import HomeAssistant
from unicode_rbnf import RbnfEngine

from .choose import normal

# Numbers said in words are looked up up to here; larger ones arrive as digits.
MAX_SPOKEN = 240


@cache
def number_words(language: str) -> dict[str, int]:
    """Return {words: number} for 1 to MAX_SPOKEN in a language (reads data files)."""
    engine = RbnfEngine.for_language(language)
    words: dict[str, int] = {}
    for number in range(MAX_SPOKEN, 0, -1):
        for text in engine.format_number(number).text_by_ruleset.values():
            words[normal(text)] = number
    return words


async def async_parse_minutes(hass: HomeAssistant, text: str, language: str) -> int | None:
    """Read a number of minutes from the words of a sentence's ``{minutes}`` wildcard.

    Leading words that are not part of the number ("a 10", "eine zehn") are skipped.
    """
    tokens = normal(text).split()
    tails = [" ".join(tokens[start:]) for start in range(len(tokens))]
    for tail in tails:
        if tail.isdigit():
            return int(tail)
    words = await hass.async_add_executor_job(number_words, language)
    for tail in tails:
        if (number := words.get(tail)) is not None:
            return number
    return None
