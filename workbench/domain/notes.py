"""Session notes: the IPT session pattern (ipt-reference §3, §14.2), draft -> signed -> addenda."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The structured note's sections, in the order of an IPT session.
SESSION_SECTIONS = (
    ("check_in", "Check-in and symptoms"),
    ("mood_event_link", "Mood and event link"),
    ("problem_area_work", "Problem-area work"),
    ("techniques", "Techniques used"),
    ("incidents", "Interpersonal incidents and communication analysis"),
    ("decision_analysis", "Decision analysis"),
    ("role_play", "Role play"),
    ("between_session_plan", "Between-session plan"),
    ("next_session_plan", "Plan for next session"),
    ("supervision_question", "Question for supervision"),
)
SECTION_KEYS = frozenset(key for key, _ in SESSION_SECTIONS)


@dataclass(frozen=True)
class Signature:
    signed_by: str
    signed_at: str
    content_hash: str


@dataclass(frozen=True)
class Note:
    id: int
    session_id: int | None
    kind: str  # session | addendum | risk
    body: dict[str, Any]
    signature: Signature | None
    addenda: tuple[Note, ...] = field(default=())

    @property
    def signed(self) -> bool:
        return self.signature is not None


def unknown_sections(body: dict[str, Any]) -> list[str]:
    """Keys of a session note body that are not sections of the IPT session pattern."""
    return sorted(set(body) - SECTION_KEYS)
