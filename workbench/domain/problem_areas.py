"""Problem-area records of the middle phase (ipt-reference §3.1–3.4), one per area worked on.

Dispute: the other person (from the inventory), the stage with a dated history, what each side
wants. Grief: who died, when, anniversaries, avoidance, the relationship. Role transition: the
old/new role grid. Deficits (WMK): the isolation pattern and the therapeutic relationship.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

DISPUTE_STAGES = ("impasse", "renegotiation", "dissolution")
TRANSITION_FIELDS = (
    ("old_role", "Old role"),
    ("new_role", "New role"),
    ("lost", "What is lost"),
    ("gained", "What is gained"),
    ("feelings", "Feelings about the change"),
    ("skills_needed", "Skills needed"),
    ("supports_needed", "Supports needed"),
)


def _is_date(value: str | None) -> bool:
    try:
        date.fromisoformat(value or "")
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class StageChange:
    on: str  # ISO date
    stage: str
    note: str = ""


@dataclass(frozen=True)
class DisputeRecord:
    person_id: int  # the other party, from the episode's inventory
    stages: tuple[StageChange, ...]  # oldest first; the last one is the current stage
    client_wants: str = ""
    other_wants: str = ""  # as the client sees it

    @property
    def stage(self) -> str | None:
        return self.stages[-1].stage if self.stages else None

    def problems(self) -> list[str]:
        found = []
        if not self.stages:
            found.append("Record the stage of the dispute (impasse, renegotiation, dissolution).")
        for change in self.stages:
            if change.stage not in DISPUTE_STAGES:
                found.append("A dispute stage is impasse, renegotiation or dissolution.")
            if not _is_date(change.on):
                found.append("Each stage change needs its date (YYYY-MM-DD).")
        if [c.on for c in self.stages] != sorted(c.on for c in self.stages):
            found.append("Stage changes are recorded in date order.")
        return found


@dataclass(frozen=True)
class GriefRecord:
    person_id: int | None  # the person who died, from the inventory (None if not listed)
    died_on: str | None = None
    anniversaries: tuple[str, ...] = ()  # dates or plain words ("her birthday in May")
    avoidance: str = ""
    relationship: str = ""  # what the relationship was, good and bad sides

    def problems(self) -> list[str]:
        if self.died_on and not _is_date(self.died_on):
            return ["The date of death is a date (YYYY-MM-DD)."]
        return []


@dataclass(frozen=True)
class TransitionRecord:
    old_role: str = ""
    new_role: str = ""
    lost: str = ""
    gained: str = ""
    feelings: str = ""
    skills_needed: str = ""
    supports_needed: str = ""

    def problems(self) -> list[str]:
        if not (self.old_role.strip() and self.new_role.strip()):
            return ["Name the old role and the new role."]
        return []


@dataclass(frozen=True)
class DeficitsRecord:
    isolation_pattern: str = ""
    therapeutic_relationship: str = ""  # how the relationship with the therapist serves as a model

    def problems(self) -> list[str]:
        return [] if self.isolation_pattern.strip() else ["Describe the pattern of isolation."]


@dataclass(frozen=True)
class ProblemAreaRecords:
    """Everything recorded about the problem areas of one episode."""

    dispute: DisputeRecord | None = None
    grief: GriefRecord | None = None
    transition: TransitionRecord | None = None
    deficits: DeficitsRecord | None = None

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {}
        if self.dispute:
            d = self.dispute
            doc["dispute"] = {
                "person_id": d.person_id,
                "stages": [{"on": c.on, "stage": c.stage, "note": c.note} for c in d.stages],
                "client_wants": d.client_wants,
                "other_wants": d.other_wants,
            }
        if self.grief:
            g = self.grief
            doc["grief"] = {
                "person_id": g.person_id,
                "died_on": g.died_on,
                "anniversaries": list(g.anniversaries),
                "avoidance": g.avoidance,
                "relationship": g.relationship,
            }
        if self.transition:
            doc["transition"] = {k: getattr(self.transition, k) for k, _ in TRANSITION_FIELDS}
        if self.deficits:
            doc["deficits"] = {
                "isolation_pattern": self.deficits.isolation_pattern,
                "therapeutic_relationship": self.deficits.therapeutic_relationship,
            }
        return doc

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> ProblemAreaRecords:
        dispute = grief = transition = deficits = None
        if d := doc.get("dispute"):
            dispute = DisputeRecord(
                int(d["person_id"]),
                tuple(StageChange(c["on"], c["stage"], c.get("note", "")) for c in d["stages"]),
                d.get("client_wants", ""),
                d.get("other_wants", ""),
            )
        if g := doc.get("grief"):
            grief = GriefRecord(
                g.get("person_id"),
                g.get("died_on"),
                tuple(g.get("anniversaries", [])),
                g.get("avoidance", ""),
                g.get("relationship", ""),
            )
        if t := doc.get("transition"):
            transition = TransitionRecord(**{k: str(t.get(k, "")) for k, _ in TRANSITION_FIELDS})
        if x := doc.get("deficits"):
            deficits = DeficitsRecord(
                x.get("isolation_pattern", ""), x.get("therapeutic_relationship", "")
            )
        return cls(dispute, grief, transition, deficits)
