"""The shared look of every PDF: page geometry, palette, paragraph styles, tables and escaping."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from workbench.reports import fonts

# Page geometry (points). The header and footer are drawn inside the top and bottom margins.
PAGE_SIZE: tuple[float, float] = A4
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_TOP_WITH_BANNER = 29 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

# Palette: calm slate and blue; deep red on pale rose only for risk; never green for "safe".
INK: Color = HexColor("#1F2933")
MUTED: Color = HexColor("#5B6675")
RULE: Color = HexColor("#C8D0D9")
ACCENT: Color = HexColor("#2C5282")
ACCENT_PALE: Color = HexColor("#E9EFF6")
ZEBRA: Color = HexColor("#F6F8FA")
WHITE: Color = HexColor("#FFFFFF")
RISK_INK: Color = HexColor("#8B1E1E")
RISK_PALE: Color = HexColor("#FBEDED")
RISK_RULE: Color = HexColor("#C0392B")
BANNER_INK: Color = HexColor("#6B4400")
BANNER_PALE: Color = HexColor("#FDF1D3")
# Chart series and circle lines: distinct in hue and (in charts) in dash, so greyscale prints work.
SERIES_COLOURS: tuple[Color, ...] = (
    HexColor("#2C5282"),
    HexColor("#B7791F"),
    HexColor("#6B46C1"),
    HexColor("#4A5568"),
)
CONFLICT: Color = HexColor("#C0392B")
DECEASED: Color = HexColor("#8A94A3")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(text: str) -> str:
    """User text as Paragraph markup: XML-escaped, control characters dropped, newlines → <br/>."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return escape(cleaned, {'"': "&quot;"}).replace("\n", "<br/>")


def new_drawing(width: float, height: float) -> Drawing:
    """An empty vector drawing whose default font is the embedded one (not Helvetica)."""
    fonts.register()
    return Drawing(width, height, initialFontName=fonts.REGULAR, initialFontSize=8)


def fit(text: str, font: str, size: float, width: float) -> str:
    """One line of *text* (whitespace collapsed), cut with an ellipsis to fit *width* points."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class Styles:
    """The paragraph styles every report uses (get them from styles())."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    table_header: ParagraphStyle
    table_cell: ParagraphStyle
    risk_title: ParagraphStyle
    risk_body: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The shared styles; registers the embedded fonts first (markup needs the family mapping)."""
    family = fonts.register()
    base = ParagraphStyle(
        "ipt-body", fontName=family, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(f"ipt-{name}", parent=base, **kw)

    return Styles(
        title=derive(
            "title", fontName=fonts.BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2
        ),
        subtitle=derive("subtitle", fontSize=10, leading=13, textColor=MUTED, spaceAfter=10),
        h1=derive(
            "h1",
            fontName=fonts.BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=5,
        ),
        h2=derive("h2", fontName=fonts.BOLD, fontSize=10.5, leading=14, spaceBefore=6),
        body=base,
        small=derive("small", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=2),
        label=derive("label", fontName=fonts.BOLD, fontSize=8, leading=11, textColor=MUTED),
        table_header=derive("th", fontName=fonts.BOLD, fontSize=8.5, leading=11, spaceAfter=0),
        table_cell=derive("td", fontSize=8.5, leading=11, spaceAfter=0),
        risk_title=derive(
            "risk-title", fontName=fonts.BOLD, fontSize=10.5, leading=14, textColor=RISK_INK
        ),
        risk_body=derive("risk-body", textColor=RISK_INK, spaceAfter=2),
    )


Cell: TypeAlias = str | Flowable | None


def plain(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of user text (escaped; newlines kept) in *style* (body by default)."""
    return Paragraph(esc(text), style or styles().body)


def heading(text: str, level: int = 1, room: float = 30 * mm) -> list[Flowable]:
    """A section heading (user text escaped) that starts a new page when less than *room* is left.

    Unlike keepWithNext this never pushes a long table whole onto the next page.
    """
    st = styles()
    return [CondPageBreak(room), Paragraph(esc(text), st.h1 if level <= 1 else st.h2)]


def titled(text: str, flowable: Flowable, level: int = 1) -> KeepTogether:
    """A heading kept on the same page as the chart, diagram or table that follows it."""
    st = styles()
    return KeepTogether([Paragraph(esc(text), st.h1 if level <= 1 else st.h2), flowable])


def _cell(value: Cell, style: ParagraphStyle) -> Flowable:
    if value is None:
        return Paragraph("—", ParagraphStyle("ipt-none", parent=style, textColor=MUTED))
    if isinstance(value, str):
        return Paragraph(esc(value), style)
    return value


def _spaced(table: Table, before: float, after: float) -> Table:
    table.spaceBefore = before
    table.spaceAfter = after
    return table


def data_table(
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float | None] | None = None,
    header: bool = True,
) -> Table:
    """A ruled table: plain strings are escaped, None shows a dash, flowables pass through.

    Columns whose width is None share what the others leave of the content width.

    With header=True the first row is the header; it repeats on every page the table spans.
    """
    st = styles()
    n_cols = max((len(r) for r in rows), default=1)
    given = list(col_widths) if col_widths else [None] * n_cols
    rest = CONTENT_WIDTH - sum(w for w in given if w is not None)
    widths = [rest / max(given.count(None), 1) if w is None else w for w in given]
    data = [
        [_cell(v, st.table_header if header and i == 0 else st.table_cell) for v in row]
        + [Paragraph("", st.table_cell)] * (n_cols - len(row))
        for i, row in enumerate(rows)
    ]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # else Helvetica creeps in, unembedded
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    first_body = 1 if header else 0
    if header and data:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_PALE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
    for i in range(first_body + 1, len(data), 2):
        commands.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    table = Table(data, colWidths=widths, repeatRows=first_body, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return _spaced(table, 4, 8)


def facts(pairs: Sequence[tuple[str, Cell]], label_width: float = 42 * mm) -> Table:
    """A key-value block (label left in muted bold, value right); plain text is escaped."""
    st = styles()
    data = [[_cell(label, st.label), _cell(value, st.table_cell)] for label, value in pairs]
    widths = [label_width, CONTENT_WIDTH - label_width]
    table = _spaced(Table(data or [["", ""]], colWidths=widths, hAlign="LEFT"), 2, 8)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def risk_block(title: str, lines: Sequence[Cell], width: float = CONTENT_WIDTH) -> Table:
    """A risk section: deep red text on a pale background with a red rule on the left.

    Plain strings are escaped; a long block may split across pages between its lines.
    """
    st = styles()
    data: list[list[Flowable]] = [[_cell(title, st.risk_title)]]
    data += [[_cell(line, st.risk_body)] for line in lines]
    table = _spaced(Table(data, colWidths=[width], hAlign="LEFT"), 6, 10)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), RISK_PALE),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("LINEBEFORE", (0, 0), (0, -1), 3, RISK_RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    return table
