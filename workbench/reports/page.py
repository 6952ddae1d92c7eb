"""Build a PDF in memory with the shared page chrome: header, banner, footer and metadata."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from workbench.reports import fonts, style

CONFIDENTIALITY = "Confidential clinical information — handle and store securely."
PRODUCER = "IPT Workbench"
_HASH_CHARS = 12


@dataclass(frozen=True)
class HeaderInfo:
    """What the header of every page names: client (name or code), episode, session and phase."""

    client_label: str
    episode_label: str
    session: int | None = None
    total_sessions: int | None = None
    phase: str | None = None
    banner: str | None = None  # e.g. "PRACTICE — fictional case", shown on every page


@dataclass(frozen=True)
class FooterInfo:
    """What the footer of every page carries besides 'page X of Y'."""

    generated: datetime
    signer: str | None
    content_hash: str
    confidentiality: str = CONFIDENTIALITY


@dataclass(frozen=True)
class PdfMeta:
    """Document properties; callers pass values without patient names."""

    title: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()


def session_text(header: HeaderInfo) -> str:
    """'session 5 of 12 · middle' (parts left out when unknown)."""
    parts: list[str] = []
    if header.session is not None:
        of = f" of {header.total_sessions}" if header.total_sessions is not None else ""
        parts.append(f"session {header.session}{of}")
    if header.phase:
        parts.append(header.phase)
    return " · ".join(parts)


def generated_text(moment: datetime) -> str:
    """'2026-11-22 10:00 UTC' (the zone name only when the time carries one)."""
    zone = moment.tzname() if moment.tzinfo is not None else None
    return moment.strftime("%Y-%m-%d %H:%M") + (f" {zone}" if zone else "")


def _draw_chrome(
    canvas: Any, page: int, total: int, *, header: HeaderInfo, footer: FooterInfo
) -> None:
    """Header, optional banner and footer of one page (drawn once the page count is known)."""
    width, height = style.PAGE_SIZE
    left, right = style.MARGIN_LEFT, width - style.MARGIN_RIGHT
    span = right - left
    top = height - (style.MARGIN_TOP_WITH_BANNER if header.banner else style.MARGIN_TOP)
    canvas.saveState()
    if header.banner:
        canvas.setFillColor(style.BANNER_PALE)
        canvas.setStrokeColor(style.BANNER_INK)
        canvas.setLineWidth(0.6)
        canvas.roundRect(left, top + 10 * mm, span, 6 * mm, 1.5 * mm, stroke=1, fill=1)
        canvas.setFillColor(style.BANNER_INK)
        canvas.setFont(fonts.BOLD, 8.5)
        banner = style.fit(header.banner, fonts.BOLD, 8.5, span - 8 * mm)
        canvas.drawCentredString(left + span / 2, top + 12.1 * mm, banner)
    baseline = top + 5 * mm
    # The session and phase always show in full; a long episode label gives way.
    session = session_text(header)
    room = span * 0.58 - (stringWidth(" · " + session, fonts.REGULAR, 8) if session else 0)
    episode = style.fit(header.episode_label, fonts.REGULAR, 8, max(room, 20))
    right_fitted = " · ".join(t for t in (episode, session) if t)
    left_room = span - stringWidth(right_fitted, fonts.REGULAR, 8) - 6 * mm
    canvas.setFillColor(style.INK)
    canvas.setFont(fonts.BOLD, 9.5)
    canvas.drawString(left, baseline, style.fit(header.client_label, fonts.BOLD, 9.5, left_room))
    canvas.setFillColor(style.MUTED)
    canvas.setFont(fonts.REGULAR, 8)
    canvas.drawRightString(right, baseline, right_fitted)
    canvas.setStrokeColor(style.ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(left, top + 3 * mm, right, top + 3 * mm)

    rule_y = style.MARGIN_BOTTOM - 8 * mm
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, rule_y, right, rule_y)
    page_label = f"page {page} of {total}"
    canvas.setFillColor(style.INK)
    canvas.setFont(fonts.BOLD, 8)
    canvas.drawRightString(right, rule_y - 4 * mm, page_label)
    room = span - stringWidth(page_label, fonts.BOLD, 8) - 6 * mm
    canvas.setFillColor(style.MUTED)
    canvas.setFont(fonts.ITALIC, 7.5)
    canvas.drawString(
        left, rule_y - 4 * mm, style.fit(footer.confidentiality, fonts.ITALIC, 7.5, room)
    )
    details = [f"Generated {generated_text(footer.generated)}"]
    details.append(f"Signed by {footer.signer}" if footer.signer else "Not signed")
    if footer.content_hash:
        details.append(f"Content hash {footer.content_hash[:_HASH_CHARS]}")
    canvas.setFont(fonts.REGULAR, 7)
    canvas.drawString(left, rule_y - 8 * mm, style.fit(" · ".join(details), fonts.REGULAR, 7, span))
    canvas.restoreState()


class Section(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Starts a part of a combined document (a pack): from the page it lands on, the chrome
    shows this part's header and footer and counts 'page X of Y' within the part. It also
    adds a bookmark named *outline*."""

    def __init__(self, header: HeaderInfo, footer: FooterInfo, outline: str) -> None:
        super().__init__()
        self.header, self.footer, self.outline = header, footer, outline
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        number = getattr(canvas, "_section_number", 0) + 1
        canvas._section_number = number
        canvas._section = (number, self.header, self.footer)
        key = f"part-{number}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(self.outline, key, level=0)


