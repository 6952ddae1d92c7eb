"""Small vault-wide settings kept inside the encrypted database (never in plain settings files)."""

from __future__ import annotations

from workbench.store.connection import Connection

CLINICIAN_NAME = "clinician_name"
CLINICIAN_PROFILE = "clinician_profile"  # JSON of domain.clinician.ClinicianProfile


def get(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put(tx: Connection, key: str, value: str) -> None:
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
