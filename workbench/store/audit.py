"""The append-only, hash-chained audit log: who did what to which record, and when."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from workbench.store.connection import Connection

GENESIS = "0" * 64
ACTIONS = frozenset(
    {
        "create",
        "unlock",
        "edit",
        "sign",
        "void",
        "export",
        "backup",
        "restore",
        "delete",
        "migrate",
        "change-passphrase",
        "import",
    }
)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    prev_hash: str
    hash: str


def _digest(
    prev_hash: str, seq: int, at: str, actor: str, action: str, entity: str, entity_id: str
) -> str:
    body = json.dumps(
        [prev_hash, seq, at, actor, action, entity, entity_id],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def append(
    conn: Connection, at: str, actor: str, action: str, entity: str = "", entity_id: str = ""
) -> None:
    """Add one entry in the caller's transaction. Only ids and kinds, never clinical text."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    digest = _digest(prev, seq, at, actor, action, entity, entity_id)
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, entity, entity_id, prev, digest),
    )


def entries(conn: Connection, limit: int | None = None) -> list[AuditEntry]:
    """Entries newest first."""
    sql = (
        "SELECT seq, at, actor, action, entity, entity_id, prev_hash, hash FROM audit_log "
        "ORDER BY seq DESC"
    )
    rows = conn.execute(sql + " LIMIT ?", (limit,)) if limit else conn.execute(sql)
    return [AuditEntry(*row) for row in rows]


def verify_chain(conn: Connection) -> list[str]:
    """Problems found in the chain (empty when every entry links to the one before)."""
    problems: list[str] = []
    prev, expected_seq = GENESIS, 1
    rows = conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, prev_hash, hash FROM audit_log "
        "ORDER BY seq"
    )
    for seq, at, actor, action, entity, entity_id, prev_hash, digest in rows:
        if seq != expected_seq:
            problems.append(f"audit entry {expected_seq} is missing")
        if prev_hash != prev:
            problems.append(f"audit entry {seq} does not link to the entry before it")
        if _digest(prev_hash, seq, at, actor, action, entity, entity_id) != digest:
            problems.append(f"audit entry {seq} was altered")
        prev, expected_seq = digest, seq + 1
    return problems


# Entities whose audit entity_id is a row id in a table that carries the episode.
_EPISODE_ROWS = {
    "person": "inventory_people",
    "circle-snapshot": "circle_snapshots",
    "timeline-event": "timeline_events",
    "measure": "measure_administrations",
    "risk-flag": "risk_flags",
    "process-note": "process_notes",
    "session": "sessions",
    "note": "notes",
    "addendum": "notes",
    "risk-note": "notes",
    "fidelity-rating": "fidelity_ratings",
}


def entries_for_client(conn: Connection, client_id: int, limit: int = 500) -> list[AuditEntry]:
    """Entries about one client: the client, its episodes and everything recorded in them."""
    by_row = "\n".join(
        f"""           OR (entity = '{entity}' AND entity_id IN (
                SELECT CAST(t.id AS TEXT) FROM {table} t JOIN episodes e ON e.id = t.episode_id
                WHERE e.client_id = :c))"""
        for entity, table in _EPISODE_ROWS.items()
    )
    rows = conn.execute(
        f"""
        SELECT seq, at, actor, action, entity, entity_id, prev_hash, hash FROM audit_log
        WHERE (entity = 'client' AND entity_id = :c)
           OR (entity IN ('episode', 'contract', 'formulation', 'goals', 'maintenance-plan',
                          'case-summary')
               AND entity_id IN (SELECT CAST(id AS TEXT) FROM episodes WHERE client_id = :c))
{by_row}
           OR (entity = 'checklist' AND substr(entity_id, 1, instr(entity_id, ':') - 1) IN (
                SELECT CAST(id AS TEXT) FROM episodes WHERE client_id = :c))
           OR (entity IN ('session-summary', 'maintenance-plan', 'supervisor-report')
               AND entity_id = :c)
           OR (entity = 'deidentification'
               AND substr(entity_id, 1, instr(entity_id, ':') - 1) = :c)
        ORDER BY seq DESC LIMIT :limit
        """,
        {"c": str(client_id), "limit": limit},
    )
    return [AuditEntry(*row) for row in rows]
