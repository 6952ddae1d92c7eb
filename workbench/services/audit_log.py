"""The vault's audit log as the clinician reads it: whole vault, or one client's records."""

from __future__ import annotations

from workbench.store import audit
from workbench.store.vault import Vault


def for_client(vault: Vault, client_id: int) -> list[audit.AuditEntry]:
    """Newest first; ids and kinds only (the log never holds clinical text)."""
    with vault.reading() as conn:
        return audit.entries_for_client(conn, client_id)


def recent(vault: Vault, limit: int = 200) -> list[audit.AuditEntry]:
    with vault.reading() as conn:
        return audit.entries(conn, limit)
