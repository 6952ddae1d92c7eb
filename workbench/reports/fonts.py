"""The bundled DejaVu Sans family, registered once with reportlab and embedded (subset) in PDFs."""

from __future__ import annotations

import functools
import io
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


def _font_bytes(file_name: str) -> bytes:
    """Read a shipped font through importlib.resources (wheel, editable install or bundle)."""
    return (resources.files("resources") / "fonts" / file_name).read_bytes()


@functools.cache
def register() -> str:
    """Register the family (once; later calls are free) and return its name for styles.

    reportlab always embeds TrueType fonts as subsets, so only the glyphs used travel in a PDF.
    Characters DejaVu lacks (CJK, most emoji) are drawn as empty boxes, never an exception.
    """
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(_font_bytes(file_name))))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY
