"""R20/R21: one vault per process (VaultInUse, before the database is opened), and a foreign
process that opens the database anyway makes us wait (busy timeout) or fail typed (VaultBusy),
never lose or corrupt a commit."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import PASSPHRASE
from workbench.errors import VaultBusy, VaultInUse
from workbench.store import connection
from workbench.store.clients import add_client
from workbench.store.vault import DB_NAME, Vault

CHILD = Path(__file__).with_name("_child.py")
COMMITS = 200


def _tagged(vault: Vault, tag: str) -> list[str]:
    with vault.reading() as conn:
        rows = conn.execute(
            "SELECT family_name FROM clients WHERE given_name = ? ORDER BY id", (tag,)
        )
        return [r[0] for r in rows]


@contextlib.contextmanager
def _child(vault: Vault, *args: str) -> Iterator[subprocess.Popen[str]]:
    """A foreign process with the vault's key in its environment; waits for its LOCKED line."""
    env = {**os.environ, "WB_TEST_KEY": vault.data_key().hex()}
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line == "LOCKED", (line, proc.stderr.read() if proc.stderr else "")
        yield proc
    finally:
        if proc.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.communicate(timeout=30)
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_two_writers_with_busy_timeout_lose_nothing(vault: Vault) -> None:
    assert connection.BUSY_TIMEOUT_S >= 5
    slowest = 0.0
    with _child(vault, "writer", str(vault.folder), "foreign", str(COMMITS), "0.3") as proc:
        # The child holds a write transaction for 0.3 s right now, and again every 50 commits.
        for i in range(COMMITS):
            started = time.perf_counter()
            with vault.transaction() as tx:
                add_client(tx, vault.now(), given_name="ours", family_name=str(i))
            slowest = max(slowest, time.perf_counter() - started)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err[-2000:]
        assert out.split() == ["DONE", str(COMMITS)]
    assert slowest >= 0.2  # we really waited for the foreign writer instead of failing
    assert _tagged(vault, "ours") == [str(i) for i in range(COMMITS)]
    assert _tagged(vault, "foreign") == [str(i) for i in range(COMMITS)]
    with vault.reading() as conn:
        assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 2 * COMMITS
    assert vault.check_integrity().ok


@pytest.mark.parametrize("mode", ["write", "read"])
def test_lock_held_past_timeout_raises_vault_busy(
    new_vault, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    first, _ = new_vault()
    folder = first.folder
    first.close()
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.2)
    vault = Vault.unlock(folder, PASSPHRASE)
    assert vault.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 200  # the short timeout
    try:
        for i in range(5):
            with vault.transaction() as tx:
                add_client(tx, vault.now(), given_name="saved", family_name=str(i))
        # write: the child holds RESERVED, so our BEGIN IMMEDIATE waits and gives up.
        # read: the child holds SHARED, so our COMMIT cannot take the EXCLUSIVE lock.
        with _child(vault, "hold", str(folder), mode, "30") as proc:
            started = time.perf_counter()
            with pytest.raises(VaultBusy) as caught, vault.transaction() as tx:
                add_client(tx, vault.now(), given_name="lost", family_name="0")
            elapsed = time.perf_counter() - started
            # It waited out the busy timeout (a floor no load can break), then gave up instead of
            # waiting for the child, which holds its lock until told to release it.
            assert elapsed >= 0.15, elapsed
            assert "locked" in str(caught.value.__cause__).lower()
            assert not vault.conn.in_transaction
            assert _tagged(vault, "lost") == []
            assert _tagged(vault, "saved") == [str(i) for i in range(5)]
            proc.communicate("release\n", timeout=30)
            assert proc.returncode == 0
        with vault.transaction() as tx:  # the retry after the other program let go succeeds
            add_client(tx, vault.now(), given_name="retried", family_name="0")
        assert _tagged(vault, "retried") == ["0"]
        assert vault.check_integrity().ok
    finally:
        vault.close()
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert _tagged(reopened, "saved") == [str(i) for i in range(5)]
        assert _tagged(reopened, "lost") == []
        assert _tagged(reopened, "retried") == ["0"]


def test_second_unlock_is_refused_before_the_database_is_opened(vault: Vault) -> None:
    with vault.transaction() as tx:
        add_client(tx, vault.now(), given_name="Ada", family_name="Quill")
    db = vault.folder / DB_NAME
    before = hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns
    with pytest.raises(VaultInUse):
        Vault.unlock(vault.folder, PASSPHRASE)
    with pytest.raises(VaultInUse):
        Vault.unlock(vault.folder, "a wrong passphrase is not even tried")

    env = {**os.environ, "WB_TEST_PASSPHRASE": PASSPHRASE}
    proc = subprocess.run(
        [sys.executable, str(CHILD), "inuse", str(vault.folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout) == {"error": "VaultInUse", "touched": []}

    assert (hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns) == before
    with vault.transaction() as tx:  # the first instance still holds the vault and works
        add_client(tx, vault.now(), given_name="Bo", family_name="Rook")
    assert len(_tagged(vault, "Ada")) == len(_tagged(vault, "Bo")) == 1
