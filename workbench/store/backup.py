"""One-file encrypted backups (*.iptbackup) made by SQLite, verified; verified restore."""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.errors import (
    BackupInvalid,
    DiskError,
    DiskFull,
    VaultInUse,
    VaultReadOnly,
    WorkbenchError,
)
from workbench.fileio import OWNER_FILE, fsync_dir
from workbench.store import freshness, restore_journal
from workbench.store.connection import open_database, translated_errors
from workbench.store.content_hash import table_digests
from workbench.store.freshness import head_mac
from workbench.store.instance_lock import InstanceLock
from workbench.store.keyslots import (
    PASSPHRASE,
    RECOVERY,
    KeySlots,
    normalise_recovery_code,
)
from workbench.store.migrations import schema_version
from workbench.store.passphrase import unlock_secret
from workbench.store.vault import DB_NAME, SLOTS_NAME, SUFFIX, Vault, vault_path

FORMAT = "ipt-workbench-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 1 << 20
BACKUP_DISK_FULL = (
    "The disk is full (or over a size limit), so the backup was not written; the vault itself "
    "is unchanged. Free some space there and back up again."
)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    tables: dict[str, dict[str, object]]
    size_bytes: int


def make_backup(vault: Vault, out: Path) -> BackupResult:
    """Copy the live vault through SQLite's backup API, verify the copy, then write one file."""
    out = Path(out)
    if out.suffix != ".iptbackup":
        out = out.with_name(out.name + ".iptbackup")
    try:
        work = Path(tempfile.mkdtemp(prefix=".backup-", dir=out.parent))
    except OSError as exc:  # a missing or read-only folder: a plain message, not a traceback
        raise _os_error(exc) from exc
    try:
        copy_path = work / DB_NAME
        with vault.reading() as conn:
            expected = table_digests(conn)
            version = schema_version(conn)
            head = freshness.head_of(conn)
            copy = open_database(copy_path, vault.data_key())
            try:
                with translated_errors():
                    conn.backup(copy)
            finally:
                copy.close()
        _verify_database(copy_path, vault.data_key(), expected)
        manifest = _manifest(vault, version, expected, copy_path)
        manifest["head"] = {**asdict(head), "mac": head_mac(vault.data_key(), vault.vault_id, head)}
        _write_archive(out, work, copy_path, vault.slots.to_bytes(), manifest)
        verify_backup_file(out)
    except OSError as exc:
        raise _os_error(exc) from exc
    except (DiskFull, DiskError) as exc:  # SQLite writing the copy: about the backup, not an edit
        raise DiskFull(BACKUP_DISK_FULL) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with vault.transaction() as tx:  # only a verified backup is recorded (not inside itself)
        vault.audit(tx, "backup", "vault")
    vault.record_freshness(backup_at=manifest["created_at"])
    return BackupResult(out, expected, out.stat().st_size)


def _manifest(
    vault: Vault, version: int, tables: dict[str, dict[str, object]], db_file: Path
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": version,
        "vault_id": vault.vault_id,
        "created_at": vault.now(),
        "database_sha256": _file_sha256(db_file),
        "keyslots_sha256": hashlib.sha256(vault.slots.to_bytes()).hexdigest(),
        "tables": tables,
    }


