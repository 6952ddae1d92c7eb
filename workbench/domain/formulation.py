"""The interpersonal formulation (ipt-reference §9) and its goals; a draft is never final."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

AREA_LABELS = {
    "grief": "grief",
    "role_dispute": "a role dispute",
    "role_transition": "a role transition",
    "interpersonal_deficits": "interpersonal deficits",
    "interpersonal_sensitivity": "interpersonal sensitivity",
}
# WMK: choosing interpersonal deficits asks why each acute problem area was ruled out.
RULED_OUT_FOR_DEFICITS = ("grief", "role_dispute", "role_transition")
AGREEMENT = ("yes", "partly", "no")
# S&R biopsychosocial/cultural/spiritual sections (§9.2), in order.
SR_SECTIONS = (
    ("presenting_problem", "Presenting problem and diagnosis"),
    ("biological", "Biological factors"),
    ("psychological", "Psychological factors"),
    ("social", "Social factors and the acute interpersonal crisis"),
    ("cultural", "Cultural factors"),
    ("spiritual", "Spiritual factors"),
    ("links", "Links"),
    ("focus_and_goals", "Agreed focus and goals"),
    ("stance_and_techniques", "Therapeutic stance and planned techniques"),
    ("prognosis_and_risks", "Prognosis and risks"),
    ("patient_response", "Patient's response"),
)


@dataclass(frozen=True)
class Goal:
    text: str
    problem_area: str | None = None
    status: str = "open"


@dataclass(frozen=True)
class Formulation:
    primary_area: str | None = None
    secondary_area: str | None = None
    sections: dict[str, Any] = field(default_factory=dict)
    statement: str = ""
    shared_on: str | None = None
    patient_agreed: str | None = None
    patient_words: str = ""

    @property
    def agreed(self) -> bool:
        return self.patient_agreed == "yes" and self.shared_on is not None

    def problems(self, profile: str, allowed_areas: tuple[str, ...]) -> list[str]:
        """Why this formulation cannot be saved as it is (empty when it can)."""
        found = []
        for area in (self.primary_area, self.secondary_area):
            if area is not None and area not in allowed_areas:
                found.append(f"{area} is not a problem area of the {profile} profile.")
        if self.secondary_area and not self.primary_area:
            found.append("Choose the primary problem area before a secondary one.")
        if self.secondary_area and self.secondary_area == self.primary_area:
            found.append("The secondary problem area must differ from the primary one.")
        if self.patient_agreed is not None and self.patient_agreed not in AGREEMENT:
            found.append("Record the patient's agreement as yes, partly or no.")
        if self.patient_agreed is not None and self.shared_on is None:
            found.append("Record the date the formulation was shared with the patient.")
        if profile == "WMK" and "interpersonal_deficits" in (
            self.primary_area,
            self.secondary_area,
        ):
            reasons = self.sections.get("ruled_out", {})
            missing = [a for a in RULED_OUT_FOR_DEFICITS if not str(reasons.get(a, "")).strip()]
            if missing:
                labels = ", ".join(AREA_LABELS[a] for a in missing)
                found.append(
                    f"Interpersonal deficits is chosen: note why {labels} "
                    "were ruled out (sections 'ruled_out')."
                )
        return found


def draft_statement(
    *,
    area: str | None,
    onset_event: str | None,
    person: str | None,
    weeks: int | None,
    goal: str | None,
) -> str:
    """A WMK short-form sentence from the structured fields, for the clinician to edit.

    Gaps stay visible as [brackets] so an unfinished draft is never mistaken for a final one.
    """
    area_label = AREA_LABELS.get(area or "", "[problem area]")
    event = onset_event or "[event]"
    who = f" involving {person}" if person else ""
    span = f"{weeks} weeks" if weeks else "[n] weeks"
    aim = goal or "[goal]"
    return (
        f"Your depression began around {event} and is closely tied to {area_label}{who}. "
        f"Over the next {span} we'll work on {aim}."
    )
