"""Risk flags and the structured risk note that acknowledges them (ipt-reference §11).

The app records and shows; it never judges risk, advises, or calls a low score safe.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from workbench.domain.risk_rule import REQUIRED_TEXT, risk_note_problems

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


def open_flags_text(count: int) -> str:
    """'1 open risk flag' / '3 open risk flags': the one wording every view and PDF uses."""
    return f"{count} open risk flag{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class RiskFlagView:
    id: int
    source: str  # e.g. "PHQ-9 item 9"
    raised_at: str
    open: bool
    note_id: int | None
    episode_id: int = 0  # the episode it was raised in; it belongs to the client, not to it
    carried_forward: str | None = None  # the date an episode ended with it still open


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
        """Plain sentences naming each required field left blank or holding a single word."""
        found = risk_note_problems(
            {name: str(getattr(self, name)) for name in REQUIRED_TEXT}, self.follow_up_date
        )
        return found + self.vocabulary_problems()

    def vocabulary_problems(self) -> list[str]:
        """Ticked kinds of thoughts or actions that are not in the lists."""
        found = []
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
