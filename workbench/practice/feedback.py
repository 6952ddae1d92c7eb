"""Feedback on one attempt: findings per section, points, and the pass/fail with its reasons."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Mark(StrEnum):
    IDENTIFIED = "identified"
    MISSED = "missed"
    DISTRACTOR = "distractor"  # a tempting wrong area was chosen: the question that helps
    ERROR = "error"  # a measure scoring error
    OFF_FOCUS = "off focus"  # a goal or strategy of an area this case does not work on
    NOTE = "note"  # a remark without points
    HARD_FAIL = "hard fail"  # a required risk note is missing
    STEP_MISSING = "step missing"  # a required step (rule-out, stage, …): the score is capped


@dataclass(frozen=True)
class Finding:
    """One line of feedback; *kind* names the element (for progress: what is missed most)."""

    mark: Mark
    label: str
    why: str = ""
    points: int = 0
    element_id: str | None = None
    question: str | None = None
    where: str = ""  # the section of the reference that teaches it: "ipt-reference §3.2"
    manual: str = ""  # what the manual says there, in the profile's own words
    kind: str = ""  # primary, stage, focus_person, rule_out, risk_note, goal, strategy, …


@dataclass(frozen=True)
class Cap:
    """A required step that is missing, and the highest percentage the attempt may then reach."""

    step_id: str
    label: str
    percent: int


WRONG = (
    Mark.MISSED,
    Mark.DISTRACTOR,
    Mark.ERROR,
    Mark.OFF_FOCUS,
    Mark.HARD_FAIL,
    Mark.STEP_MISSING,
)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    points: int
    max_points: int
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Feedback:
    vignette_id: str
    vignette_title: str
    vignette_version: int
    profile: str
    sections: tuple[Section, ...]
    pass_percent: int
    risk_required: bool
    risk_passed: bool
    risk_summary: str
    primary_correct: bool = True
    caps: tuple[Cap, ...] = ()

    @property
    def score(self) -> int:
        return sum(s.points for s in self.sections)

    @property
    def max_score(self) -> int:
        return sum(s.max_points for s in self.sections)

    @property
    def raw_percent(self) -> float:
        """The points as a percentage, before any cap."""
        return round(100 * self.score / self.max_score, 1) if self.max_score else 0.0

    @property
    def percent(self) -> float:
        """The points as a percentage, capped by every required step that is missing."""
        return min([self.raw_percent, *(float(c.percent) for c in self.caps)])

    @property
    def passed(self) -> bool:
        """Points at or above the pass mark, the risk check passed, the right primary area and
        every required step present."""
        return (
            self.risk_passed
            and self.primary_correct
            and not self.caps
            and self.percent >= self.pass_percent
        )

    @property
    def result(self) -> str:
        if not self.risk_passed:
            return "not passed (risk check failed)"
        if not self.primary_correct:
            return "not passed (primary problem area)"
        if self.caps:
            missing = ", ".join(c.label for c in self.caps)
            return f"not passed (required step missing: {missing})"
        return "passed" if self.passed else "not passed"

    def marked(self, *marks: Mark) -> list[Finding]:
        return [f for s in self.sections for f in s.findings if f.mark in marks]

    @property
    def identified(self) -> list[Finding]:
        return self.marked(Mark.IDENTIFIED)

    @property
    def missed(self) -> list[Finding]:
        return self.marked(Mark.MISSED)

    @property
    def distractors(self) -> list[Finding]:
        return self.marked(Mark.DISTRACTOR)

    @property
    def measure_errors(self) -> list[Finding]:
        return self.marked(Mark.ERROR)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def missed_kinds(self) -> list[str]:
        """What this attempt got wrong, as element kinds (for the progress across vignettes)."""
        kinds = [f.kind for f in self.marked(*WRONG) if f.kind]
        return sorted(set(kinds), key=kinds.index)

    def summary_json(self) -> dict[str, Any]:
        """Scores only (for the practice history); the findings are rebuilt from the attempt."""
        return {
            "score": self.score,
            "max": self.max_score,
            "percent": self.percent,
            "passed": self.passed,
            "risk_passed": self.risk_passed,
            "raw_percent": self.raw_percent,
            "caps": [c.step_id for c in self.caps],
            "missed": self.missed_kinds(),
            "sections": {s.id: [s.points, s.max_points] for s in self.sections},
        }
