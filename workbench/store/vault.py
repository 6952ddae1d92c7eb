"""The vault folder: create, unlock, lock; transactions; passphrase change; integrity report."""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.clock import Clock, iso, utc_now
from workbench.errors import (
    DiskError,
    DiskFull,
    KeySlotsDamaged,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WorkbenchError,
    WrongPassphrase,
    WrongRecoveryCode,
)
from workbench.fileio import OWNER_FILE, make_private_dir
from workbench.store import audit, freshness, sealing
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
    tune_kdf,
    wrap,
)
from workbench.store.location import location_warning
from workbench.store.migrations import migrate
from workbench.store.passphrase import check_strength, passphrase_bytes, unlock_secret
from workbench.store.throttle import UnlockThrottle

SUFFIX = ".iptvault"
DISK_FULL_ON_OPEN = (
    "The disk is full: the caseload is open for reading, but changes cannot be saved until "
    "some space is freed."
)
DB_NAME = "caseload.db"
SLOTS_NAME = "keyslots.json"


def vault_path(path: str | os.PathLike[str]) -> Path:
    """The vault folder for a user-given path (the .iptvault suffix is added when missing)."""
    folder = Path(path).expanduser()
    return folder if folder.name.endswith(SUFFIX) else folder.with_name(folder.name + SUFFIX)


@dataclass(frozen=True)
class IntegrityReport:
    """Result of a full check; `ok` only when every list is empty."""

    cipher_problems: list[str]
    structure_problems: list[str]
    audit_problems: list[str]

    @property
    def ok(self) -> bool:
        return not (self.cipher_problems or self.structure_problems or self.audit_problems)


