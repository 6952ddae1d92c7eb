"""Risk flags belong to the client and stay open until a structured risk note; nothing is advised.

Every function taking an episode id answers for that episode's client: a flag raised in an
earlier episode stays open, and is shown, in every later one.
"""

from __future__ import annotations

from workbench.domain.notes import Note
from workbench.domain.risk import RiskFlagView, RiskNote
from workbench.errors import InvalidInput
from workbench.services.episodes import signer
from workbench.store import form_drafts, measures, notes
from workbench.store.vault import Vault


def client_flags(vault: Vault, client_id: int) -> list[RiskFlagView]:
    """Every risk flag of the client, from any episode, oldest first."""
    with vault.reading() as conn:
        return measures.client_risk_flags(conn, client_id)


def client_open_flags(vault: Vault, client_id: int) -> list[RiskFlagView]:
    return [f for f in client_flags(vault, client_id) if f.open]


def flags(vault: Vault, episode_id: int) -> list[RiskFlagView]:
    """Every risk flag of the episode's client (flags follow the client across episodes)."""
    with vault.reading() as conn:
        return measures.client_risk_flags(conn, measures.client_of(conn, episode_id))


def open_flags(vault: Vault, episode_id: int) -> list[RiskFlagView]:
    return [f for f in flags(vault, episode_id) if f.open]


def write_risk_note(
    vault: Vault,
    episode_id: int,
    note: RiskNote,
    flag_ids: list[int] | None = None,
    session_id: int | None = None,
) -> int:
    """Store a signed (locked) risk note; the client's given open flags are closed by it.

    A note with a blank or one-word required field is refused, naming the field.
    """
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
    """Every signed risk note of the episode's client, from any episode, newest first."""
    with vault.reading() as conn:
        client_id = measures.client_of(conn, episode_id)
        return [notes.get_note(conn, i) for i in measures.client_risk_note_ids(conn, client_id)]


def client_risk_notes(vault: Vault, client_id: int) -> list[Note]:
    """Every signed risk note of the client, newest first (the first is the latest)."""
    with vault.reading() as conn:
        return [notes.get_note(conn, i) for i in measures.client_risk_note_ids(conn, client_id)]
