"""The supervisor report PDF against a plain reportlab document with the same fonts, paragraphs,
tables and drawings (the report's own content, without its styles, chrome and page furniture).

Run with: pytest -m bench -s tests/bench
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
)

from tests.bench.conftest import figure
from tests.reports.course import record_course
from tests.support import FAST_KDF, PASSPHRASE
from workbench.reports import fonts, style, supervisor_report_pdf
from workbench.services import export, report_supervisor
from workbench.store.vault import Vault

pytestmark = pytest.mark.bench
GOAL_RATIO, MARGIN = 1.5, 1.25
REPEATS = 9


def _median_ms(func: Callable[[], object], repeats: int = REPEATS) -> float:
    func()  # fonts registered, caches warm
    samples = []
    for _ in range(repeats):
        start = time.process_time()  # CPU: hardly moved by other processes' load
        func()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def _story(report: Any) -> list[Flowable]:
    """The flowables the app builds for *report*, captured before any page is laid out."""
    captured: list[list[Flowable]] = []

    def keep(story: Sequence[Flowable], **_: object) -> bytes:
        captured.append(list(story))
        return b""

    real = supervisor_report_pdf.build_pdf
    supervisor_report_pdf.build_pdf = keep  # type: ignore[assignment]
    try:
        supervisor_report_pdf.build(report, "0" * 64)
    finally:
        supervisor_report_pdf.build_pdf = real
    return captured[0]


def _plain(item: Any) -> list[Flowable]:
    """A plain-reportlab equivalent: same text and font, default styling; drawings as they are."""
    if isinstance(item, Paragraph):
        style = ParagraphStyle(
            "plain",
            fontName=item.style.fontName,
            fontSize=item.style.fontSize,
            leading=item.style.leading,
        )
        return [Paragraph(item.text, style)]
    if isinstance(item, Table):
        cells = [[_cell(value) for value in row] for row in item._cellvalues]
        return [
            Table(
                cells,
                colWidths=item._colWidths,
                style=[
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ],
            )
        ]
    if isinstance(item, KeepTogether):
        return [flowable for child in item._content for flowable in _plain(child)]
    return [item]  # drawings, spacers and page-break conditions: the same objects


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [flowable for child in value for flowable in _plain(child)]
    if isinstance(value, Flowable):
        plain = _plain(value)
        return plain[0] if len(plain) == 1 else plain
    return value


def _plain_pdf(story: list[Flowable]) -> bytes:
    """The plain document on the report's page geometry (margins, unpadded frame)."""
    fonts.register()  # the same embedded DejaVu fonts
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=style.PAGE_SIZE,
        leftMargin=style.MARGIN_LEFT,
        rightMargin=style.MARGIN_RIGHT,
        topMargin=style.MARGIN_TOP,
        bottomMargin=style.MARGIN_BOTTOM,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate(frames=[frame])])
    doc.build([flowable for item in story for flowable in _plain(item)])
    return out.getvalue()


def test_supervisor_report_against_plain_reportlab(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "bench", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        client = record_course(vault)
        report = report_supervisor.supervisor_report(vault, client)
        story = _story(report)
        plain_pages = len(PdfReader(io.BytesIO(_plain_pdf(story))).pages)
        app_pages = len(
            PdfReader(io.BytesIO(export.build(vault, client, "supervisor-report"))).pages
        )
        whole = _median_ms(lambda: export.build(vault, client, "supervisor-report"))
        render = _median_ms(lambda: supervisor_report_pdf.build(report, "0" * 64))
        # Laying out changes flowables, so every plain build gets a story captured afresh.
        copies = [_story(report) for _ in range(REPEATS + 1)]
        plain = _median_ms(lambda: _plain_pdf(copies.pop()))
    figure(
        "supervisor report PDF / plain reportlab, same content",
        whole / plain,
        f"≤ {GOAL_RATIO}x",
        unit="x",
        note=f"CPU: export {whole:.0f} ms ({app_pages} pages; layout and drawing alone "
        f"{render:.0f} ms), plain reportlab {plain:.0f} ms ({plain_pages} pages)",
    )
    assert whole <= GOAL_RATIO * MARGIN * plain