class Vault:
    """An unlocked vault. Build one with Vault.create or Vault.unlock; close it when done."""

    def __init__(
        self,
        folder: Path,
        conn: Connection,
        data_key: bytes,
        slots: KeySlots,
        lock: InstanceLock,
        clock: Clock,
    ) -> None:
        self.folder = folder
        self._conn: Connection | None = conn
        self._key = bytearray(data_key)
        self._slots = slots
        self._lock = lock
        self.clock = clock
        self.actor = _actor()
        self.stale_warning: str | None = None
        self.location_warning = location_warning(folder)
        self.disk_warning: str | None = None
        self._pending_audit: list[tuple[str, str, str, str]] = []

    # ----- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        clock: Clock = utc_now,
        user_inputs: tuple[str, ...] = (),
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it unlocked with the recovery code to show once."""
        folder = vault_path(path)
        if folder.exists() and any(folder.iterdir()):
            raise VaultExists()
        check_strength(passphrase, user_inputs)
        make_private_dir(folder)
        try:
            return cls._initialise(folder, passphrase, kdf or tune_kdf(), clock)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    @classmethod
    def _initialise(
        cls, folder: Path, passphrase: str, kdf: KdfParams, clock: Clock
    ) -> tuple[Vault, str]:
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
        migrate(conn, vault._snapshot)
        with vault.transaction() as tx:
            now = iso(clock())
            tx.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("vault_id", vault_id), ("created_at", now), ("change_seq", "0")],
            )
            vault.audit(tx, "create", "vault")
        return vault, code

    @classmethod
    def unlock(
        cls,
        path: str | os.PathLike[str],
        passphrase: str | None = None,
        *,
        recovery_code: str | None = None,
        clock: Clock = utc_now,
    ) -> Vault:
        """Open an existing vault with its passphrase or its recovery code."""
        folder = vault_path(path)
        if not (folder / DB_NAME).is_file():
            raise VaultNotFound()
        lock = InstanceLock(folder)
        lock.acquire()  # before the database is touched: a second process never opens it
        try:
            slots = KeySlots.load(folder / SLOTS_NAME)
            data_key = _unwrap(folder, slots, passphrase, recovery_code, clock)
            if (folder / DB_NAME).stat().st_size == 0:  # never turn a lost file into a new vault
                raise VaultDamaged()
            conn = open_database(folder / DB_NAME, data_key)
        except BaseException:
            lock.release()
            raise
        vault = cls(folder, conn, data_key, slots, lock, clock)
        try:
            vault._after_open()
        except BaseException:
            vault.close(record_freshness=False)
            raise
        return vault

    def _after_open(self) -> None:
        conn = self.conn
        with translated_errors():
            migrate(conn, self._snapshot)
            row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if row is None or row[0] != self._slots.vault_id:
            raise VaultDamaged("The key file belongs to a different vault; nothing was opened.")
        if freshness.is_stale(self.folder, bytes(self._key), self.vault_id, self.change_seq()):
            self.stale_warning = freshness.STALE_WARNING
        at = self.now()
        try:
            with self.transaction() as tx:
                audit.append(tx, at, self.actor, "unlock", "vault")
        except (DiskFull, DiskError):
            # A full disk must not lock the clinician out of reading the caseload; the entry
            # is written with the next change that succeeds.
            self._pending_audit.append((at, "unlock", "vault", ""))
            self.disk_warning = DISK_FULL_ON_OPEN

    def close(self, *, record_freshness: bool = True) -> None:
        """Lock the vault: close the database, forget the key, release the folder lock."""
        if self._conn is not None:
            try:
                if record_freshness:
                    with contextlib.suppress(Exception):
                        freshness.record(
                            self.folder, bytes(self._key), self.vault_id, self.change_seq()
                        )
            finally:
                self._conn.close()
                self._conn = None
                self._key[:] = bytes(len(self._key))
                self._lock.release()

    lock = close

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def warnings(self) -> list[str]:
        """Things the clinician should know about this vault right now (none is an error)."""
        found = (self.stale_warning, self.disk_warning, self.location_warning)
        return [w for w in found if w]

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    @property
    def vault_id(self) -> str:
        return self._slots.vault_id

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    # ----- transactions ----------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One user action = one transaction (BEGIN IMMEDIATE ... COMMIT), all or nothing."""
        conn = self.conn
        with translated_errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                for at, action, entity, entity_id in self._pending_audit:
                    audit.append(conn, at, self.actor, action, entity, entity_id)
                yield conn
                conn.execute(
                    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq'"
                )
                conn.execute("COMMIT")
                self._pending_audit.clear()
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A consistent read (errors translated); no write is allowed inside."""
        conn = self.conn
        with translated_errors():
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def audit(self, tx: Connection, action: str, entity: str = "", entity_id: object = "") -> None:
        audit.append(tx, iso(self.clock()), self.actor, action, entity, str(entity_id))

    def change_seq(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'change_seq'").fetchone()
        return int(row[0]) if row else 0

    def now(self) -> str:
        return iso(self.clock())

    # ----- keys ------------------------------------------------------------------------------

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether *passphrase* is the vault's current one (for confirming before a change)."""
        try:
            self._slots.unlock(bytes(unlock_secret(passphrase)), PASSPHRASE)
        except WrongPassphrase:
            return False
        return True

    def change_passphrase(
        self, new: str, *, kdf: KdfParams | None = None, user_inputs: tuple[str, ...] = ()
    ) -> None:
        """Re-wrap the passphrase slot (instant: the database itself is not re-encrypted)."""
        self.conn  # noqa: B018 - raises VaultLocked when closed
        check_strength(new, user_inputs)
        secret = passphrase_bytes(new)
        old_slot = self._slots.slot(PASSPHRASE)
        params = kdf or old_slot.kdf
        slot = wrap(bytes(self._key), bytes(secret), PASSPHRASE, self.vault_id, params)
        secret[:] = bytes(len(secret))
        new_slots = self._slots.replace(slot)
        with self.transaction() as tx:
            self.audit(tx, "change-passphrase", "vault")
            new_slots.save(self.folder / SLOTS_NAME)
        self._slots = new_slots

    @property
    def slots(self) -> KeySlots:
        return self._slots

    def data_key(self) -> bytes:
        """The raw data key, for backups made while unlocked. Never log or store it."""
        if self._conn is None:
            raise VaultLocked()
        return bytes(self._key)

    def seal(self, data: bytes) -> bytes:
        """*data* encrypted for this vault only (e.g. drafts held across a lock)."""
        return sealing.seal(self.data_key(), self.vault_id, data)

    def unseal(self, blob: bytes) -> bytes:
        """What `seal` sealed; SealBroken for another vault's or a damaged blob."""
        return sealing.unseal(self.data_key(), self.vault_id, blob)

    # ----- integrity -------------------------------------------------------------------------

    def check_integrity(self) -> IntegrityReport:
        """Every page's MAC, the b-tree structure and the audit chain (reads every result row)."""
        conn = self.conn

        def run(check: Callable[[], list[str]]) -> list[str]:
            try:
                with translated_errors():
                    return check()
            except WorkbenchError as exc:  # e.g. a damaged page stops the check itself
                return [exc.user_message]

        cipher = run(lambda: [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")])
        structure = run(lambda: [str(r[0]) for r in conn.execute("PRAGMA integrity_check")])
        problems = run(lambda: audit.verify_chain(conn))
        structure = [] if structure == ["ok"] else structure
        return IntegrityReport(cipher, structure, problems)

    def _snapshot(self, version: int) -> None:
        """Copy the database (through SQLite, never a file copy) before migrating it."""
        target = self.folder / f"{DB_NAME}.before-v{version + 1}"
        copy = open_database(target, bytes(self._key))
        try:
            with translated_errors():
                self.conn.backup(copy)
        finally:
            copy.close()
        os.chmod(target, OWNER_FILE)


def _unwrap(
    folder: Path, slots: KeySlots, passphrase: str | None, recovery_code: str | None, clock: Clock
) -> bytes:
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


def _actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "clinician"
