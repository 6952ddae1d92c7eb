"""Aliases, nicknames and places stored on clients, inventory people and timeline events."""

from __future__ import annotations

import json

from workbench.errors import NotFound
from workbench.store.connection import Connection

_TABLES = {
    "client": ("clients", True),
    "person": ("inventory_people", True),
    "timeline-event": ("timeline_events", False),
}


def set_identifiers(
    tx: Connection,
    entity: str,
    row_id: int,
    *,
    aliases: tuple[str, ...] | None,
    places: tuple[str, ...],
) -> None:
    """Replace the lists of one row (events have places only: *aliases* is None there)."""
    table, has_aliases = _TABLES[entity]
    columns, values = ["places_json = ?"], [json.dumps(list(places), ensure_ascii=False)]
    if has_aliases and aliases is not None:
        columns.append("aliases_json = ?")
        values.append(json.dumps(list(aliases), ensure_ascii=False))
    cur = tx.execute(f"UPDATE {table} SET {', '.join(columns)} WHERE id = ?", (*values, row_id))
    if cur.rowcount == 0:
        raise NotFound(f"No such {entity.replace('-', ' ')}.")
