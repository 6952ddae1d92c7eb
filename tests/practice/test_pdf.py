"""The practice PDF: banner on every page, practice in the metadata, the feedback inside."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime

from pypdf import PdfReader

from tests.practice.helpers import with_phq9_total
from workbench.practice import evaluate, find_vignette
from workbench.practice.report_pdf import build

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def _pages(data: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    return reader, [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_a_failed_grief_attempt_for_the_supervisor() -> None:
    g = find_vignette("G")
    attempt = replace(
        with_phq9_total(g, 16),
        trainee="Zoë Trainee",
        risk_note=None,
        primary_area="role_transition",
    )
    feedback = evaluate(g, attempt)
    reader, pages = _pages(build(g, attempt, feedback, WHEN))
    assert len(pages) >= 3
    for text in pages:
        assert "PRACTICE — fictional case" in text
        assert "Training material: a fictional case, not a clinical record." in text
    whole = " ".join(pages)
    assert "Not passed (risk check failed)" in whole
    assert "Risk check failed: a required risk note is missing" in whole
    assert "PHQ-9: you entered 16; the items add up to 18" in whole
    distractor = next(d for d in g.key.distractors if d.area == "role_transition")
    assert " ".join(distractor.question.split()) in whole
    assert "Supervisor's comments" in whole and "Zoë Trainee" in whole
    assert "Tomas is 61" in whole  # the case itself
    meta = reader.metadata
    assert meta is not None and meta.title is not None and "practice" in meta.title.lower()
    assert "fictional case" in (meta.subject or "").lower()


def test_same_inputs_same_bytes() -> None:
    d = find_vignette("D")
    attempt = with_phq9_total(d, 14)
    feedback = evaluate(d, attempt)
    assert build(d, attempt, feedback, WHEN) == build(d, attempt, feedback, WHEN)
