"""R19: a full disk or a file-size limit gives a typed error, loses no acknowledged commit,
leaves the vault clean and openable, and writes resume once there is room again."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import FAST_KDF, PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.errors import DiskError, DiskFull
from workbench.store import audit
from workbench.store.clients import add_client
from workbench.store.vault import DB_NAME, Vault

CHILD = Path(__file__).with_name("_child.py")
TMPFS_SIZE = "3m"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _rows(vault: Vault, tag: str) -> dict[int, str]:
    """id -> payload hash of the rows written under *tag*."""
    with vault.reading() as conn:
        rows = conn.execute("SELECT id, contact_json FROM clients WHERE given_name = ?", (tag,))
        return {cid: _digest(json.loads(contact)["payload"]) for cid, contact in rows}


def _commit(vault: Vault, tag: str, payload: str) -> int:
    with vault.transaction() as tx:
        return add_client(
            tx, vault.now(), given_name=tag, family_name="x", contact={"payload": payload}
        )


@contextlib.contextmanager
def _tmpfs(mountpoint: Path, size: str) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mountpoint.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mountpoint)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield mountpoint
    finally:
        if subprocess.run(["umount", str(mountpoint)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)


def _fill(path: Path, leave: int) -> None:
    """Write zeros to *path* until at most *leave* bytes of the file system are free."""
    chunk = bytes(64 * 1024)
    with path.open("ab") as handle:
        while True:
            stat = os.statvfs(path.parent)
            free = stat.f_bavail * stat.f_frsize
            if free <= leave:
                return
            try:
                handle.write(chunk[: max(stat.f_frsize, min(len(chunk), free - leave))])
                handle.flush()
            except OSError:
                return


def test_tmpfs_full_then_space_freed(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "mnt", TMPFS_SIZE) as mnt:
        vault, _ = Vault.create(mnt / "full", PASSPHRASE, kdf=FAST_KDF)
        folder = vault.folder
        filler = mnt / "filler.bin"
        acked: dict[int, str] = {}
        try:
            _fill(filler, leave=160 * 1024)
            error: Exception | None = None
            for i in range(2000):
                payload = f"{i:06d}" + os.urandom(700).hex()
                try:
                    acked[_commit(vault, "full", payload)] = _digest(payload)
                except (DiskFull, DiskError) as exc:
                    error = exc
                    break
            assert isinstance(error, DiskFull), error  # ENOSPC is SQLITE_FULL
            assert len(acked) > 5
            assert not vault.conn.in_transaction
            assert _rows(vault, "full") == acked  # still readable, nothing half-written
        finally:
            vault.close()
        assert not (folder / f"{DB_NAME}-journal").exists()

        # Reopen while the disk is still (nearly) full: every acknowledged row is there.
        with Vault.unlock(folder, PASSPHRASE) as reopened:
            assert _rows(reopened, "full") == acked
            assert reopened.check_integrity().ok
            with pytest.raises(DiskFull):
                for _ in range(2000):
                    _commit(reopened, "full-again", os.urandom(700).hex())
            assert reopened.check_integrity().ok
            filler.unlink()  # free space: the same open vault can write again
            payload = "after the disk was freed"
            acked[_commit(reopened, "full", payload)] = _digest(payload)
        with Vault.unlock(folder, PASSPHRASE) as reopened:
            assert _rows(reopened, "full") == acked
            assert reopened.check_integrity().ok


def test_completely_full_disk_still_opens_for_reading(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "mnt", "2m") as mnt:
        vault, _ = Vault.create(mnt / "full", PASSPHRASE, kdf=FAST_KDF)
        folder = vault.folder
        vault.close()
        _fill(mnt / "filler.bin", leave=0)
        before = (folder / DB_NAME).read_bytes()
        with Vault.unlock(folder, PASSPHRASE) as reopened:
            assert reopened.check_integrity().ok  # the unlock entry cannot land: deferred
            assert reopened.disk_warning is not None
            assert (folder / DB_NAME).read_bytes() == before  # nothing half-written
            (mnt / "filler.bin").unlink()
            with reopened.transaction() as tx:  # space is back: the deferred entry lands
                reopened.audit(tx, "edit", "vault")
            actions = [e.action for e in audit.entries(reopened.conn, limit=2)]
            assert actions == ["edit", "unlock"]
            assert audit.verify_chain(reopened.conn) == []


def test_file_size_limit_in_child(new_vault, tmp_path: Path) -> None:
    """Unprivileged variant: RLIMIT_FSIZE (SIGXFSZ ignored) in a child process."""
    vault, _ = new_vault()
    folder = vault.folder
    vault.close()
    env = {**os.environ, "WB_TEST_PASSPHRASE": PASSPHRASE}
    proc = subprocess.run(
        [sys.executable, str(CHILD), "fsize", str(folder), "fsize", str(64 * 1024)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    acked = {
        int(cid): digest
        for kind, cid, digest in (
            line.split() for line in lines if line.startswith(("ACK ", "RESUMED "))
        )
    }
    errors = [line for line in lines if line.startswith("ERR ")]
    assert "NOLIMIT" not in lines
    assert len(errors) == 1, lines[-5:]
    assert errors[0].split()[1] in {DiskError.__name__, DiskFull.__name__}, errors
    count = next(int(line.split()[1]) for line in lines if line.startswith("COUNT "))
    assert count == len(acked) - 1 > 5  # readable after the error; the failed row is absent
    assert any(line.startswith("RESUMED ") for line in lines)

    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert _rows(reopened, "fsize") == acked  # exact: no lost and no phantom commit
        assert reopened.check_integrity().ok
        payload = "written by the parent without a limit"
        acked[_commit(reopened, "fsize", payload)] = _digest(payload)
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert _rows(reopened, "fsize") == acked
        assert reopened.check_integrity().ok


def test_a_backup_onto_a_full_disk_says_the_backup_was_not_written(
    new_vault, tmp_path: Path
) -> None:
    from workbench.store.backup import BACKUP_DISK_FULL, make_backup

    vault, _ = new_vault()
    fill_demo(vault, 20, 3)
    with _tmpfs(tmp_path / "mnt", "256k") as mnt:
        with pytest.raises(DiskFull) as full:
            make_backup(vault, mnt / "weekly")
        assert full.value.user_message == BACKUP_DISK_FULL
        assert list(mnt.iterdir()) == []  # nothing half-written left on the full disk
    assert vault.check_integrity().ok
