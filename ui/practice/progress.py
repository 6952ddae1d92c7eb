"""Progress across cases from the practice history: attempts, best score and last result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.practice import AttemptRecord


@dataclass(frozen=True)
class CaseProgress:
    """One vignette's history as the picker shows it."""

    attempts: int = 0
    best_percent: float | None = None
    passed_once: bool = False
    last_result: str = ""


def progress_by_case(records: Sequence[AttemptRecord]) -> dict[str, CaseProgress]:
    """Per vignette id (case-folded): how many attempts, the best score, passed at least once."""
    found: dict[str, CaseProgress] = {}
    for record in records:  # oldest first, so the last one seen is the latest
        key = record.vignette.casefold()
        before = found.get(key, CaseProgress())
        best = (
            record.percent
            if before.best_percent is None
            else max(before.best_percent, record.percent)
        )
        found[key] = CaseProgress(
            attempts=before.attempts + 1,
            best_percent=best,
            passed_once=before.passed_once or record.passed,
            last_result=record.result,
        )
    return found
