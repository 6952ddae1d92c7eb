"""Reading the caseload: the client list and note search, each in one consistent read."""

from __future__ import annotations

from workbench.domain.caseload import ClientSummary, NoteHit
from workbench.store import clients
from workbench.store.vault import Vault

NOTE_HIT_LIMIT = 50


def find_clients(vault: Vault, search: str | None = None) -> list[ClientSummary]:
    """The caseload sorted by name, filtered by name or code when *search* is not blank."""
    with vault.reading() as conn:
        return clients.list_clients(conn, search=search or None)


def find_notes(vault: Vault, text: str, limit: int = NOTE_HIT_LIMIT) -> list[NoteHit]:
    """Notes containing every word of *text*, newest first."""
    with vault.reading() as conn:
        return clients.search_notes(conn, text, limit=limit)
