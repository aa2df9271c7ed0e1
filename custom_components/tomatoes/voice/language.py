"""What one language brings to voice control: sentence templates, answers and their units.

Each language module (en.py, de.py, ...) holds one ``Language``. Sentence templates use
hassil's syntax (``(a|b)`` alternatives, ``[a]`` optional words, ``{minutes}`` and
``{task}`` wildcards) plus our own ``<macro>`` words, expanded here before Home Assistant
sees them; ``<names>`` stands for the names of the Tomatoes timers that are loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import re

_MACRO = re.compile(r"<(\w+)>")

type Plural = tuple[str, str]
"""A word or sentence in its singular and plural form (one, other)."""

type SentenceSpec = str | tuple[str, Mapping[str, str | bool]]
"""A template, or a template with slot values it always carries (a mode, a long break)."""


@dataclass(frozen=True, kw_only=True)
class Language:
    """The sentences, answers and units of one language."""

    code: str
    macros: Mapping[str, str]
    sentences: Mapping[str, tuple[SentenceSpec, ...]]
    answers: Mapping[str, str | Plural]
    minute: Plural
    block: Plural
    less_than_a_minute: str
    or_word: str
    singular_zero: bool = False

    def plural(self, count: int, forms: Plural) -> str:
        """Pick the form of a word or sentence for a count."""
        singular = count == 1 or (self.singular_zero and count == 0)
        return forms[0] if singular else forms[1]

    def minutes(self, seconds: float) -> tuple[str, int]:
        """Say a duration in whole minutes; return the words and the count they agree with."""
        if seconds < 60:  # noqa: PLR2004 (a minute)
            return self.less_than_a_minute, 1
        count = round(seconds / 60)
        return f"{count} {self.plural(count, self.minute)}", count

    def blocks(self, count: int) -> str:
        """Say a number of focus blocks."""
        return f"{count} {self.plural(count, self.block)}"

    def either(self, names: list[str]) -> str:
        """Join names as a choice: "Office, Study or Studio"."""
        if len(names) < 2:  # noqa: PLR2004 (a choice needs two)
            return "".join(names)
        return f"{', '.join(names[:-1])} {self.or_word} {names[-1]}"

    def say(self, key: str, count: int = 1, /, **values: str) -> str:
        """Render an answer, choosing its singular or plural form by ``count``."""
        answer = self.answers[key]
        text = answer if isinstance(answer, str) else self.plural(count, answer)
        return text.format(**values)

    def expand(self, template: str, names: str) -> str:
        """Replace the macros of a template (recursively); ``names`` fills ``<names>``."""
        macros = {**self.macros, "names": names}
        for _ in range(8):
            expanded = _MACRO.sub(lambda match: macros[match.group(1)], template)
            if expanded == template:
                return expanded
            template = expanded
        raise ValueError(f"macros nest too deeply in {template!r}")
