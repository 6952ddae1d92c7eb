"""The episode lifecycle records (ipt-reference §5, §6): ending review and IPT-M contract."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from workbench.domain.risk_rule import is_real_text

# What the ending is called in each manual profile: WMK terminate, S&R conclude.
ENDING_NAMES = {"WMK": "termination", "SR": "conclusion"}
NEXT_STEPS = (
    "end acute treatment with optional check-ins",
    "continuation",
    "maintenance",
    "another treatment",
)
MAINTENANCE_FREQUENCIES = ("weekly", "fortnightly", "monthly", "every two months")


def _date_problem(label: str, value: str | None) -> list[str]:
    if not value:
        return [f"“{label}” is required."]
    try:
        date.fromisoformat(value)
    except ValueError:
        return [f"“{label}” is not a date (YYYY-MM-DD)."]
    return []


def _text_problem(label: str, value: str) -> list[str]:
    return [] if is_real_text(value) else [f"“{label}” needs a few words, not a blank or one word."]


@dataclass(frozen=True)
class EndingReview:
    """The termination (WMK) or conclusion (S&R) review; it feeds the maintenance plan."""

    progress_by_measures: str  # change against baseline, in the clinician's words
    progress_on_goals: str
    what_the_client_did: str  # credit for the gains goes to the client's own efforts
    warning_signs: tuple[str, ...]  # personal early signs: symptoms and interpersonal
    next_step: str
    feelings_about_ending: str = ""

    def problems(self) -> list[str]:
        found = [
            *_text_problem("Progress by measures", self.progress_by_measures),
            *_text_problem("Progress on the goals", self.progress_on_goals),
            *_text_problem("What the client did", self.what_the_client_did),
        ]
        if not any(sign.strip() for sign in self.warning_signs):
            found.append("“Warning signs” needs at least one early warning sign.")
        if self.next_step not in NEXT_STEPS:
            found.append(f"Choose what comes next: {', '.join(NEXT_STEPS)}.")
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "progress_by_measures": self.progress_by_measures,
            "progress_on_goals": self.progress_on_goals,
            "what_the_client_did": self.what_the_client_did,
            "warning_signs": [s.strip() for s in self.warning_signs if s.strip()],
            "next_step": self.next_step,
            "feelings_about_ending": self.feelings_about_ending,
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> EndingReview:
        return cls(
            progress_by_measures=str(doc.get("progress_by_measures", "")),
            progress_on_goals=str(doc.get("progress_on_goals", "")),
            what_the_client_did=str(doc.get("what_the_client_did", "")),
            warning_signs=tuple(str(s) for s in doc.get("warning_signs", [])),
            next_step=str(doc.get("next_step", "")),
            feelings_about_ending=str(doc.get("feelings_about_ending", "")),
        )


@dataclass(frozen=True)
class MaintenanceContract:
    """The IPT-M contract: how often, for how long, when reviewed, and when to go back to acute."""

    frequency: str
    duration_months: int
    review_date: str
    return_to_acute_rule: str  # the clinician's own rule, printed by the plan
    sessions: int

    def problems(self) -> list[str]:
        found = []
        if self.frequency not in MAINTENANCE_FREQUENCIES:
            found.append(f"Maintenance sessions are {', '.join(MAINTENANCE_FREQUENCIES)}.")
        if not 1 <= self.duration_months <= 60:
            found.append("Maintenance lasts between 1 and 60 months.")
        if not 1 <= self.sessions <= 200:
            found.append("The maintenance contract needs between 1 and 200 sessions.")
        found += _date_problem("Review date", self.review_date)
        found += _text_problem("Rule for returning to acute treatment", self.return_to_acute_rule)
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "frequency": self.frequency,
            "duration_months": self.duration_months,
            "review_date": self.review_date,
            "return_to_acute_rule": self.return_to_acute_rule,
            "sessions": self.sessions,
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> MaintenanceContract:
        return cls(
            frequency=str(doc.get("frequency", "")),
            duration_months=int(doc.get("duration_months", 0)),
            review_date=str(doc.get("review_date", "")),
            return_to_acute_rule=str(doc.get("return_to_acute_rule", "")),
            sessions=int(doc.get("sessions", 0)),
        )
