"""Fidelity records (ipt-reference §12, §14.3 items 8–11): the clinician's per-session
adherence self-rating, supervision meetings, and the case summary for the supervisor."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SessionRating:
    """One session's adherence self-rating; a rating of None means 'not applicable'."""

    session_id: int
    form_id: str
    ratings: dict[str, int | None]
    deviations: str = ""  # deviations from protocol and why
    recorded: bool = False
    recording_reviewed: bool = False
    form_version: int = 1
    session_number: int = 0  # filled in when read back

    @property
    def mean(self) -> float | None:
        given = [v for v in self.ratings.values() if v is not None]
        return sum(given) / len(given) if given else None


@dataclass(frozen=True)
class SupervisionMeeting:
    held_on: str  # ISO date
    supervisor: str
    client_ids: tuple[int, ...]  # cases discussed
    form_id: str = ""
    ratings: dict[str, int | None] = field(default_factory=dict)
    agreed_actions: str = ""
    id: int = 0
    form_version: int = 0

    @property
    def mean(self) -> float | None:
        given = [v for v in self.ratings.values() if v is not None]
        return sum(given) / len(given) if given else None


@dataclass(frozen=True)
class CaseSummary:
    """What the clinician writes for the supervisor (free text, de-identified on export)."""

    summary: str = ""  # one paragraph
    diagnosis: str = ""  # as recorded, e.g. "F32.1 moderate depressive episode"
    sick_role_given_on: str | None = None  # ISO date, None = not (yet) given
    questions: str = ""  # questions for supervision, one per line
