"""The languages Tomatoes speaks, and which one answers a request."""

from __future__ import annotations

from . import de, en, es, fr, nl
from .language import Language

LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (en.LANGUAGE, de.LANGUAGE, fr.LANGUAGE, es.LANGUAGE, nl.LANGUAGE)
}


def base_language(code: str) -> str:
    """Return a language code without its region or script ("de-CH" and "de_CH" are "de")."""
    return code.lower().replace("_", "-").split("-")[0]


def language_for(code: str | None) -> Language:
    """Return the language of a request ("de-CH" speaks German); English when we lack it."""
    return LANGUAGES.get(base_language(code or ""), LANGUAGES["en"])
