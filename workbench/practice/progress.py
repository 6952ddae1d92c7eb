"""A trainee's progress across vignettes from the practice history: what they miss most."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.errors import WorkbenchError
from workbench.practice.attempt import Attempt
from workbench.practice.engine import evaluate
from workbench.practice.manual import kind_where
from workbench.practice.model import Vignette
from workbench.practice.store import AttemptRecord

KIND_LABELS = {
    "primary": "Primary problem area",
    "focus_person": "Whom the focus is about",
    "secondary": "Secondary area",
    "stage": "Dispute stage",
    "modifier": "Interpersonal sensitivity modifier",
    "rule_out": "Written rule-out of a tempting area",
    "risk_note": "Structured risk note",
    "goal": "Goals",
    "strategy": "Strategies",
    "technique": "Techniques",
    "formulation": "Formulation sections",
    "person": "People to discover",
    "event": "Timeline tags",
    "measure": "Measure scoring",
}


@dataclass(frozen=True)
class MissedElement:
    kind: str
    label: str
    attempts: int  # attempts in which it was missed
    vignettes: tuple[str, ...]  # where
    where: str  # the section of the reference to read


@dataclass(frozen=True)
class VignetteProgress:
    vignette: str
    title: str
    attempts: int
    best_percent: float
    latest_percent: float
    latest_result: str
    passed_once: bool


@dataclass(frozen=True)
class Progress:
    trainee: str  # "" = every attempt, whoever made it
    attempts: int
    vignettes_tried: int
    vignettes_passed: int
    library_size: int
    first_at: str
    last_at: str
    missed_most: tuple[MissedElement, ...]
    by_vignette: tuple[VignetteProgress, ...]


def trainees(records: Sequence[AttemptRecord]) -> list[str]:
    """The names attempts were made under (blank names left out), sorted."""
    return sorted({r.trainee for r in records if r.trainee}, key=str.casefold)


def progress(
    records: Sequence[AttemptRecord], library: Sequence[Vignette], trainee: str = ""
) -> Progress:
    """Progress of *trainee* (every attempt when blank), oldest attempt first in *records*."""
    mine = [r for r in records if not trainee or r.trainee.casefold() == trainee.casefold()]
    by_id = {v.id.casefold(): v for v in library}
    counts: Counter[str] = Counter()
    where_missed: dict[str, list[str]] = {}
    for record in mine:
        for kind in _missed(record, by_id.get(record.vignette.casefold())):
            counts[kind] += 1
            seen = where_missed.setdefault(kind, [])
            if record.vignette not in seen:
                seen.append(record.vignette)
    missed = tuple(
        MissedElement(
            kind,
            KIND_LABELS.get(kind, kind),
            n,
            tuple(where_missed[kind]),
            kind_where(kind) or kind_where("primary"),  # choosing and justifying the focus
        )
        for kind, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    rows = []
    for vignette_id in dict.fromkeys(r.vignette for r in mine):
        theirs = [r for r in mine if r.vignette == vignette_id]
        rows.append(
            VignetteProgress(
                vignette=vignette_id,
                title=theirs[-1].title,
                attempts=len(theirs),
                best_percent=max(r.percent for r in theirs),
                latest_percent=theirs[-1].percent,
                latest_result=theirs[-1].result or ("passed" if theirs[-1].passed else ""),
                passed_once=any(r.passed for r in theirs),
            )
        )
    rows.sort(key=lambda row: row.vignette)
    return Progress(
        trainee=trainee,
        attempts=len(mine),
        vignettes_tried=len(rows),
        vignettes_passed=sum(1 for row in rows if row.passed_once),
        library_size=len(library),
        first_at=mine[0].at if mine else "",
        last_at=mine[-1].at if mine else "",
        missed_most=missed,
        by_vignette=tuple(rows),
    )


def _missed(record: AttemptRecord, vignette: Vignette | None) -> tuple[str, ...]:
    """The kinds missed in *record*; an attempt recorded before kinds were kept is scored again
    against its vignette when that is still at the same version (else it counts for nothing)."""
    if record.missed is not None:
        return record.missed
    if vignette is None or vignette.version != record.vignette_version:
        return ()
    try:
        attempt = Attempt.from_json(record.attempt, f"practice attempt {record.id}")
        return tuple(evaluate(vignette, attempt).missed_kinds())
    except WorkbenchError:
        return ()
