"""Per-episode records kept as one JSON body each: flag carries, reviews, contracts, adaptation."""

from __future__ import annotations

import json
from typing import Any

from workbench.store.connection import Connection

FLAG_CARRY = "flag-carry"
ENDING_REVIEW = "ending-review"
MAINTENANCE_CONTRACT = "maintenance-contract"
ADAPTATION = "adaptation"
MEDICATION = "medication"
PROBLEM_AREA = "problem-area"
KINDS = (FLAG_CARRY, ENDING_REVIEW, MAINTENANCE_CONTRACT, ADAPTATION, MEDICATION, PROBLEM_AREA)


def get(conn: Connection, episode_id: int, kind: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT body_json FROM episode_records WHERE episode_id = ? AND kind = ?",
        (episode_id, kind),
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def put(tx: Connection, now: str, episode_id: int, kind: str, body: dict[str, Any]) -> None:
    tx.execute(
        "INSERT INTO episode_records (episode_id, kind, body_json, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (episode_id, kind) DO UPDATE SET body_json = excluded.body_json, "
        "updated_at = excluded.updated_at",
        (episode_id, kind, json.dumps(body, ensure_ascii=False, sort_keys=True), now),
    )


def client_bodies(conn: Connection, client_id: int, kind: str) -> list[dict[str, Any]]:
    """The bodies of one kind across the client's episodes, oldest episode first."""
    return [
        dict(json.loads(r[0]))
        for r in conn.execute(
            "SELECT r.body_json FROM episode_records r JOIN episodes e ON e.id = r.episode_id "
            "WHERE e.client_id = ? AND r.kind = ? ORDER BY e.start_date, e.id",
            (client_id, kind),
        )
    ]