class _ChromeCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Holds every page until save() so the chrome can say 'page X of Y'."""

    def __init__(
        self,
        *args: Any,
        chrome: Callable[[Any, int, int], None],
        generated: datetime,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._chrome = chrome
        self._pages: list[dict[str, Any]] = []
        # With invariant=1 reportlab dates the file 2000-01-01; date it when it was generated.
        stamp = TimeStamp(invariant=True)
        moment = generated.astimezone(UTC) if generated.tzinfo is not None else generated
        stamp.t = moment.timestamp()
        stamp.lt = moment.timetuple()
        stamp.YMDhms = tuple(stamp.lt)[:6]
        self._doc._timeStamp = stamp

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        parts = [state.get("_section") for state in self._pages]
        sizes = {part[0]: parts.count(part) for part in parts if part is not None}
        total, seen = len(self._pages), 0
        for number, (state, part) in enumerate(zip(self._pages, parts, strict=True), start=1):
            self.__dict__.update(state)
            if part is None:  # pages before the first part (a pack's cover)
                self._chrome(self, number, parts.count(None) or total)
            else:  # a part of a combined document: its own chrome and page count
                seen = seen + 1 if number > 1 and parts[number - 2] == part else 1
                _draw_chrome(self, seen, sizes[part[0]], header=part[1], footer=part[2])
            super().showPage()
        super().save()


def build_pdf(
    story: Sequence[Flowable],
    *,
    header: HeaderInfo,
    footer: FooterInfo,
    metadata: PdfMeta,
) -> bytes:
    """The PDF of *story* as bytes; the same inputs give the same bytes (reportlab invariant)."""
    fonts.register()
    buffer = io.BytesIO()
    top = style.MARGIN_TOP_WITH_BANNER if header.banner else style.MARGIN_TOP
    doc = BaseDocTemplate(
        buffer,
        pagesize=style.PAGE_SIZE,
        leftMargin=style.MARGIN_LEFT,
        rightMargin=style.MARGIN_RIGHT,
        topMargin=top,
        bottomMargin=style.MARGIN_BOTTOM,
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=", ".join(metadata.keywords),
        creator=PRODUCER,
        producer=PRODUCER,
        invariant=1,
        lang="en",
        initialFontName=fonts.REGULAR,
    )
    # Zero frame padding so the story lines up with the header and footer rules.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    chrome = functools.partial(_draw_chrome, header=header, footer=footer)
    maker = functools.partial(_ChromeCanvas, chrome=chrome, generated=footer.generated)
    doc.build(list(story) or [Spacer(1, 1)], canvasmaker=maker)  # never a page-less file
    return buffer.getvalue()
