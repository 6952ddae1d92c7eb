"""Edits the workspace pages make that the core stores had no statement for: timeline events."""

from __future__ import annotations

from workbench.domain.inventory import TimelineEvent
from workbench.errors import NotFound
from workbench.store.connection import Connection


def update_event(tx: Connection, episode_id: int, event: TimelineEvent) -> None:
    """Replace a life event's fields and its linked people (people of *episode_id* only)."""
    cur = tx.execute(
        "UPDATE timeline_events SET event_date = ?, date_precision = ?, event_type = ?, "
        "impact = ?, symptom_marker = ?, notes = ? WHERE id = ? AND episode_id = ?",
        (
            event.event_date,
            event.date_precision,
            event.event_type,
            event.impact,
            event.symptom_marker,
            event.notes,
            event.id,
            episode_id,
        ),
    )
    if cur.rowcount == 0:
        raise NotFound("No such event on this timeline.")
    tx.execute("DELETE FROM timeline_event_people WHERE event_id = ?", (event.id,))
    tx.executemany(
        "INSERT INTO timeline_event_people (event_id, person_id) "
        "SELECT ?, id FROM inventory_people WHERE id = ? AND episode_id = ?",
        [(event.id, person_id, episode_id) for person_id in event.people],
    )
