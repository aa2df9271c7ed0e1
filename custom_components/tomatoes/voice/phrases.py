"""The languages Tomatoes speaks, and which one answers a request."""

from __future__ import annotations

from . import de, en, es, fr, nl
from .language import Language

LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (en.LANGUAGE, de.LANGUAGE, fr.LANGUAGE, es.LANGUAGE, nl.LANGUAGE)
}


def language_for(code: str | None) -> Language:
    """Return the language of a request ("de-CH" speaks German); English when we lack it."""
    base = (code or "").lower().replace("_", "-").split("-")[0]
    return LANGUAGES.get(base, LANGUAGES["en"])
