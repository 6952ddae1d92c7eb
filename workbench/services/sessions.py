"""Sessions and their notes: record a session, edit the draft, sign it, add signed addenda."""

from __future__ import annotations

from typing import Any

from workbench.domain.notes import Note, unknown_sections
from workbench.errors import InvalidInput, SignedNoteLocked
from workbench.protocol import techniques
from workbench.services.episodes import signer
from workbench.store import episodes, form_drafts, notes
from workbench.store.vault import Vault


def record_session(
    vault: Vault, episode_id: int, held_on: str, attendance: str = "attended"
) -> tuple[int, int]:
    """The next session of the episode with an empty draft note; returns (session id, note id)."""
    with vault.transaction() as tx:
        number = episodes.sessions_held(tx, episode_id) + 1
        now = vault.now()
        session_id = episodes.add_session(tx, now, episode_id, number, held_on, attendance)
        note_id = notes.add_note(tx, now, episode_id, {}, session_id=session_id)
        vault.audit(tx, "create", "session", session_id)
    return session_id, note_id


def save_note(vault: Vault, note_id: int, body: dict[str, Any]) -> None:
    """Save the draft (structured sections of the IPT session pattern)."""
    unknown = unknown_sections(body)
    if unknown:
        raise InvalidInput(f"Unknown note sections: {', '.join(unknown)}.")
    with vault.transaction() as tx:
        episode_id, *_ = notes.note_episode(tx, note_id)
        profile = episodes.get_episode(tx, episode_id).contract.manual_profile
        known = {t.id for t in techniques(profile)}
        strange = sorted(set(body.get("techniques", [])) - known)
        if strange:
            raise InvalidInput(f"Not techniques of the {profile} catalogue: {', '.join(strange)}.")
        notes.update_note(tx, vault.now(), note_id, body)
        vault.audit(tx, "edit", "note", note_id)


def sign(vault: Vault, note_id: int) -> str:
    """Sign and lock the note; returns its content hash. Nothing unlocks a signed note."""
    name = signer(vault)
    with vault.transaction() as tx:
        digest = notes.sign_note(tx, vault.now(), note_id, name)
        vault.audit(tx, "sign", "note", note_id)
    return digest


def add_addendum(vault: Vault, note_id: int, text: str) -> int:
    """A signed amendment to a signed note (the note itself never changes)."""
    if not text.strip():
        raise InvalidInput("An addendum needs some text.")
    name = signer(vault)
    with vault.transaction() as tx:
        episode_id, session_id, _, status = notes.note_episode(tx, note_id)
        if status != "signed":
            raise SignedNoteLocked("Edit the draft directly; addenda are for signed notes.")
        addendum_id = notes.add_note(
            tx,
            vault.now(),
            episode_id,
            {"text": text.strip()},
            kind="addendum",
            session_id=session_id,
            parent_id=note_id,
            signer=name,
        )
        form_drafts.discard(tx, episode_id, form_drafts.ADDENDUM, str(note_id))  # now signed
        vault.audit(tx, "sign", "addendum", addendum_id)
    return addendum_id


def get_note(vault: Vault, note_id: int) -> Note:
    with vault.reading() as conn:
        return notes.get_note(conn, note_id)


def save_process_note(
    vault: Vault, episode_id: int, body: str, session_id: int | None = None
) -> int:
    """Process notes are kept apart from the record: not searched, not exported by default."""
    with vault.transaction() as tx:
        note_id = notes.save_process_note(tx, vault.now(), episode_id, session_id, body)
        vault.audit(tx, "create", "process-note", note_id)
    return note_id


def session_note_id(vault: Vault, session_id: int) -> int | None:
    with vault.reading() as conn:
        return notes.session_note_id(conn, session_id)
