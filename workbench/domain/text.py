"""Text folding shared by search and display: case- and accent-insensitive keys."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Casefolded text without combining marks, so 'Éva' matches 'eva' and 'ΕΛΕΝΗ' 'ελενη'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
