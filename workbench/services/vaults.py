"""Opening, creating, backing up and restoring vaults: the desktop app's door to the store."""

from __future__ import annotations

from workbench.store.audit import AuditEntry
from workbench.store.backup import make_backup, restore_backup
from workbench.store.location import location_warning
from workbench.store.passphrase import Strength, strength
from workbench.store.sealing import SealBroken
from workbench.store.vault import SUFFIX, Vault, vault_path

# The vault handle and the functions the UI needs, re-exported so that ui/ never imports the
# store itself (house rule): the store's internals stay free to change behind this module.
__all__ = [
    "SUFFIX",
    "AuditEntry",
    "SealBroken",
    "Strength",
    "Vault",
    "location_warning",
    "make_backup",
    "restore_backup",
    "strength",
    "vault_path",
]
