"""Unsigned form drafts (risk note, addendum, measure answers): one row per episode, kind, ref."""

from __future__ import annotations

import json
from typing import Any

from workbench.store.connection import Connection

RISK_NOTE = "risk-note"  # ref ''
ADDENDUM = "addendum"  # ref: the id of the signed note it amends
MEASURE = "measure"  # ref: the instrument id
KINDS = (RISK_NOTE, ADDENDUM, MEASURE)


def save(
    tx: Connection, now: str, episode_id: int, kind: str, ref: str, body: dict[str, Any]
) -> None:
    """Insert or replace the draft of (*episode_id*, *kind*, *ref*)."""
    tx.execute(
        "INSERT INTO form_drafts (episode_id, kind, ref, body_json, updated_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (episode_id, kind, ref) "
        "DO UPDATE SET body_json = excluded.body_json, updated_at = excluded.updated_at",
        (episode_id, kind, ref, json.dumps(body, ensure_ascii=False, sort_keys=True), now),
    )


def load(conn: Connection, episode_id: int, kind: str, ref: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT body_json FROM form_drafts WHERE episode_id = ? AND kind = ? AND ref = ?",
        (episode_id, kind, ref),
    ).fetchone()
    if row is None:
        return None
    body = json.loads(row[0])
    return body if isinstance(body, dict) else None


def discard(tx: Connection, episode_id: int, kind: str, ref: str) -> None:
    tx.execute(
        "DELETE FROM form_drafts WHERE episode_id = ? AND kind = ? AND ref = ?",
        (episode_id, kind, ref),
    )
