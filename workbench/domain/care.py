"""Medication and referrals as the client reports them, and the episode's format and adaptation.

Recorded, never advised: the app holds no dosing logic and suggests nothing (ipt-reference §13).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

DELIVERY = ("in person", "telephone", "video", "group")
POPULATIONS = ("adult", "adolescent", "perinatal", "older adult")


def _bad_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return True
    return False


@dataclass(frozen=True)
class DatedEntry:
    on: str  # ISO date
    text: str


@dataclass(frozen=True)
class MedicationRecord:
    current: str = ""  # as the client reports it
    prescriber: str = ""
    changes: tuple[DatedEntry, ...] = ()
    referrals: tuple[DatedEntry, ...] = ()

    def problems(self) -> list[str]:
        found = []
        for label, entries in (("change", self.changes), ("referral", self.referrals)):
            for entry in entries:
                if _bad_date(entry.on):
                    found.append(f"Each {label} needs its date (YYYY-MM-DD).")
                if not entry.text.strip():
                    found.append(f"Each {label} needs a few words.")
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "current": self.current,
            "prescriber": self.prescriber,
            "changes": [{"on": e.on, "text": e.text} for e in self.changes],
            "referrals": [{"on": e.on, "text": e.text} for e in self.referrals],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> MedicationRecord:
        def entries(key: str) -> tuple[DatedEntry, ...]:
            return tuple(DatedEntry(str(e["on"]), str(e["text"])) for e in doc.get(key, []))

        return cls(
            str(doc.get("current", "")),
            str(doc.get("prescriber", "")),
            entries("changes"),
            entries("referrals"),
        )


@dataclass(frozen=True)
class Adaptation:
    delivery: str = "in person"
    population: str = "adult"
    notes: str = ""  # e.g. interpreter, guardian consent, privacy check for telephone sessions

    def problems(self) -> list[str]:
        found = []
        if self.delivery not in DELIVERY:
            found.append(f"Format is {', '.join(DELIVERY)}.")
        if self.population not in POPULATIONS:
            found.append(f"Adaptation is {', '.join(POPULATIONS)}.")
        return found

    def to_json(self) -> dict[str, Any]:
        return {"delivery": self.delivery, "population": self.population, "notes": self.notes}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Adaptation:
        return cls(
            str(doc.get("delivery", "in person")),
            str(doc.get("population", "adult")),
            str(doc.get("notes", "")),
        )
