"""The maintenance / relapse-prevention plan (ipt-reference §6, §14.1), in the patient's words."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

FREQUENCIES = ("weekly", "fortnightly", "monthly", "every two months", "booster only")
FOCUS = ("same problem area", "new problem area", "rhythm and relationship monitoring")


@dataclass(frozen=True)
class SupportPerson:
    person_id: int  # from the interpersonal inventory
    contact_for: str = ""


@dataclass(frozen=True)
class MaintenancePlan:
    what_we_worked_on: str = ""
    what_changed: str = ""  # the patient's own summary
    skills_that_helped: tuple[str, ...] = ()
    warning_signs_symptoms: tuple[str, ...] = ()
    warning_signs_interpersonal: tuple[str, ...] = ()
    situations_to_plan_for: tuple[str, ...] = ()
    support_people: tuple[SupportPerson, ...] = ()
    if_warning_signs: str = ""
    frequency: str = "monthly"
    duration_months: int | None = None
    measure_schedule: str = "PHQ-9 at every maintenance session"
    review_date: str | None = None
    focus: str = ""
    other_treatment: str = ""  # text only; the app gives no dosing or advice
    return_to_acute_rule: str = ""  # chosen by the clinician

    def problems(self) -> list[str]:
        found = []
        if self.frequency not in FREQUENCIES:
            found.append("Choose how often maintenance sessions happen.")
        if self.focus and self.focus not in FOCUS:
            found.append("Choose a maintenance focus from the list.")
        if self.duration_months is not None and not 1 <= self.duration_months <= 60:
            found.append("Maintenance lasts between 1 and 60 months.")
        return found

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> MaintenancePlan:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in doc.items() if k in known}
        for key, value in values.items():
            if isinstance(value, list):
                values[key] = tuple(value)
        values["support_people"] = tuple(SupportPerson(**p) for p in doc.get("support_people", []))
        return cls(**values)
