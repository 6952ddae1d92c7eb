"""Work run off the UI thread: score and record an attempt, write the practice PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.clock import utc_now
from workbench.practice import (
    Attempt,
    AttemptRecord,
    Feedback,
    PracticeStore,
    PracticeStoreError,
    Vignette,
    evaluate,
)
from workbench.practice.progress import Progress


@dataclass(frozen=True)
class Scored:
    """The feedback, and the history record (or why the history could not be saved)."""

    vignette: Vignette
    attempt: Attempt
    feedback: Feedback
    record: AttemptRecord | None
    problem: str = ""


def score_and_record(store: PracticeStore, vignette: Vignette, attempt: Attempt) -> Scored:
    """Evaluate *attempt*; a history that cannot be saved never hides the feedback."""
    feedback = evaluate(vignette, attempt, source="this attempt")
    try:
        record = store.record(feedback, attempt)
    except PracticeStoreError as exc:
        return Scored(vignette, attempt, feedback, None, exc.user_message)
    return Scored(vignette, attempt, feedback, record)


def write_progress_pdf(report: Progress, target: Path) -> Path:
    """The progress PDF for the supervisor at *target*."""
    from workbench.practice.progress_pdf import build_progress
    from workbench.reports.output import write_atomically

    return write_atomically(build_progress(report, utc_now()), target)


def write_practice_pdf(scored: Scored, target: Path) -> Path:
    """The supervisor's practice PDF ('PRACTICE — fictional case' on every page) at *target*."""
    # reportlab is imported on the worker, when a PDF is asked for, not when practice opens.
    from workbench.practice.report_pdf import build
    from workbench.reports.output import write_atomically

    data = build(scored.vignette, scored.attempt, scored.feedback, utc_now())
    return write_atomically(data, target)
