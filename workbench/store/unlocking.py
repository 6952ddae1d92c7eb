"""Turning a passphrase or recovery code into the data key, with throttling of wrong attempts."""

from __future__ import annotations

import contextlib
import getpass
from dataclasses import replace
from pathlib import Path

from workbench.clock import Clock
from workbench.errors import KeySlotsDamaged, VaultDamaged, WrongPassphrase, WrongRecoveryCode
from workbench.store.connection import Connection, open_database
from workbench.store.keyslots import PASSPHRASE, RECOVERY, KeySlots, normalise_recovery_code
from workbench.store.passphrase import unlock_secret
from workbench.store.throttle import UnlockThrottle

# While a rekey swaps the database, the key file holds the old slots under these kinds too, so
# a kill at any moment leaves a vault that opens: with the new key, or with the old one.
PREVIOUS = {PASSPHRASE: "passphrase-previous", RECOVERY: "recovery-previous"}
STAGED_DB_SUFFIX = ".rekey-part"


def open_vault_database(
    folder: Path,
    db_name: str,
    slots_name: str,
    passphrase: str | None,
    recovery_code: str | None,
    clock: Clock,
) -> tuple[KeySlots, bytes, Connection]:
    """The key slots, the data key and the open database; finishes an interrupted rekey."""
    slots = KeySlots.load(folder / slots_name)
    data_key = unwrap_data_key(folder, slots, passphrase, recovery_code, clock)
    if (folder / db_name).stat().st_size == 0:  # never turn a lost file into a new vault
        raise VaultDamaged()
    interrupted = any(s.kind in PREVIOUS.values() for s in slots.slots)
    try:
        conn = open_database(folder / db_name, data_key)
        kept = KeySlots(slots.vault_id, tuple(s for s in slots.slots if s.kind in PREVIOUS))
    except VaultDamaged:
        if not interrupted:
            raise
        previous = KeySlots(
            slots.vault_id,
            tuple(
                replace(s, kind=kind)
                for kind, old in PREVIOUS.items()
                for s in slots.slots
                if s.kind == old
            ),
        )
        data_key = unwrap_data_key(folder, previous, passphrase, recovery_code, clock)
        conn = open_database(folder / db_name, data_key)  # the swap never happened
        kept = previous
    with contextlib.suppress(OSError):  # a copy a killed rekey left behind (never the live one)
        (folder / (db_name + STAGED_DB_SUFFIX)).unlink(missing_ok=True)
    if interrupted:
        kept.save(folder / slots_name)
        return kept, data_key, conn
    return slots, data_key, conn


def unwrap_data_key(
    folder: Path, slots: KeySlots, passphrase: str | None, recovery_code: str | None, clock: Clock
) -> bytes:
    """The data key; only a wrong passphrase or code counts toward throttling."""
    throttle = UnlockThrottle(folder)
    now = clock().timestamp()
    throttle.check(now)
    try:
        if recovery_code is not None:
            key = slots.unlock(normalise_recovery_code(recovery_code), RECOVERY)
        elif passphrase is not None:
            secret = unlock_secret(passphrase)
            try:
                key = slots.unlock(bytes(secret), PASSPHRASE)
            finally:
                secret[:] = bytes(len(secret))
        else:
            raise KeySlotsDamaged("No passphrase or recovery code was given.")
    except (WrongPassphrase, WrongRecoveryCode):
        throttle.failed(now)
        raise
    throttle.succeeded()
    return key


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "clinician"
