"""Case- and accent-folded text with a map back to the original positions."""

from __future__ import annotations

import unicodedata


def fold_term(text: str) -> str:
    """'Gdańsk' -> 'gdansk': casefolded, combining marks dropped (as the matcher sees it)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its original character.

    The map has one extra entry (len(text)) so that a match ending at the folded text's end
    maps to the original's end.
    """
    if text.isascii():
        return text.lower(), [*range(len(text) + 1)]
    out: list[str] = []
    where: list[int] = []
    for index, ch in enumerate(text):
        folded = fold_term(ch) if not ch.isascii() else ch.lower()
        out.append(folded)
        where.extend([index] * len(folded))
    where.append(len(text))
    return "".join(out), where
