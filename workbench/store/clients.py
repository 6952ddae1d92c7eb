"""Clients, episodes, sessions and notes: the rows behind the caseload list and note search."""

from __future__ import annotations

import json
import secrets
from typing import Any

from workbench.domain.caseload import ClientRecord, ClientSummary, NoteHit, display_name
from workbench.domain.phase import derive_phase
from workbench.domain.text import fold, search_words
from workbench.errors import NotFound
from workbench.store.connection import Connection

_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_client_code() -> str:
    """An opaque code for de-identified exports (no order, no initials)."""
    return "C-" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))


def name_key(given: str, family: str, preferred: str, code: str) -> str:
    return fold(" ".join((given, family, preferred, code)))


def add_client(
    tx: Connection,
    now: str,
    *,
    given_name: str,
    family_name: str,
    preferred_name: str = "",
    date_of_birth: str | None = None,
    contact: dict[str, str] | None = None,
    code: str | None = None,
) -> int:
    if code is None:  # random codes can collide (1 in ~729 million per pair): draw again
        code = new_client_code()
        while tx.execute("SELECT 1 FROM clients WHERE code = ?", (code,)).fetchone():
            code = new_client_code()
    cur = tx.execute(
        "INSERT INTO clients (code, given_name, family_name, preferred_name, date_of_birth, "
        "contact_json, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            code,
            given_name,
            family_name,
            preferred_name,
            date_of_birth,
            json.dumps(contact or {}, ensure_ascii=False),
            name_key(given_name, family_name, preferred_name, code),
            now,
            now,
        ),
    )
    return int(cur.lastrowid)


def delete_client(tx: Connection, client_id: int) -> None:
    """Remove a client with every episode, note and index entry (cascades + FTS triggers)."""
    cur = tx.execute("DELETE FROM clients WHERE id = ?", (client_id,))
    if cur.rowcount == 0:
        raise NotFound()


SUMMARY_SQL = """
SELECT c.id, c.code, c.given_name, c.family_name, c.preferred_name,
       e.kind, e.manual_profile, e.contracted_sessions, e.status,
       (SELECT max(s.number) FROM sessions s WHERE s.episode_id = e.id),
       (SELECT count(*) FROM risk_flags r JOIN episodes re ON re.id = r.episode_id
         WHERE re.client_id = c.id AND r.status = 'open'),
       (SELECT m.total FROM measure_administrations m
         WHERE m.episode_id = e.id AND m.instrument = 'PHQ-9' AND m.complete = 1
           AND m.voided_at IS NULL
         ORDER BY m.administered_on DESC, m.id DESC LIMIT 1),
       (SELECT m.total FROM measure_administrations m
         WHERE m.episode_id = e.id AND m.instrument = 'PHQ-9' AND m.complete = 1
           AND m.voided_at IS NULL
         ORDER BY m.administered_on DESC, m.id DESC LIMIT 1 OFFSET 1),
       (SELECT p.review_date FROM plan_reviews p WHERE p.episode_id = e.id)
FROM clients c
LEFT JOIN episodes e ON e.id = (
    SELECT id FROM episodes WHERE client_id = c.id ORDER BY start_date DESC, id DESC LIMIT 1)
"""


NAME_FILTER = " WHERE c.name_key LIKE ? ESCAPE '\\'"
NAME_ORDER = " ORDER BY c.family_name, c.given_name, c.id"


def like_pattern(term: str) -> str:
    escaped = fold(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_clients(
    conn: Connection, search: str | None = None, limit: int | None = None
) -> list[ClientSummary]:
    """Clients sorted by name; *search* matches any part of a name or the client code."""
    sql, params = SUMMARY_SQL, list[object]()
    if search and search.strip():
        sql += NAME_FILTER
        params.append(like_pattern(search.strip()))
    sql += NAME_ORDER
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_summary(row) for row in conn.execute(sql, params)]


def get_client_summary(conn: Connection, client_id: int) -> ClientSummary:
    row = conn.execute(SUMMARY_SQL + " WHERE c.id = ?", (client_id,)).fetchone()
    if row is None:
        raise NotFound()
    return _summary(row)


def _summary(row: tuple[Any, ...]) -> ClientSummary:
    (cid, code, given, family, preferred, kind, profile, contracted, status, held, flags) = row[:11]
    last_phq9, previous_phq9, review_date = row[11:]
    phase = None
    if kind is not None:
        phase = derive_phase(
            sessions_held=held or 0,
            contracted=contracted,
            profile=profile,
            kind=kind,
            ended=status == "ended",
        )
    return ClientSummary(
        id=cid,
        code=code,
        display_name=display_name(given, family, preferred),
        phase=phase,
        session_number=held or 0,
        contracted_sessions=contracted,
        open_risk_flags=flags,
        last_phq9=last_phq9,
        previous_phq9=previous_phq9,
        review_date=review_date or None,
    )


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word must appear; the last one may be a prefix."""
    tokens = search_words(text)
    if not tokens:
        return None
    quoted = [f'"{t}"' for t in tokens]
    quoted[-1] += "*"
    return " ".join(quoted)


NOTE_SEARCH_SQL = """
SELECT n.id, c.id, c.given_name, c.family_name, c.preferred_name, s.number, s.held_on,
       n.body_text
FROM (SELECT rowid AS id FROM note_search WHERE note_search MATCH ?
      ORDER BY rowid DESC LIMIT ?) hit
JOIN notes n ON n.id = hit.id
JOIN episodes e ON e.id = n.episode_id
JOIN clients c ON c.id = e.client_id
LEFT JOIN sessions s ON s.id = n.session_id
ORDER BY coalesce(s.held_on, n.created_at) DESC, hit.id DESC
"""


def search_notes(conn: Connection, text: str, limit: int = 50) -> list[NoteHit]:
    """The most recently written notes containing every word of *text*, by session date.

    Recency (rowid order) is what a clinician scanning notes expects, and FTS5 serves it
    without scoring every match: bm25 ranking of a common word cost ~50 ms at 200k notes.
    """
    query = fts_query(text)
    if query is None:
        return []
    rows = conn.execute(NOTE_SEARCH_SQL, (query, limit))
    words = search_words(text)
    return [
        NoteHit(
            note_id=r[0],
            client_id=r[1],
            display_name=display_name(r[2], r[3], r[4]),
            session_number=r[5],
            held_on=r[6],
            body=r[7],
            words=words,
        )
        for r in rows
    ]


def get_client(conn: Connection, client_id: int) -> ClientRecord:
    row = conn.execute(
        "SELECT id, code, given_name, family_name, preferred_name, date_of_birth, contact_json "
        "FROM clients WHERE id = ?",
        (client_id,),
    ).fetchone()
    if row is None:
        raise NotFound("No client with that id.")
    return ClientRecord(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]))
