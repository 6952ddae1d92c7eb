"""Fast insertion of whole client records (demo data, imports): ids assigned here, executemany."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from workbench.store.clients import name_key
from workbench.store.connection import Connection
from workbench.store.notes import content_hash, note_text

Bundle = dict[str, Any]

_COLUMNS: dict[str, tuple[str, ...]] = {
    "clients": (
        "id",
        "code",
        "given_name",
        "family_name",
        "preferred_name",
        "date_of_birth",
        "contact_json",
        "name_key",
        "created_at",
        "updated_at",
    ),
    "episodes": (
        "id",
        "client_id",
        "kind",
        "manual_profile",
        "contracted_sessions",
        "session_length_min",
        "frequency",
        "format",
        "start_date",
        "end_date",
        "status",
        "created_at",
        "updated_at",
    ),
    "sessions": ("id", "episode_id", "number", "held_on", "attendance", "created_at"),
    "notes": (
        "id",
        "episode_id",
        "session_id",
        "parent_id",
        "kind",
        "body_json",
        "body_text",
        "status",
        "signed_by",
        "signed_at",
        "content_hash",
        "created_at",
        "updated_at",
    ),
    "inventory_people": (
        "id",
        "episode_id",
        "alias",
        "relationship",
        "details_json",
        "created_at",
        "updated_at",
    ),
    "circle_snapshots": ("id", "episode_id", "taken_on", "label"),
    "circle_placements": ("snapshot_id", "person_id", "ring", "line_style"),
    "timeline_events": (
        "id",
        "episode_id",
        "event_date",
        "date_precision",
        "event_type",
        "impact",
        "symptom_marker",
        "notes",
    ),
    "timeline_event_people": ("event_id", "person_id"),
    "formulations": (
        "episode_id",
        "primary_area",
        "secondary_area",
        "sections_json",
        "statement",
        "shared_on",
        "patient_agreed",
        "patient_words",
        "updated_at",
    ),
    "goals": ("id", "episode_id", "problem_area", "text", "status", "position"),
    "measure_administrations": (
        "id",
        "episode_id",
        "session_id",
        "instrument",
        "administered_on",
        "total",
        "complete",
        "created_at",
    ),
    "measure_responses": ("administration_id", "item", "value"),
    "checklist_state": ("episode_id", "item_id", "status", "note", "updated_at"),
    "maintenance_plans": ("episode_id", "plan_json", "updated_at"),
    "risk_flags": (
        "id",
        "episode_id",
        "administration_id",
        "source",
        "raised_at",
        "status",
        "note_id",
    ),
    "episode_records": ("episode_id", "kind", "body_json", "updated_at"),
}
# Parents before children, so foreign keys hold at every statement.
_ORDER = tuple(_COLUMNS)


class _Ids:
    """Next free id per table, read once per batch."""

    def __init__(self, conn: Connection) -> None:
        self._next: dict[str, int] = {}
        self._conn = conn

    def take(self, table: str) -> int:
        if table not in self._next:
            row = self._conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
            self._next[table] = int(row[0]) + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value


def insert_bundles(tx: Connection, bundles: list[Bundle], now: str) -> list[int]:
    """Insert client bundles (see demo.generator for the shape); returns the new client ids."""
    ids = _Ids(tx)
    rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    client_ids = [_client_rows(b, ids, rows, now) for b in bundles]
    for table in _ORDER:
        if rows[table]:
            cols = _COLUMNS[table]
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            tx.executemany(sql, rows[table])
    return client_ids


def _client_rows(b: Bundle, ids: _Ids, rows: dict[str, list[tuple[Any, ...]]], now: str) -> int:
    cid = ids.take("clients")
    rows["clients"].append(
        (
            cid,
            b["code"],
            b["given_name"],
            b["family_name"],
            b.get("preferred_name", ""),
            b.get("date_of_birth"),
            json.dumps(b.get("contact", {}), ensure_ascii=False),
            name_key(b["given_name"], b["family_name"], b.get("preferred_name", ""), b["code"]),
            now,
            now,
        )
    )
    for ep in b.get("episodes", []):
        _episode_rows(cid, ep, ids, rows, now)
    return cid


def _episode_rows(
    cid: int, ep: Bundle, ids: _Ids, rows: dict[str, list[tuple[Any, ...]]], now: str
) -> None:
    eid = ids.take("episodes")
    rows["episodes"].append(
        (
            eid,
            cid,
            ep["kind"],
            ep["manual_profile"],
            ep["contracted_sessions"],
            ep.get("session_length_min", 50),
            ep.get("frequency", "weekly"),
            ep.get("format", "individual"),
            ep["start_date"],
            ep.get("end_date"),
            ep.get("status", "active"),
            now,
            now,
        )
    )
    people: dict[str, int] = {}
    for person in ep.get("people", []):
        pid = ids.take("inventory_people")
        people[person["alias"]] = pid
        rows["inventory_people"].append(
            (
                pid,
                eid,
                person["alias"],
                person.get("relationship", "other"),
                json.dumps(person.get("details", {}), ensure_ascii=False),
                now,
                now,
            )
        )
    for snap in ep.get("circle_snapshots", []):
        snap_id = ids.take("circle_snapshots")
        rows["circle_snapshots"].append((snap_id, eid, snap["taken_on"], snap.get("label", "")))
        for alias, ring, style in snap["placements"]:
            rows["circle_placements"].append((snap_id, people[alias], ring, style))
    for event in ep.get("timeline", []):
        ev_id = ids.take("timeline_events")
        rows["timeline_events"].append(
            (
                ev_id,
                eid,
                event["date"],
                event.get("precision", "day"),
                event["type"],
                event.get("impact"),
                event.get("symptom_marker"),
                event.get("notes", ""),
            )
        )
        rows["timeline_event_people"].extend((ev_id, people[a]) for a in event.get("people", []))
    form = ep.get("formulation")
    if form:
        rows["formulations"].append(
            (
                eid,
                form.get("primary_area"),
                form.get("secondary_area"),
                json.dumps(form.get("sections", {}), ensure_ascii=False),
                form.get("statement", ""),
                form.get("shared_on"),
                form.get("patient_agreed"),
                form.get("patient_words", ""),
                now,
            )
        )
    for pos, goal in enumerate(ep.get("goals", [])):
        rows["goals"].append(
            (
                ids.take("goals"),
                eid,
                goal.get("problem_area"),
                goal["text"],
                goal.get("status", "open"),
                pos,
            )
        )
    for session in ep.get("sessions", []):
        _session_rows(eid, session, ids, rows, now)
    rows["checklist_state"].extend(
        (eid, item_id, status, "", now) for item_id, status in ep.get("checklist", [])
    )
    plan = ep.get("maintenance_plan")
    if plan is not None:
        plan = dict(plan)
        plan["support_people"] = [
            {"person_id": people[p["alias"]], "contact_for": p.get("contact_for", "")}
            for p in plan.get("support_people", [])
        ]
        rows["maintenance_plans"].append((eid, json.dumps(plan, ensure_ascii=False), now))
    for kind, body in ep.get("records", {}).items():
        rows["episode_records"].append((eid, kind, _record_json(body, people), now))
    if ep.get("carry_open_flags_on"):  # ended with open flags, carried forward explicitly
        still_open = [r[0] for r in rows["risk_flags"] if r[1] == eid and r[5] == "open"]
        carry = {"carried_on": ep["carry_open_flags_on"], "flags": still_open}
        rows["episode_records"].append((eid, "flag-carry", _record_json(carry, people), now))


def _record_json(body: Bundle, people: dict[str, int]) -> str:
    """A record body with people named by alias (bundle form) turned into inventory ids."""
    doc = {key: dict(value) if isinstance(value, dict) else value for key, value in body.items()}
    for part in doc.values():
        if isinstance(part, dict) and "person_alias" in part:
            part["person_id"] = people[part.pop("person_alias")]
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


def _session_rows(
    eid: int, s: Bundle, ids: _Ids, rows: dict[str, list[tuple[Any, ...]]], now: str
) -> None:
    sid = ids.take("sessions")
    rows["sessions"].append(
        (sid, eid, s["number"], s["held_on"], s.get("attendance", "attended"), now)
    )
    note = s.get("note")
    if note is not None:
        nid = _note_row(eid, sid, None, "session", note, ids, rows, now, s["held_on"])
        for addendum in note.get("addenda", []):
            _note_row(eid, sid, nid, "addendum", addendum, ids, rows, now, s["held_on"])
    for measure in s.get("measures", []):
        aid = ids.take("measure_administrations")
        rows["measure_administrations"].append(
            (
                aid,
                eid,
                sid,
                measure["instrument"],
                s["held_on"],
                measure.get("total"),
                1 if measure.get("complete", True) else 0,
                now,
            )
        )
        rows["measure_responses"].extend(
            (aid, item, value)
            for item, value in enumerate(measure["items"], start=1)
            if value is not None
        )
        for flag in measure.get("risk_flags", []):
            note_id = None
            if flag.get("risk_note") is not None:
                note_id = _note_row(
                    eid, sid, None, "risk", flag["risk_note"], ids, rows, now, s["held_on"]
                )
            rows["risk_flags"].append(
                (
                    ids.take("risk_flags"),
                    eid,
                    aid,
                    flag["source"],
                    s["held_on"],
                    "noted" if note_id else "open",
                    note_id,
                )
            )


def _note_row(
    eid: int,
    sid: int | None,
    parent: int | None,
    kind: str,
    note: Bundle,
    ids: _Ids,
    rows: dict[str, list[tuple[Any, ...]]],
    now: str,
    held_on: str | None = None,
) -> int:
    """A note row; a signed note without a stored hash gets the real one computed here."""
    nid = ids.take("notes")
    body_json = json.dumps(note["body"], ensure_ascii=False, sort_keys=True)
    signer = note.get("signed_by")
    signed_at = note.get("signed_at") or (f"{held_on}T18:00:00Z" if signer and held_on else None)
    digest = note.get("content_hash")
    if signer and signed_at and not digest:
        digest = content_hash(body_json, signer, signed_at)
    rows["notes"].append(
        (
            nid,
            eid,
            sid,
            parent,
            kind,
            body_json,
            note_text(note["body"]),
            "signed" if signer else "draft",
            signer,
            signed_at if signer else None,
            digest if signer else None,
            now,
            now,
        )
    )
    return nid
