"""The vault folder: create, unlock, lock; transactions; passphrase change; integrity report."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from workbench.clock import Clock, iso, utc_now
from workbench.errors import (
    DiskError,
    DiskFull,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultReadOnly,
    WrongPassphrase,
)
from workbench.fileio import make_private_dir
from workbench.store import audit, freshness, health, restore_journal, sealing, vault_setup
from workbench.store.connection import Connection, open_database, translated_errors
from workbench.store.health import IntegrityReport
from workbench.store.instance_lock import InstanceLock
from workbench.store.keyslots import (
    PASSPHRASE,
    KdfParams,
    KeySlots,
    tune_kdf,
    wrap,
)
from workbench.store.location import location_warning
from workbench.store.migrations import SCHEMA_VERSION, migrate, schema_version
from workbench.store.passphrase import check_strength, passphrase_bytes, unlock_secret
from workbench.store.unlocking import current_actor, open_vault_database

__all__ = ["DB_NAME", "SLOTS_NAME", "SUFFIX", "IntegrityReport", "Vault", "vault_path"]

SUFFIX = ".iptvault"
# Audit entity ids (the actions themselves come from the translated vocabulary).
ACCEPTED_AS_IS = "accepted-as-is"
RECORD_EVERY_S = 30.0  # the freshness record follows the database at least this often
DISK_FULL_ON_OPEN = (
    "The disk is full: the caseload is open for reading, but changes cannot be saved until "
    "some space is freed."
)
DB_NAME = vault_setup.DB_NAME
SLOTS_NAME = vault_setup.SLOTS_NAME


def vault_path(path: str | os.PathLike[str]) -> Path:
    """The vault folder for a user-given path (the .iptvault suffix is added when missing)."""
    folder = Path(path).expanduser()
    return folder if folder.name.endswith(SUFFIX) else folder.with_name(folder.name + SUFFIX)


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
        self.actor = current_actor()
        self.stale_warning: str | None = None
        self.audit_warning: str | None = None
        self.location_warning = location_warning(folder)
        self.disk_warning: str | None = None
        # Set once damage is found: the file is then open read-only and never written again.
        self.damage: list[str] = []
        self.checked = False  # the full integrity check has passed in this session
        self._problem: freshness.Record | None = None
        self._pending_audit: list[tuple[str, str, str, str]] = []
        self._recorded_at = time.monotonic()

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
            return vault_setup.initialise(cls, folder, passphrase, kdf or tune_kdf(), clock)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

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
        restore_journal.finish_interrupted(folder)  # a restore a kill cut short
        if not (folder / DB_NAME).is_file():
            raise VaultNotFound()
        lock = InstanceLock(folder)
        lock.acquire()  # before the database is touched: a second process never opens it
        try:
            slots, data_key, conn = open_vault_database(
                folder, DB_NAME, SLOTS_NAME, passphrase, recovery_code, clock
            )
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
        """Check, migrate and compare with the freshness records; nothing is written here
        unless the vault is healthy (the unlock entry itself waits for the full check)."""
        problems = health.fast_check(self.conn, self.db_path)
        if problems:
            self._become_read_only(problems)
            with translated_errors():
                if schema_version(self.conn) != SCHEMA_VERSION:
                    raise VaultDamaged()  # too damaged to be upgraded safely: refused
        else:
            with translated_errors():
                migrate(self.conn, self.snapshot_before_migration)
        with translated_errors():
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if row is None or row[0] != self._slots.vault_id:
            raise VaultDamaged("The key file belongs to a different vault; nothing was opened.")
        with contextlib.suppress(VaultDamaged), self._damage_noticed(), translated_errors():
            self._assess_freshness()  # an unreadable audit log page: open read-only
        if self._slots.legacy_file and not self.damage:  # key file from before its checksum
            with contextlib.suppress(OSError):
                self._slots.save(self.folder / SLOTS_NAME)
        self._pending_audit.append((self.now(), "unlock", "vault", ""))

    def snapshot_before_migration(self, version: int) -> None:
        vault_setup.snapshot(self.folder, self.conn, bytes(self._key), version)

    def _assess_freshness(self) -> None:
        self._problem = freshness.check_at_open(
            self.folder, bytes(self._key), self.vault_id, self.conn, remember=not self.damage
        )
        kind = self._problem.problem if self._problem else None
        self.stale_warning = freshness.STALE_WARNING if kind == freshness.ROLLBACK else None
        self.audit_warning = freshness.AUDIT_WARNING if kind == freshness.AUDIT else None

    def record_freshness(self, *, backup_at: str | None = None) -> None:
        """Remember where the database stands now (frozen while a problem stands)."""
        if not self.damage:
            key = bytes(self._key)
            freshness.record_now(
                self.folder, key, self.vault_id, self.conn, self._problem, backup_at
            )

    def accept_current_state(self, action: str = "edit", detail: str = ACCEPTED_AS_IS) -> None:
        """Accept the vault as it is now: a rollback or cut audit log stops being reported."""
        self._problem = None
        self.stale_warning = self.audit_warning = None
        with self.transaction() as tx:
            self.audit(tx, action, "vault", detail)
        self.record_freshness()

    @property
    def freshness_problem(self) -> freshness.Record | None:
        """The standing rollback or audit problem (with the head expected), if any."""
        return self._problem

    def _become_read_only(self, problems: list[str]) -> None:
        """From now on the file is only read: reopened read-only, every write refused."""
        self.damage = list(problems)
        self._pending_audit.clear()
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._conn = open_database(self.db_path, bytes(self._key), read_only=True)

    def check_integrity(self) -> IntegrityReport:
        """The full check (every page, the structure, the audit chain and its recorded head).

        Damage found makes the vault read-only for the rest of the session; a healthy result
        lets the deferred unlock entry be written. Callable from a background worker.
        """
        report = health.full_check(self.conn)
        if self._problem is not None and self._problem.problem == freshness.AUDIT:
            head = freshness.head_of(self.conn)
            anchored = freshness.audit_problems(self.conn, self._problem.head, head)
            report = IntegrityReport(
                report.cipher_problems,
                report.structure_problems,
                report.audit_problems + (anchored or ["the audit log was changed"]),
            )
        if report.damaged and not self.damage:
            self._become_read_only(report.cipher_problems + report.structure_problems)
        elif not report.damaged and not self.damage and not self.checked:
            self.checked = True
            try:
                with self.transaction():
                    pass  # lands the deferred unlock entry
            except (DiskFull, DiskError):
                self.disk_warning = DISK_FULL_ON_OPEN
        return report

    def close(self, *, record_freshness: bool = True, keep_lock: bool = False) -> None:
        """Lock the vault: close the database, forget the key, release the folder lock
        (kept with *keep_lock* until `release_lock`, for work on the closed files)."""
        if self._conn is not None:
            try:
                if record_freshness:
                    with contextlib.suppress(Exception):
                        self.record_freshness()
            finally:
                self._conn.close()
                self._conn = None
                self._key[:] = bytes(len(self._key))
                if not keep_lock:
                    self._lock.release()

    lock = close

    def release_lock(self) -> None:
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def warnings(self) -> list[str]:
        """Things the clinician should know about this vault right now (none is an error)."""
        damaged = VaultReadOnly.message if self.damage else None
        found = (damaged, self.stale_warning, self.audit_warning, self.disk_warning)
        return [w for w in (*found, self.location_warning) if w]

    @property
    def read_only(self) -> bool:
        return bool(self.damage)

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

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One user action = one transaction (BEGIN IMMEDIATE ... COMMIT), all or nothing.

        A damaged vault is never written to; the first write of a session waits for the full
        integrity check (normally already run by then in the background).
        """
        if not self.checked and not self.damage:
            self.check_integrity()
        if self.damage:
            raise VaultReadOnly()
        conn = self.conn
        with self._damage_noticed(), translated_errors():
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
                if time.monotonic() - self._recorded_at >= RECORD_EVERY_S:
                    self._recorded_at = time.monotonic()  # a crash later loses little freshness
                    with contextlib.suppress(Exception):
                        self.record_freshness()
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _damage_noticed(self) -> Iterator[None]:
        try:
            yield
        except VaultDamaged as exc:
            if not self.damage:
                self._become_read_only([exc.user_message])
            raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A consistent read (errors translated); no write is allowed inside."""
        conn = self.conn
        with self._damage_noticed(), translated_errors():
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def compact(self) -> None:
        """Rebuild the file without its free pages (VACUUM): deleted content leaves the file."""
        if self.damage:
            raise VaultReadOnly()
        with self._damage_noticed(), translated_errors():
            self.conn.execute("VACUUM")

    def audit(self, tx: Connection, action: str, entity: str = "", entity_id: object = "") -> None:
        audit.append(tx, iso(self.clock()), self.actor, action, entity, str(entity_id))

    def change_seq(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'change_seq'").fetchone()
        return int(row[0]) if row else 0

    def now(self) -> str:
        return iso(self.clock())

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
