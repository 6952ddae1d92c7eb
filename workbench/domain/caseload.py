"""Read models of the caseload: one line per client, one hit per matching note."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.phase import Phase


@dataclass(frozen=True)
class ClientSummary:
    id: int
    code: str
    display_name: str
    phase: Phase | None
    session_number: int
    contracted_sessions: int | None
    open_risk_flags: int

    @property
    def session_label(self) -> str:
        if self.contracted_sessions is None:
            return "no episode"
        return f"session {self.session_number} of {self.contracted_sessions}"


@dataclass(frozen=True)
class NoteHit:
    note_id: int
    client_id: int
    display_name: str
    session_number: int | None
    held_on: str | None
    excerpt: str


def display_name(given: str, family: str, preferred: str = "") -> str:
    """How a client is named on screen: preferred or given name, then family name."""
    first = preferred or given
    return " ".join(part for part in (first, family) if part) or "(no name)"
