"""Inventory people, closeness-circle snapshots and timeline events of an episode."""

from __future__ import annotations

import json

from workbench.domain.inventory import (
    CircleSnapshot,
    Person,
    PersonDetails,
    Placement,
    TimelineEvent,
)
from workbench.errors import NotFound
from workbench.store.connection import Connection


def add_person(
    tx: Connection, now: str, episode_id: int, alias: str, relationship: str, details: PersonDetails
) -> int:
    cur = tx.execute(
        "INSERT INTO inventory_people (episode_id, alias, relationship, details_json, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            episode_id,
            alias,
            relationship,
            json.dumps(details.to_json(), ensure_ascii=False),
            now,
            now,
        ),
    )
    return int(cur.lastrowid)


def update_person(
    tx: Connection, now: str, person_id: int, alias: str, relationship: str, details: PersonDetails
) -> None:
    cur = tx.execute(
        "UPDATE inventory_people SET alias = ?, relationship = ?, details_json = ?, "
        "updated_at = ? WHERE id = ?",
        (alias, relationship, json.dumps(details.to_json(), ensure_ascii=False), now, person_id),
    )
    if cur.rowcount == 0:
        raise NotFound("No such person in the inventory.")


def people(conn: Connection, episode_id: int) -> list[Person]:
    rows = conn.execute(
        "SELECT id, alias, relationship, details_json, aliases_json, places_json "
        "FROM inventory_people WHERE episode_id = ? ORDER BY id",
        (episode_id,),
    )
    return [
        Person(
            r[0],
            r[1],
            r[2],
            PersonDetails.from_json(json.loads(r[3])),
            tuple(json.loads(r[4])),
            tuple(json.loads(r[5])),
        )
        for r in rows
    ]


def add_snapshot(
    tx: Connection, episode_id: int, taken_on: str, label: str, placements: list[Placement]
) -> int:
    cur = tx.execute(
        "INSERT INTO circle_snapshots (episode_id, taken_on, label) VALUES (?, ?, ?)",
        (episode_id, taken_on, label),
    )
    snapshot_id = int(cur.lastrowid)
    tx.executemany(
        "INSERT INTO circle_placements (snapshot_id, person_id, ring, line_style) "
        "SELECT ?, id, ?, ? FROM inventory_people WHERE id = ? AND episode_id = ?",
        [(snapshot_id, p.ring, p.line_style, p.person_id, episode_id) for p in placements],
    )
    return snapshot_id


def snapshots(conn: Connection, episode_id: int) -> list[CircleSnapshot]:
    """Closeness-circle snapshots, oldest first (intake, ..., end)."""
    rows = conn.execute(
        "SELECT id, taken_on, label FROM circle_snapshots WHERE episode_id = ? "
        "ORDER BY taken_on, id",
        (episode_id,),
    ).fetchall()
    placed: dict[int, list[Placement]] = {r[0]: [] for r in rows}
    for snapshot_id, person_id, ring, style in conn.execute(
        "SELECT p.snapshot_id, p.person_id, p.ring, p.line_style FROM circle_placements p "
        "JOIN circle_snapshots s ON s.id = p.snapshot_id WHERE s.episode_id = ? "
        "ORDER BY p.person_id",
        (episode_id,),
    ):
        placed[snapshot_id].append(Placement(person_id, ring, style))
    return [CircleSnapshot(r[0], r[1], r[2], tuple(placed[r[0]])) for r in rows]


def add_event(tx: Connection, episode_id: int, event: TimelineEvent) -> int:
    cur = tx.execute(
        "INSERT INTO timeline_events (episode_id, event_date, date_precision, event_type, "
        "impact, symptom_marker, notes, places_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            episode_id,
            event.event_date,
            event.date_precision,
            event.event_type,
            event.impact,
            event.symptom_marker,
            event.notes,
            json.dumps(list(event.places), ensure_ascii=False),
        ),
    )
    event_id = int(cur.lastrowid)
    tx.executemany(
        "INSERT INTO timeline_event_people (event_id, person_id) "
        "SELECT ?, id FROM inventory_people WHERE id = ? AND episode_id = ?",
        [(event_id, person_id, episode_id) for person_id in event.people],
    )
    return event_id


def events(conn: Connection, episode_id: int) -> list[TimelineEvent]:
    rows = conn.execute(
        "SELECT id, event_date, date_precision, event_type, impact, symptom_marker, notes, "
        "places_json FROM timeline_events WHERE episode_id = ? ORDER BY event_date, id",
        (episode_id,),
    ).fetchall()
    linked: dict[int, list[int]] = {r[0]: [] for r in rows}
    for event_id, person_id in conn.execute(
        "SELECT l.event_id, l.person_id FROM timeline_event_people l "
        "JOIN timeline_events e ON e.id = l.event_id WHERE e.episode_id = ?",
        (episode_id,),
    ):
        linked[event_id].append(person_id)
    return [
        TimelineEvent(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            people=tuple(sorted(linked[r[0]])),
            places=tuple(json.loads(r[7])),
        )
        for r in rows
    ]
