"""Risk flags stay open until the clinician writes a structured risk note; nothing is advised."""

from __future__ import annotations

from workbench.domain.notes import Note
from workbench.domain.risk import RiskFlagView, RiskNote
from workbench.errors import InvalidInput
from workbench.services.episodes import signer
from workbench.store import form_drafts, measures, notes
from workbench.store.vault import Vault


def flags(vault: Vault, episode_id: int) -> list[RiskFlagView]:
    with vault.reading() as conn:
        return measures.risk_flags(conn, episode_id)


def open_flags(vault: Vault, episode_id: int) -> list[RiskFlagView]:
    return [f for f in flags(vault, episode_id) if f.open]


def write_risk_note(
    vault: Vault,
    episode_id: int,
    note: RiskNote,
    flag_ids: list[int] | None = None,
    session_id: int | None = None,
) -> int:
    """Store a signed risk note; the given open flags are closed by it. Returns the note id."""
    problems = note.problems()
    if problems:
        raise InvalidInput(" ".join(problems))
    name = signer(vault)
    with vault.transaction() as tx:
        note_id = notes.add_note(
            tx,
            vault.now(),
            episode_id,
            note.body(),
            kind="risk",
            session_id=session_id,
            signer=name,
        )
        measures.close_flags(tx, flag_ids or [], note_id, episode_id)
        form_drafts.discard(tx, episode_id, form_drafts.RISK_NOTE, "")  # the draft became this note
        vault.audit(tx, "sign", "risk-note", note_id)
        for flag_id in flag_ids or []:
            vault.audit(tx, "edit", "risk-flag", flag_id)
    return note_id


def risk_notes(vault: Vault, episode_id: int) -> list[Note]:
    """Every signed risk note of the episode, newest first."""
    with vault.reading() as conn:
        return [notes.get_note(conn, i) for i in measures.risk_note_ids(conn, episode_id)]
