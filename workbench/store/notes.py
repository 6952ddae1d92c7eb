"""Session notes, signed addenda, risk notes and (separately) process notes."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from workbench.domain.notes import Note, Signature
from workbench.errors import NotFound, SignedNoteLocked
from workbench.store.connection import Connection


def note_text(body: dict[str, Any]) -> str:
    """The searchable plain text of a structured note: its string values in order."""
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(body)
    return "\n".join(p for p in parts if p)


def content_hash(body_json: str, signer: str, signed_at: str) -> str:
    return hashlib.sha256(f"{body_json}\x00{signer}\x00{signed_at}".encode()).hexdigest()


def add_note(
    tx: Connection,
    now: str,
    episode_id: int,
    body: dict[str, Any],
    *,
    kind: str = "session",
    session_id: int | None = None,
    parent_id: int | None = None,
    signer: str | None = None,
) -> int:
    """Insert a note; with *signer* it is signed (and locked) in the same statement."""
    body_json = json.dumps(body, ensure_ascii=False, sort_keys=True)
    signature: tuple[str | None, ...] = ("draft", None, None, None)
    if signer is not None:
        signature = ("signed", signer, now, content_hash(body_json, signer, now))
    cur = tx.execute(
        "INSERT INTO notes (episode_id, session_id, parent_id, kind, body_json, body_text, "
        "status, signed_by, signed_at, content_hash, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (episode_id, session_id, parent_id, kind, body_json, note_text(body), *signature, now, now),
    )
    return int(cur.lastrowid)


def update_note(tx: Connection, now: str, note_id: int, body: dict[str, Any]) -> None:
    row = tx.execute("SELECT status FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise NotFound("No such note.")
    if row[0] == "signed":
        raise SignedNoteLocked()
    tx.execute(
        "UPDATE notes SET body_json = ?, body_text = ?, updated_at = ? WHERE id = ?",
        (json.dumps(body, ensure_ascii=False, sort_keys=True), note_text(body), now, note_id),
    )


def sign_note(tx: Connection, now: str, note_id: int, signer: str) -> str:
    """Sign and lock a draft note; returns the stored content hash."""
    row = tx.execute("SELECT status, body_json FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise NotFound("No such note.")
    if row[0] == "signed":
        raise SignedNoteLocked("This note is already signed.")
    digest = content_hash(row[1], signer, now)
    tx.execute(
        "UPDATE notes SET status = 'signed', signed_by = ?, signed_at = ?, content_hash = ?, "
        "updated_at = ? WHERE id = ?",
        (signer, now, digest, now, note_id),
    )
    return digest


_NOTE_COLUMNS = "id, session_id, kind, body_json, signed_by, signed_at, content_hash"


def _note(row: tuple[Any, ...], addenda: tuple[Note, ...] = ()) -> Note:
    nid, session_id, kind, body_json, signed_by, signed_at, digest = row
    signature = Signature(signed_by, signed_at, digest) if signed_by else None
    return Note(nid, session_id, kind, json.loads(body_json), signature, addenda)


def get_note(conn: Connection, note_id: int) -> Note:
    """A note with its signed addenda, oldest first."""
    row = conn.execute(
        f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?",
        (note_id,),
    ).fetchone()
    if row is None:
        raise NotFound("No such note.")
    addenda = conn.execute(
        f"SELECT {_NOTE_COLUMNS} FROM notes WHERE parent_id = ? ORDER BY id",
        (note_id,),
    )
    return _note(row, tuple(_note(a) for a in addenda))


def session_note_id(conn: Connection, session_id: int) -> int | None:
    row = conn.execute(
        "SELECT id FROM notes WHERE session_id = ? AND kind = 'session' ORDER BY id LIMIT 1",
        (session_id,),
    ).fetchone()
    return None if row is None else int(row[0])


def note_episode(conn: Connection, note_id: int) -> tuple[int, int | None, str, str]:
    """(episode id, session id, kind, status) of a note."""
    row = conn.execute(
        "SELECT episode_id, session_id, kind, status FROM notes WHERE id = ?", (note_id,)
    ).fetchone()
    if row is None:
        raise NotFound("No such note.")
    return int(row[0]), row[1], str(row[2]), str(row[3])


def save_process_note(
    tx: Connection, now: str, episode_id: int, session_id: int | None, body: str
) -> int:
    """Psychotherapy notes live apart: never indexed, never exported by default."""
    cur = tx.execute(
        "INSERT INTO process_notes (episode_id, session_id, body, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (episode_id, session_id, body, now, now),
    )
    return int(cur.lastrowid)


def process_notes(conn: Connection, episode_id: int) -> list[tuple[int, int | None, str, str]]:
    """(id, session id, body, created at) of an episode's process notes."""
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT id, session_id, body, created_at FROM process_notes WHERE episode_id = ? "
            "ORDER BY id",
            (episode_id,),
        )
    ]
