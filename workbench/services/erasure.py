"""Deleting a client for good, confirmed by typing the client's code."""

from __future__ import annotations

from workbench.errors import InvalidInput
from workbench.services import episodes
from workbench.store.vault import Vault

OLDER_BACKUPS_NOTE = (
    "Backups made before now still hold this client until those backup files are deleted."
)


def confirmation_code(vault: Vault, client_id: int) -> str:
    """What the clinician must type to confirm (the client's opaque code)."""
    return episodes.get_client(vault, client_id).code


def delete_client(vault: Vault, client_id: int, typed_code: str) -> None:
    """Erase the client when *typed_code* is their code; nothing is deleted otherwise."""
    expected = confirmation_code(vault, client_id)
    if typed_code.strip().upper() != expected.upper():
        raise InvalidInput("The code typed is not this client's code; nothing was deleted.")
    episodes.delete_client(vault, client_id)
