"""The whole caseload as one documented JSON file (docs/export-json.md), for portability."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from workbench.fileio import atomic_write_bytes, write_error
from workbench.store.connection import Connection
from workbench.store.migrations import schema_version
from workbench.store.vault import Vault

FORMAT = "ipt-workbench-caseload"
FORMAT_VERSION = 1
_JSON_COLUMNS = {
    "contact_json",
    "body_json",
    "details_json",
    "sections_json",
    "plan_json",
    "aliases_json",
    "places_json",
    "ratings_json",
}
# Tables hanging off an episode, with the key they are listed under. `form_drafts` is left out
# on purpose: drafts are unsigned work in progress, not part of the record a recipient may rely on.
_EPISODE_CHILDREN = (
    ("contract_changes", "contract_changes"),
    ("sessions", "sessions"),
    ("notes", "notes"),
    ("inventory_people", "inventory"),
    ("circle_snapshots", "circle_snapshots"),
    ("timeline_events", "timeline"),
    ("goals", "goals"),
    ("measure_administrations", "measures"),
    ("risk_flags", "risk_flags"),
    ("checklist_state", "checklist"),
    ("episode_records", "records"),
    ("fidelity_ratings", "fidelity_ratings"),
)


def _rows(conn: Connection, sql: str) -> list[dict[str, Any]]:
    cur = conn.execute(sql)
    names = [d[0] for d in cur.description]
    out = []
    for row in cur:
        record: dict[str, Any] = {}
        for name, value in zip(names, row, strict=True):
            if name in _JSON_COLUMNS:
                record[name.removesuffix("_json")] = json.loads(value)
            elif name not in ("name_key", "body_text"):
                record[name] = value
        out.append(record)
    return out


def _grouped(conn: Connection, sql: str, key: str) -> dict[Any, list[dict[str, Any]]]:
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for record in _rows(conn, sql):
        groups[record.pop(key)].append(record)
    return groups


def caseload_document(
    conn: Connection, exported_at: str, *, include_process_notes: bool = False
) -> dict[str, Any]:
    """Every client with episodes and their records, nested; ids are the vault's own."""
    children = {
        name: _grouped(conn, f"SELECT * FROM {table} ORDER BY 1", "episode_id")
        for table, name in _EPISODE_CHILDREN
    }
    if include_process_notes:
        children["process_notes"] = _grouped(
            conn, "SELECT * FROM process_notes ORDER BY id", "episode_id"
        )
    placements = _grouped(conn, "SELECT * FROM circle_placements", "snapshot_id")
    event_people = _grouped(conn, "SELECT * FROM timeline_event_people", "event_id")
    responses = _grouped(conn, "SELECT * FROM measure_responses ORDER BY 1, 2", "administration_id")
    single = {
        "formulation": {r.pop("episode_id"): r for r in _rows(conn, "SELECT * FROM formulations")},
        "maintenance_plan": {
            r.pop("episode_id"): r for r in _rows(conn, "SELECT * FROM maintenance_plans")
        },
        "case_summary": {
            r.pop("episode_id"): r for r in _rows(conn, "SELECT * FROM case_summaries")
        },
    }
    for snapshot in (s for group in children["circle_snapshots"].values() for s in group):
        snapshot["placements"] = placements.get(snapshot["id"], [])
    for event in (e for group in children["timeline"].values() for e in group):
        event["people"] = [p["person_id"] for p in event_people.get(event["id"], [])]
    for measure in (m for group in children["measures"].values() for m in group):
        measure["responses"] = {
            str(r["item"]): r["value"] for r in responses.get(measure["id"], [])
        }
    episodes = _grouped(
        conn, "SELECT * FROM episodes ORDER BY client_id, start_date, id", "client_id"
    )
    for episode in (e for group in episodes.values() for e in group):
        for name in children:
            episode[name] = children[name].get(episode["id"], [])
        for name, table in single.items():
            episode[name] = table.get(episode["id"])
    clients = _rows(conn, "SELECT * FROM clients ORDER BY id")
    for client in clients:
        client["episodes"] = episodes.get(client["id"], [])
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema_version": schema_version(conn),
        "exported_at": exported_at,
        "includes_process_notes": include_process_notes,
        "clients": clients,
        "supervision_meetings": _meetings(conn),
    }


def _meetings(conn: Connection) -> list[dict[str, Any]]:
    cases = _grouped(conn, "SELECT * FROM supervision_meeting_cases ORDER BY 1, 2", "meeting_id")
    found = _rows(conn, "SELECT * FROM supervision_meetings ORDER BY held_on, id")
    for meeting in found:
        meeting["cases"] = [c["client_id"] for c in cases.get(meeting["id"], [])]
    return found


def export_json(vault: Vault, out: Path, *, include_process_notes: bool = False) -> int:
    """Write the caseload atomically (owner-only) to *out*; returns the number of clients."""
    with vault.reading() as conn:
        doc = caseload_document(conn, vault.now(), include_process_notes=include_process_notes)
    with vault.transaction() as tx:
        vault.audit(tx, "export", "caseload-json")
    data = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:
        atomic_write_bytes(Path(out), data)
    except OSError as exc:
        raise write_error(exc, "the export") from exc
    return len(doc["clients"])
