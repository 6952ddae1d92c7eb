"""The practice store: scored attempts in one owner-only JSON file, never in a clinical vault."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.clock import Clock, iso, utc_now
from workbench.fileio import atomic_write_bytes, make_private_dir
from workbench.paths import data_dir
from workbench.practice.attempt import Attempt
from workbench.practice.errors import PracticeStoreError
from workbench.practice.feedback import Feedback

FORMAT = "ipt-workbench-practice-attempts"
FORMAT_VERSION = 1
VAULT_SUFFIX = ".iptvault"


def default_store_path() -> Path:
    """data_dir()/practice/attempts.json (IPT_WORKBENCH_HOME moves it, as for tests)."""
    return data_dir() / "practice" / "attempts.json"


@dataclass(frozen=True)
class AttemptRecord:
    """One scored attempt as kept in the history."""

    id: int
    at: str
    vignette: str
    vignette_version: int
    title: str
    trainee: str
    score: int
    max_score: int
    percent: float
    passed: bool
    risk_passed: bool
    result: str = ""
    sections: dict[str, list[int]] = field(default_factory=dict)
    attempt: dict[str, Any] = field(default_factory=dict)
    missed: tuple[str, ...] | None = None  # element kinds got wrong; None: recorded before

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "vignette": self.vignette,
            "vignette_version": self.vignette_version,
            "title": self.title,
            "trainee": self.trainee,
            "score": self.score,
            "max": self.max_score,
            "percent": self.percent,
            "passed": self.passed,
            "risk_passed": self.risk_passed,
            "result": self.result,
            "sections": self.sections,
            "attempt": self.attempt,
            **({} if self.missed is None else {"missed": list(self.missed)}),
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> AttemptRecord:
        return cls(
            id=int(doc["id"]),
            at=str(doc["at"]),
            vignette=str(doc["vignette"]),
            vignette_version=int(doc["vignette_version"]),
            title=str(doc.get("title", "")),
            trainee=str(doc.get("trainee", "")),
            score=int(doc["score"]),
            max_score=int(doc["max"]),
            percent=float(doc["percent"]),
            passed=bool(doc["passed"]),
            risk_passed=bool(doc["risk_passed"]),
            result=str(doc.get("result", "")),
            sections={str(k): [int(x) for x in v] for k, v in doc.get("sections", {}).items()},
            attempt=dict(doc.get("attempt", {})),
            missed=tuple(str(k) for k in doc["missed"]) if "missed" in doc else None,
        )


class PracticeStore:
    """Records and lists attempts; a damaged file is reported and never overwritten."""

    def __init__(self, path: Path | None = None, clock: Clock = utc_now) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self._clock = clock
        if any(part.endswith(VAULT_SUFFIX) for part in self.path.resolve().parts):
            raise PracticeStoreError(
                "Practice attempts are never kept inside a clinical vault; choose another folder."
            )

    def attempts(self, vignette: str | None = None) -> list[AttemptRecord]:
        """Every recorded attempt, oldest first; with *vignette*, only that vignette's."""
        records = self._read()
        if vignette is None:
            return records
        return [r for r in records if r.vignette.casefold() == vignette.casefold()]

    def record(self, feedback: Feedback, attempt: Attempt) -> AttemptRecord:
        """Add one scored attempt (written atomically, owner-only) and return its record."""
        records = self._read()
        summary = feedback.summary_json()
        record = AttemptRecord(
            id=max((r.id for r in records), default=0) + 1,
            at=iso(self._clock()),
            vignette=feedback.vignette_id,
            vignette_version=feedback.vignette_version,
            title=feedback.vignette_title,
            trainee=attempt.trainee,
            score=feedback.score,
            max_score=feedback.max_score,
            percent=feedback.percent,
            passed=feedback.passed,
            risk_passed=feedback.risk_passed,
            result=feedback.result,
            sections=summary["sections"],
            attempt=attempt.to_json(),
            missed=tuple(feedback.missed_kinds()),
        )
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "note": "Practice attempts on fictional vignettes only; not clinical records.",
            "attempts": [r.to_json() for r in [*records, record]],
        }
        data = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        try:
            make_private_dir(self.path.parent)
            atomic_write_bytes(self.path, data)
        except OSError as exc:
            raise PracticeStoreError(
                f"The practice history could not be saved at {self.path} "
                f"({exc.strerror or exc.__class__.__name__}); the feedback above still stands."
            ) from None
        return record

    def _read(self) -> list[AttemptRecord]:
        if not self.path.exists():
            return []
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            if doc.get("format") != FORMAT or doc.get("version") != FORMAT_VERSION:
                raise ValueError("not a practice history file of this version")
            return [AttemptRecord.from_json(item) for item in doc["attempts"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise PracticeStoreError(
                f"The practice history {self.path} cannot be read ({exc.__class__.__name__}); "
                "it was left untouched. Move it aside to start a new history."
            ) from None
