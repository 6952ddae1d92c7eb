"""Risk flags and the structured risk note that acknowledges them (ipt-reference §11).

The app records and shows; it never judges risk, advises, or calls a low score safe.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

NATURE_OF_THOUGHTS = (
    "passive wish",
    "active ideation",
    "method",
    "intent",
    "plan",
    "preparatory behaviour",
    "past attempts",
)
ACTIONS = (
    "safety plan reviewed",
    "safety plan created",
    "contact with supervisor",
    "referral",
    "emergency services",
    "family involvement with consent",
)
OFFLINE_NOTICE = (
    "Flags are seen only by you: nobody else monitors this app. Local emergency procedures apply."
)


@dataclass(frozen=True)
class RiskFlagView:
    id: int
    source: str  # e.g. "PHQ-9 item 9"
    raised_at: str
    open: bool
    note_id: int | None


@dataclass(frozen=True)
class RiskNote:
    """What the clinician writes to acknowledge a flag; every judgement is theirs."""

    risk_formulation: str  # in the clinician's own words
    nature_of_thoughts: tuple[str, ...] = ()
    frequency_recency: str = ""
    protective_factors: str = ""
    actions_taken: str = ""
    action_checks: tuple[str, ...] = ()
    follow_up_date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def problems(self) -> list[str]:
        found = []
        if not self.risk_formulation.strip():
            found.append("Write the risk formulation in your own words.")
        unknown = set(self.nature_of_thoughts) - set(NATURE_OF_THOUGHTS)
        if unknown:
            found.append(f"Unknown kinds of thoughts: {', '.join(sorted(unknown))}.")
        unknown = set(self.action_checks) - set(ACTIONS)
        if unknown:
            found.append(f"Unknown actions: {', '.join(sorted(unknown))}.")
        return found

    def body(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["nature_of_thoughts"] = list(self.nature_of_thoughts)
        doc["action_checks"] = list(self.action_checks)
        return doc
