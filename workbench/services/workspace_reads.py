"""Read-only views for the client workspace: session rows, measure summaries, process notes."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.notes import Note
from workbench.domain.risk import RiskFlagView
from workbench.measures import get_instrument
from workbench.protocol import PhaseStatus
from workbench.services import measures as measure_service
from workbench.services import risk, status
from workbench.store import episodes, measures, notes
from workbench.store.vault import Vault

OVERVIEW_INSTRUMENTS = ("PHQ-9", "GAD-7")


@dataclass(frozen=True)
class SessionRow:
    session_id: int
    number: int
    held_on: str
    attendance: str  # attended | cancelled | did_not_attend
    note_id: int | None
    signed: bool
    addenda: int


@dataclass(frozen=True)
class AdministrationRow:
    id: int
    instrument: str
    administered_on: str
    session_id: int | None
    session_number: int | None
    total: int | None  # None when incomplete (never prorated)
    band: str | None
    voided_at: str | None = None  # void: shown struck through, never counted
    void_reason: str | None = None


@dataclass(frozen=True)
class MeasureSummary:
    """The latest administration of one instrument and the complete totals before it."""

    instrument: str
    latest_on: str
    latest_total: int | None
    latest_band: str | None
    totals: tuple[int, ...]  # complete totals in date order (for a sparkline)
    progress: measure_service.Progress | None


@dataclass(frozen=True)
class ProcessNote:
    id: int
    session_id: int | None
    body: str
    created_at: str


@dataclass(frozen=True)
class Overview:
    status: PhaseStatus
    sessions_held: int
    contracted: int  # M of "session N of M" (0 or less: no valid contract)
    open_flags: tuple[RiskFlagView, ...]  # the client's, from every episode
    measures: tuple[MeasureSummary, ...]  # only instruments given at least once
    latest_risk_note: Note | None = None  # the client's latest, from any episode


def band_for(instrument: str, total: int | None) -> str | None:
    """The instrument's default band label for a complete total (None when incomplete)."""
    return None if total is None else get_instrument(instrument).default_bands.label_for(total)


def session_rows(vault: Vault, episode_id: int) -> list[SessionRow]:
    """Every session of the episode with the state of its note (signed or draft)."""
    rows: list[SessionRow] = []
    with vault.reading() as conn:
        for session_id, number, held_on, attendance in episodes.episode_sessions(conn, episode_id):
            note_id = notes.session_note_id(conn, session_id)
            note = notes.get_note(conn, note_id) if note_id is not None else None
            rows.append(
                SessionRow(
                    session_id,
                    number,
                    held_on,
                    attendance,
                    note_id,
                    bool(note and note.signed),
                    len(note.addenda) if note else 0,
                )
            )
    return rows


def administration_rows(vault: Vault, episode_id: int) -> list[AdministrationRow]:
    """Every administration of the episode in date order (voided ones too, marked), with its
    session number and band."""
    with vault.reading() as conn:
        numbers = {s[0]: s[1] for s in episodes.episode_sessions(conn, episode_id)}
        given = measures.administrations(conn, episode_id, include_void=True)
    return [
        AdministrationRow(
            a.id,
            a.instrument,
            a.administered_on,
            a.session_id,
            numbers.get(a.session_id) if a.session_id is not None else None,
            a.total,
            band_for(a.instrument, a.total),
            a.voided_at,
            a.void_reason,
        )
        for a in given
    ]


def measure_summary(vault: Vault, episode_id: int, instrument: str) -> MeasureSummary | None:
    given = measure_service.administrations(vault, episode_id, instrument)
    if not given:
        return None
    last = given[-1]
    return MeasureSummary(
        instrument,
        last.administered_on,
        last.total,
        band_for(instrument, last.total),
        tuple(a.total for a in given if a.total is not None),
        measure_service.progress(vault, episode_id, instrument),
    )


def overview(vault: Vault, episode_id: int) -> Overview:
    """Where the episode stands, the client's open flags and latest risk note, PHQ-9 / GAD-7."""
    summaries = (measure_summary(vault, episode_id, i) for i in OVERVIEW_INSTRUMENTS)
    with vault.reading() as conn:
        held = episodes.sessions_held(conn, episode_id)
        contracted = episodes.get_episode(conn, episode_id).contract.contracted_sessions
    return Overview(
        status.episode_status(vault, episode_id),
        held,
        contracted,
        tuple(risk.open_flags(vault, episode_id)),
        tuple(s for s in summaries if s is not None),
        next(iter(risk.risk_notes(vault, episode_id)), None),
    )


def process_notes(vault: Vault, episode_id: int) -> list[ProcessNote]:
    """The episode's process notes, oldest first (kept apart: never searched or exported)."""
    with vault.reading() as conn:
        return [ProcessNote(*row) for row in notes.process_notes(conn, episode_id)]