def _write_archive(
    out: Path, work: Path, db_file: Path, slots: bytes, manifest: dict[str, Any]
) -> None:
    tmp = work / "backup.part"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
        archive.writestr(SLOTS_NAME, slots)
        archive.write(db_file, DB_NAME)
    os.chmod(tmp, OWNER_FILE)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, out)
    fsync_dir(out.parent)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _verify_database(path: Path, key: bytes, expected: dict[str, dict[str, object]]) -> None:
    try:
        conn = open_database(path, key)
    except WorkbenchError as exc:
        raise BackupInvalid() from exc
    try:
        with translated_errors():
            cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            structure = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            actual = table_digests(conn)
    except WorkbenchError as exc:
        raise BackupInvalid() from exc
    finally:
        conn.close()
    if cipher or structure != ["ok"] or actual != expected:
        raise BackupInvalid()


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The manifest, checked for shape (it carries no patient data)."""
    try:
        info = archive.getinfo(MANIFEST)
        if info.file_size > MAX_MANIFEST_BYTES:
            raise BackupInvalid()
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        if manifest["format"] != FORMAT or manifest["version"] != FORMAT_VERSION:
            raise BackupInvalid()
        if not isinstance(manifest["tables"], dict):
            raise BackupInvalid()
        str(manifest["database_sha256"]), str(manifest["keyslots_sha256"])
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
        raise BackupInvalid() from exc
    return dict(manifest)


def verify_backup_file(path: Path) -> dict[str, Any]:
    """Check the archive and the stored hashes without any key; returns the manifest."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = read_manifest(archive)
            if hashlib.sha256(archive.read(SLOTS_NAME)).hexdigest() != manifest["keyslots_sha256"]:
                raise BackupInvalid()
            digest = hashlib.sha256()
            with archive.open(DB_NAME) as member:
                for block in iter(lambda: member.read(1 << 20), b""):
                    digest.update(block)
            if digest.hexdigest() != manifest["database_sha256"]:
                raise BackupInvalid()
    except (OSError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        raise BackupInvalid() from exc
    return manifest


def restore_backup(
    backup: Path, target: Path, passphrase: str | None = None, *, recovery_code: str | None = None
) -> Path | None:
    """Verify *backup* fully, then swap it in for *target*; returns where the old vault was put.

    The passphrase is the one the vault had when the backup was made.
    """
    target = vault_path(target)
    manifest = verify_backup_file(Path(backup))
    target.parent.mkdir(parents=True, exist_ok=True)
    restore_journal.finish_interrupted(target)
    staging = Path(
        tempfile.mkdtemp(prefix=restore_journal.staging_prefix(target), dir=target.parent)
    )
    try:
        os.chmod(staging, 0o700)
        with zipfile.ZipFile(backup) as archive:
            archive.extract(SLOTS_NAME, staging)
            archive.extract(DB_NAME, staging)
        for name in (SLOTS_NAME, DB_NAME):
            os.chmod(staging / name, OWNER_FILE)
        slots = KeySlots.load(staging / SLOTS_NAME)
        if slots.vault_id != manifest["vault_id"]:
            raise BackupInvalid()
        _check_staged(staging, passphrase, recovery_code, manifest)
        return _swap_in(staging, target, passphrase, recovery_code)
    except OSError as exc:
        raise _os_error(exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_staged(
    staging: Path, passphrase: str | None, recovery_code: str | None, manifest: dict[str, Any]
) -> None:
    """Unwrap the backup's own key slot and compare every table with the manifest."""
    slots = KeySlots.load(staging / SLOTS_NAME)
    if recovery_code is not None:
        key = slots.unlock(normalise_recovery_code(recovery_code), RECOVERY)
    else:
        secret = unlock_secret(passphrase or "")
        try:
            key = slots.unlock(bytes(secret), PASSPHRASE)
        finally:
            secret[:] = bytes(len(secret))
    _verify_database(staging / DB_NAME, key, manifest["tables"])
    _check_head(staging / DB_NAME, key, slots.vault_id, manifest)


def _check_head(db_file: Path, key: bytes, vault_id: str, manifest: dict[str, Any]) -> None:
    """The copy's change counter and audit head are the ones the backup recorded, authentically."""
    if "head" not in manifest:  # made before backups carried the head
        return
    conn = open_database(db_file, key)
    try:
        with translated_errors():
            head = freshness.head_of(conn)
    finally:
        conn.close()
    recorded = manifest["head"]
    if not isinstance(recorded, dict) or {**recorded, "mac": ""} != {**asdict(head), "mac": ""}:
        raise BackupInvalid()
    if not hmac.compare_digest(str(recorded["mac"]), head_mac(key, vault_id, head)):
        raise BackupInvalid()


def _swap_in(
    staging: Path, target: Path, passphrase: str | None, recovery_code: str | None
) -> Path | None:
    aside: Path | None = None
    lock: InstanceLock | None = None
    if target.exists():
        lock = InstanceLock(target)
        lock.acquire()  # refuse while the vault is open elsewhere
        aside = _aside_name(target)
    try:
        restore_journal.swap(staging, target, aside)
    except BaseException:
        restore_journal.finish_interrupted(target)
        raise
    finally:
        if lock is not None:
            lock.release()
    failed = BackupInvalid(
        "The restored vault failed its integrity check; the previous vault is kept beside it."
    )
    vault = Vault.unlock(target, passphrase, recovery_code=recovery_code)
    with vault:
        try:  # an older vault on purpose: what this app last saw is reset to it
            vault.accept_current_state("restore", "")
        except VaultReadOnly as exc:
            raise failed from exc
        if not vault.check_integrity().ok:
            raise failed
    return aside


def _aside_name(target: Path) -> Path:
    """A free name like NAME-before-restore.iptvault (itself an openable vault folder)."""
    stem = target.name.removesuffix(SUFFIX)
    candidate, n = target.with_name(f"{stem}-before-restore{SUFFIX}"), 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{stem}-before-restore-{n}{SUFFIX}")
    return candidate


def _os_error(exc: OSError) -> WorkbenchError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            "The disk is full, so the backup or restore did not finish; nothing "
            "was changed. Free some space and try again."
        )
    if isinstance(exc, BlockingIOError):
        return VaultInUse()
    return BackupInvalid(
        "The backup or restore could not read or write a file; nothing was changed."
    )
