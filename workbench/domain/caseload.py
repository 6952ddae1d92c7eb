"""Read models of the caseload: one line per client, one hit per matching note."""

from __future__ import annotations

from typing import NamedTuple

from workbench.domain.phase import Phase
from workbench.domain.text import excerpt


# NamedTuples rather than frozen dataclasses: lists of 10,000 are built on every search.
class ClientSummary(NamedTuple):
    id: int
    code: str
    display_name: str
    phase: Phase | None
    session_number: int
    contracted_sessions: int | None
    open_risk_flags: int
    last_phq9: int | None = None  # the latest complete PHQ-9 total in the current episode
    previous_phq9: int | None = None  # the one before it, for the trend
    review_date: str | None = None  # the maintenance plan's next review (ISO date)

    @property
    def phq9_change(self) -> int | None:
        """Latest minus previous PHQ-9 total (negative = fewer symptoms), None without two."""
        if self.last_phq9 is None or self.previous_phq9 is None:
            return None
        return self.last_phq9 - self.previous_phq9

    @property
    def session_label(self) -> str:
        if self.contracted_sessions is None:
            return "no episode"
        return f"session {self.session_number} of {self.contracted_sessions}"


class NoteHit(NamedTuple):
    note_id: int
    client_id: int
    display_name: str
    session_number: int | None
    held_on: str | None
    body: str
    words: tuple[str, ...]

    @property
    def excerpt(self) -> str:
        """Computed when shown, so a search only pays for the rows on screen."""
        return excerpt(self.body, self.words)


class ClientRecord(NamedTuple):
    """Identifying details: shown to the clinician, left out of de-identified exports."""

    id: int
    code: str
    given_name: str
    family_name: str
    preferred_name: str
    date_of_birth: str | None
    contact: dict[str, str]
    aliases: tuple[str, ...] = ()  # nicknames and other names the client goes by
    places: tuple[str, ...] = ()  # home town, workplace, school, services

    @property
    def display_name(self) -> str:
        return display_name(self.given_name, self.family_name, self.preferred_name)


def display_name(given: str, family: str, preferred: str = "") -> str:
    """How a client is named on screen: preferred or given name, then family name."""
    first = preferred or given
    if first and family:  # the common case first: this runs for every row of the caseload
        return f"{first} {family}"
    return first or family or "(no name)"
