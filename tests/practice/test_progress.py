"""A trainee's progress across vignettes: what they miss most, and the PDF for the supervisor."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

from tests.practice.helpers import without_step
from workbench.practice import PracticeStore, evaluate, find_vignette, model_answer
from workbench.practice.library import library
from workbench.practice.progress import progress, trainees
from workbench.practice.progress_pdf import build_progress

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _store(tmp_path: Path) -> PracticeStore:
    ticks = iter(range(100))
    return PracticeStore(
        tmp_path / "attempts.json", clock=lambda: START + timedelta(hours=next(ticks))
    )


def _history(store: PracticeStore) -> None:
    """Ana: wrong stage twice, a skipped rule-out, a thin risk note, then full marks; Ben: one."""
    m, g, d = find_vignette("M"), find_vignette("G"), find_vignette("D")
    for vignette, attempt in (
        (m, replace(model_answer(m, "Ana"), dispute_stage="impasse")),
        (d, replace(model_answer(d, "Ana"), dispute_stage="renegotiation")),
        (m, replace(model_answer(m, "Ana"), rule_outs={})),
        (g, replace(without_step(g, g.key.required[0]), trainee="Ana")),
        (m, model_answer(m, "Ana")),
        (g, replace(model_answer(g, "Ben"), goals=())),
    ):
        store.record(evaluate(vignette, attempt), attempt)


def test_the_elements_missed_most_across_vignettes(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _history(store)
    records = store.attempts()
    assert trainees(records) == ["Ana", "Ben"]
    ana = progress(records, library().vignettes, "ana")
    assert ana.attempts == 5 and ana.vignettes_tried == 3 and ana.vignettes_passed == 1
    first = ana.missed_most[0]
    assert (first.kind, first.attempts, first.vignettes) == ("stage", 2, ("M", "D"))
    assert first.label == "Dispute stage" and first.where == "ipt-reference §3.2"
    kinds = {m.kind: m.attempts for m in ana.missed_most}
    assert kinds["rule_out"] == 1 and kinds["risk_note"] == 1 and "goal" not in kinds
    m_row = next(v for v in ana.by_vignette if v.vignette == "M")
    assert m_row.attempts == 3 and m_row.best_percent == 100.0 and m_row.passed_once
    everyone = progress(records, library().vignettes)
    assert (
        everyone.attempts == 6
        and dict((m.kind, m.attempts) for m in everyone.missed_most)["goal"] == 1
    )


def test_an_attempt_recorded_before_kinds_were_kept_is_scored_again(tmp_path: Path) -> None:
    store = _store(tmp_path)
    m = find_vignette("M")
    attempt = replace(model_answer(m), dispute_stage="impasse")
    store.record(evaluate(m, attempt), attempt)
    old = [replace(r, missed=None) for r in store.attempts()]
    assert [e.kind for e in progress(old, library().vignettes).missed_most] == ["stage"]


def test_the_progress_pdf(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _history(store)
    report = progress(store.attempts(), library().vignettes, "Ana")
    data = build_progress(report, START + timedelta(days=1))
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert all("PRACTICE — fictional case" in (p.extract_text() or "") for p in reader.pages)
    assert "Practice progress" in text and "Trainee: Ana" in text
    assert "Dispute stage" in text and "ipt-reference §3.2" in text
    size = len(library().vignettes)
    assert f"3 of {size} tried, 1 passed at least once" in " ".join(text.split())
    pdf = tmp_path / "progress.pdf"
    pdf.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "Helvetica" not in fonts.stdout  # the embedded Unicode font only
