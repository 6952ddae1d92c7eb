"""Full rekey: a new data key, the database re-encrypted into a new file, verified, swapped in.

Crash safety: the new database is written beside the old one (`caseload.db.rekey-part`) and
checked; then the key file is rewritten with the new slots AND the old ones (as *-previous),
then the new database replaces the old one with one atomic rename, then the old slots are
dropped. Whichever step a kill interrupts, unlocking finds a key that opens the database
(`unlocking.open_vault_database`) and tidies up.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from workbench.errors import VaultDamaged, VaultReadOnly, WorkbenchError, WrongPassphrase
from workbench.fileio import OWNER_FILE, fsync_dir
from workbench.store.connection import open_database, translated_errors
from workbench.store.content_hash import table_digests
from workbench.store.keyslots import (
    DATA_KEY_BYTES,
    PASSPHRASE,
    RECOVERY,
    KeySlots,
    new_recovery_code,
    normalise_recovery_code,
    wrap,
)
from workbench.store.passphrase import unlock_secret
from workbench.store.unlocking import PREVIOUS, STAGED_DB_SUFFIX
from workbench.store.vault import DB_NAME, SLOTS_NAME, Vault


def rekey(vault: Vault, passphrase: str) -> str:
    """Re-encrypt *vault* under a new data key; returns the new recovery code (show it once).

    The passphrase stays the same (it is re-wrapped); the old recovery code stops working.
    The vault is locked afterwards: unlock it again with the same passphrase.
    """
    if not vault.check_passphrase(passphrase):
        raise WrongPassphrase()
    if vault.read_only or not vault.check_integrity().ok:
        raise VaultReadOnly("The vault failed its integrity check, so it was not re-encrypted.")
    folder, old_slots = vault.folder, vault.slots
    staged = folder / (DB_NAME + STAGED_DB_SUFFIX)
    staged.unlink(missing_ok=True)
    with vault.transaction() as tx:
        vault.audit(tx, "change-passphrase", "vault", "new-data-key")
    new_key, code = os.urandom(DATA_KEY_BYTES), new_recovery_code()
    try:
        with vault.reading() as conn:
            expected = table_digests(conn)
            copy = open_database(staged, new_key)
            try:
                with translated_errors():
                    conn.backup(copy)
            finally:
                copy.close()
        os.chmod(staged, OWNER_FILE)
        _verify(staged, new_key, expected)
        new_slots = _new_slots(vault, new_key, passphrase, code)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    vault.close(keep_lock=True)
    try:
        previous = tuple(replace(s, kind=PREVIOUS[s.kind]) for s in old_slots.slots)
        KeySlots(new_slots.vault_id, new_slots.slots + previous).save(folder / SLOTS_NAME)
        os.replace(staged, folder / DB_NAME)
        fsync_dir(folder)
        new_slots.save(folder / SLOTS_NAME)
    finally:
        vault.release_lock()
    Vault.unlock(folder, passphrase).close()  # proven to open before success is reported
    return code


def _new_slots(vault: Vault, new_key: bytes, passphrase: str, code: str) -> KeySlots:
    secret = unlock_secret(passphrase)
    try:
        kdf = vault.slots.slot(PASSPHRASE).kdf
        slots = (
            wrap(new_key, bytes(secret), PASSPHRASE, vault.vault_id, kdf),
            wrap(new_key, normalise_recovery_code(code), RECOVERY, vault.vault_id, kdf),
        )
    finally:
        secret[:] = bytes(len(secret))
    return KeySlots(vault.vault_id, slots)


def _verify(path: Path, key: bytes, expected: dict[str, dict[str, object]]) -> None:
    try:
        conn = open_database(path, key)
    except WorkbenchError as exc:
        raise VaultDamaged("The re-encrypted copy did not open; nothing was changed.") from exc
    try:
        with translated_errors():
            cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            structure = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            actual = table_digests(conn)
    finally:
        conn.close()
    if cipher or structure != ["ok"] or actual != expected:
        raise VaultDamaged("The re-encrypted copy did not match the vault; nothing was changed.")
