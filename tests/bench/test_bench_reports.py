"""PDF export speed for a 20-session course, against a bare reportlab document of equal length.

Run with: pytest -m bench -s tests/bench
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from tests.reports.course import record_course
from tests.support import FAST_KDF, PASSPHRASE
from workbench.services import export
from workbench.store.vault import Vault

pytestmark = pytest.mark.bench


def _median_s(func: Callable[[], object], repeats: int = 15) -> float:
    func()  # fonts registered, caches warm
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _bare(pages: int) -> bytes:
    """A plain reportlab document with the same number of pages and built-in fonts."""
    text = getSampleStyleSheet()["BodyText"]
    story = []
    for page in range(pages):
        story += [Paragraph(f"Line {n} of page {page + 1}.", text) for n in range(40)]
        story.append(PageBreak())
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story[:-1])
    return out.getvalue()


def test_export_speed(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "bench", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        client = record_course(vault)
        for kind, target in (
            ("supervisor-report", 0.5),
            ("session-summary", 0.15),
            ("maintenance-plan", None),
        ):
            pdf = export.build(vault, client, kind)
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            ours = _median_s(lambda kind=kind: export.build(vault, client, kind))
            bare = _median_s(lambda pages=pages: _bare(pages))
            print(
                f"\n[bench] {kind}: {ours * 1000:.0f} ms median for {pages} pages "
                f"(bare reportlab, same pages: {bare * 1000:.0f} ms, ratio {ours / bare:.1f})"
                + (f"; target ≤ {target * 1000:.0f} ms" if target else "")
            )
