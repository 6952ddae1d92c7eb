"""Per-table row counts and content hashes: how backups and restores prove they are identical."""

from __future__ import annotations

import hashlib

from workbench.store.connection import Connection


def user_tables(conn: Connection) -> list[str]:
    """Ordinary tables (not SQLite's own, not the FTS index's shadow tables)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'note_search%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def table_digests(
    conn: Connection, columns: dict[str, list[str]] | None = None
) -> dict[str, dict[str, object]]:
    """{table: {"rows": n, "sha256": hex}} over every row in primary-key order.

    *columns* limits a table to the columns it had in an older schema, so a vault migrated
    since (columns added) can be compared with a digest taken before.
    """
    result: dict[str, dict[str, object]] = {}
    for table in user_tables(conn):
        digest = hashlib.sha256()
        count = 0
        listed = (columns or {}).get(table)
        chosen = ", ".join(f'"{c}"' for c in listed) if listed else "*"
        for row in conn.execute(f'SELECT {chosen} FROM "{table}" ORDER BY 1, 2'):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
            digest.update(b"\x1e")
            count += 1
        result[table] = {"rows": count, "sha256": digest.hexdigest()}
    return result
