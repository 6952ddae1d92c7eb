"""Making a new vault folder: the data key, its two key slots, the database and its meta rows."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.clock import Clock, iso
from workbench.fileio import OWNER_FILE
from workbench.store.connection import Connection, open_database, translated_errors
from workbench.store.instance_lock import InstanceLock
from workbench.store.keyslots import (
    DATA_KEY_BYTES,
    PASSPHRASE,
    RECOVERY,
    KdfParams,
    KeySlots,
    new_recovery_code,
    normalise_recovery_code,
    wrap,
)
from workbench.store.migrations import migrate
from workbench.store.passphrase import passphrase_bytes

if TYPE_CHECKING:
    from workbench.store.vault import Vault

DB_NAME = "caseload.db"
SLOTS_NAME = "keyslots.json"


def initialise(
    cls: type[Vault], folder: Path, passphrase: str, kdf: KdfParams, clock: Clock
) -> tuple[Vault, str]:
    """Fill the empty *folder*; returns the vault unlocked and its recovery code."""
    lock = InstanceLock(folder)
    lock.acquire()
    data_key = os.urandom(DATA_KEY_BYTES)
    vault_id = uuid.uuid4().hex
    code = new_recovery_code()
    secret = passphrase_bytes(passphrase)
    slots = KeySlots(
        vault_id,
        (
            wrap(data_key, bytes(secret), PASSPHRASE, vault_id, kdf),
            wrap(data_key, normalise_recovery_code(code), RECOVERY, vault_id, kdf),
        ),
    )
    secret[:] = bytes(len(secret))
    slots.save(folder / SLOTS_NAME)
    conn = open_database(folder / DB_NAME, data_key)
    os.chmod(folder / DB_NAME, OWNER_FILE)
    vault = cls(folder, conn, data_key, slots, lock, clock)
    vault.checked = True  # nothing to check in a file made just now
    migrate(conn, vault.snapshot_before_migration)
    with vault.transaction() as tx:
        now = iso(clock())
        tx.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("vault_id", vault_id), ("created_at", now), ("change_seq", "0")],
        )
        vault.audit(tx, "create", "vault")
    return vault, code


def snapshot(folder: Path, conn: Connection, data_key: bytes, version: int) -> None:
    """Copy the database (through SQLite, never a file copy) before migrating it."""
    target = folder / f"{DB_NAME}.before-v{version + 1}"
    copy = open_database(target, data_key)
    try:
        with translated_errors():
            conn.backup(copy)
    finally:
        copy.close()
    os.chmod(target, OWNER_FILE)
