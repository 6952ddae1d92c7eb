"""The interpersonal inventory (ipt-reference §7.1), closeness circle (§7.2) and timeline (§8)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

RELATIONSHIPS = (
    "partner",
    "parent",
    "child",
    "sibling",
    "friend",
    "co-worker",
    "boss",
    "deceased",
    "other",
)
CONTACT_FREQUENCIES = ("", "daily", "weekly", "monthly", "rarely")
MET = ("", "met", "partly", "not met")
CONFIDING = ("", "yes", "partly", "no")
PROBLEM_AREA_TAGS = ("grief", "dispute", "transition", "deficit")
RINGS = (1, 2, 3)  # inner = closest
LINE_STYLES = ("supportive", "conflict", "deceased")
EVENT_TYPES = (
    "death",
    "separation",
    "conflict escalation",
    "move",
    "job change",
    "birth/pregnancy",
    "illness/diagnosis",
    "trauma",
    "anniversary",
    "treatment start/stop",
    "other",
)


@dataclass(frozen=True)
class PersonDetails:
    """One important person, as the patient describes them; every field optional but alias."""

    living: bool = True
    date_of_death: str | None = None
    contact_frequency: str = ""
    contact_type: str = ""
    activities: str = ""
    good: str = ""
    not_good: str = ""
    patient_expectations: str = ""
    patient_expectations_met: str = ""
    other_expectations: str = ""
    other_expectations_met: str = ""
    confiding: str = ""
    conflict: str = ""
    support: str = ""
    changed_since_onset: str = ""
    changes_wanted: str = ""
    problem_areas: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        found = []
        if self.contact_frequency not in CONTACT_FREQUENCIES:
            found.append("Contact frequency is daily, weekly, monthly or rarely.")
        for value in (self.patient_expectations_met, self.other_expectations_met):
            if value not in MET:
                found.append("Expectations are met, partly met or not met.")
        if self.confiding not in CONFIDING:
            found.append("Confiding is yes, partly or no.")
        if set(self.problem_areas) - set(PROBLEM_AREA_TAGS):
            found.append("Problem-area tags are grief, dispute, transition or deficit.")
        if self.living and self.date_of_death:
            found.append("A date of death is only recorded for someone who has died.")
        return found

    def to_json(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["problem_areas"] = list(self.problem_areas)
        return doc

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> PersonDetails:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in doc.items() if k in known}
        if "problem_areas" in values:
            values["problem_areas"] = tuple(values["problem_areas"])
        return cls(**values)


@dataclass(frozen=True)
class Person:
    id: int
    alias: str
    relationship: str
    details: PersonDetails
    aliases: tuple[str, ...] = ()  # nicknames and other names for the same person
    places: tuple[str, ...] = ()  # where they live or work, as the client names it


@dataclass(frozen=True)
class Placement:
    person_id: int
    ring: int
    line_style: str = "supportive"


@dataclass(frozen=True)
class CircleSnapshot:
    id: int
    taken_on: str
    label: str
    placements: tuple[Placement, ...]


@dataclass(frozen=True)
class TimelineEvent:
    id: int
    event_date: str
    date_precision: str
    event_type: str
    impact: int | None
    symptom_marker: str | None
    notes: str
    people: tuple[int, ...] = field(default=())
    places: tuple[str, ...] = ()  # where it happened (a town, a hospital, a cemetery)
