"""Text folding shared by search and display: case- and accent-insensitive keys."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Casefolded text without combining marks, so 'Éva' matches 'eva' and 'ΕΛΕΝΗ' 'ελενη'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_words(text: str) -> tuple[str, ...]:
    """The folded words of a search query."""
    return tuple(_WORD.findall(fold(text)))


def excerpt(body: str, words: tuple[str, ...], width: int = 120) -> str:
    """A short window of *body* around the first searched word (its start if none is found)."""
    lowered = body.casefold()
    positions = [p for p in (lowered.find(w) for w in words) if p >= 0]
    if not positions and words:
        # Accents differ between query and text: fold (slower); positions are then approximate.
        folded = fold(body)
        positions = [p for p in (folded.find(w) for w in words) if p >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    snippet = " ".join(body[start : start + width].split())
    return ("…" if start else "") + snippet + ("…" if start + width < len(body) else "")
