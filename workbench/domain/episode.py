"""A course of IPT and its contract (ipt-reference §1): never assume 16 sessions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EpisodeKind(StrEnum):
    ACUTE = "acute"
    CONTINUATION = "continuation"
    MAINTENANCE = "maintenance"


class SessionFormat(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    TELEPHONE = "telephone"
    VIDEO = "video"


FREQUENCIES = ("weekly", "fortnightly", "monthly")
PROFILES = ("WMK", "SR")


@dataclass(frozen=True)
class Contract:
    """What was agreed at the start; changed only by an explicit renegotiation."""

    manual_profile: str
    contracted_sessions: int
    frequency: str = "weekly"
    format: SessionFormat = SessionFormat.INDIVIDUAL
    session_length_min: int = 50

    def problems(self) -> list[str]:
        """Plain reasons this contract cannot be recorded (empty when it can)."""
        found = []
        if self.manual_profile not in PROFILES:
            found.append("Choose the WMK or the S&R manual profile.")
        if not 1 <= self.contracted_sessions <= 200:
            found.append("The number of sessions must be between 1 and 200.")
        if self.frequency not in FREQUENCIES:
            found.append("Frequency is weekly, fortnightly or monthly.")
        if not 10 <= self.session_length_min <= 240:
            found.append("Session length must be between 10 and 240 minutes.")
        return found


@dataclass(frozen=True)
class Episode:
    id: int
    client_id: int
    kind: EpisodeKind
    contract: Contract
    start_date: str
    end_date: str | None
    ended: bool


@dataclass(frozen=True)
class ContractChange:
    changed_on: str
    old_sessions: int
    new_sessions: int
    reason: str
