"""R18: kill -9 at a random moment never loses an acknowledged commit and never corrupts the vault.

A child process unlocks the vault and makes up to 1,000 single-row commits, printing each id and
payload hash only after vault.transaction() has returned. The parent SIGKILLs it after a random
0.3-1.2 s, reopens the vault and checks every printed row, the row count and check_integrity().
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support import PASSPHRASE
from workbench.store.vault import DB_NAME, Vault

CHILD = Path(__file__).with_name("_child.py")
SEED = 18_0918
TRIALS = 12
MAX_COMMITS = 1000


def _wait_for_ready(out: Path, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not out.read_bytes().startswith(b"READY\n"):
        assert proc.poll() is None, f"child exited early: {out.read_text()!r}"
        assert time.monotonic() < deadline, "child never became ready"
        time.sleep(0.005)


def _acknowledged(out: Path) -> tuple[list[tuple[int, str]], bool]:
    """(id, payload hash) of every complete line the child wrote, and whether it finished."""
    text = out.read_text(encoding="ascii")
    lines = text.split("\n")[:-1]  # a torn last line (no newline) was never acknowledged
    assert lines[0] == "READY"
    done = lines[-1] == "DONE"
    rows = [line.split() for line in lines[1:] if line != "DONE"]
    return [(int(cid), digest) for cid, digest in rows], done


def test_kill_minus_nine_never_loses_acknowledged_commits(new_vault, tmp_path: Path) -> None:
    vault, _ = new_vault()
    folder = vault.folder
    vault.close()
    rng = random.Random(SEED)
    env = {**os.environ, "WB_TEST_PASSPHRASE": PASSPHRASE}
    killed = verified = hot_journals = 0
    stats = []
    for trial in range(TRIALS):
        tag = f"kill-{trial}"
        out = tmp_path / f"{tag}.out"
        delay = rng.uniform(0.3, 1.2)
        with out.open("wb") as sink:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    str(CHILD),
                    "killtest",
                    str(folder),
                    tag,
                    str(SEED + trial),
                    str(MAX_COMMITS),
                ],
                stdout=sink,
                stderr=subprocess.PIPE,
                env=env,
            )
        try:
            _wait_for_ready(out, proc)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            _, stderr = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        acked, done = _acknowledged(out)
        if proc.returncode == -signal.SIGKILL:
            killed += 1
            assert not done
        else:
            assert proc.returncode == 0 and done, stderr.decode(errors="replace")
            assert len(acked) == MAX_COMMITS
        assert not (folder / f"{DB_NAME}-wal").exists()
        hot_journals += (folder / f"{DB_NAME}-journal").exists()

        reopened = Vault.unlock(folder, PASSPHRASE)  # the OS released the dead child's lock
        try:
            with reopened.reading() as conn:
                rows = conn.execute(
                    "SELECT id, family_name, contact_json FROM clients WHERE given_name = ? "
                    "ORDER BY id",
                    (tag,),
                ).fetchall()
            report = reopened.check_integrity()
            assert reopened.stale_warning is None  # a crash is not mistaken for a rollback
        finally:
            reopened.close()
        assert report.ok, (trial, report)
        stored = {
            cid: hashlib.sha256(json.loads(contact)["payload"].encode()).hexdigest()
            for cid, _, contact in rows
        }
        for cid, digest in acked:
            assert stored.get(cid) == digest, f"trial {trial}: acknowledged row {cid} lost"
        # At most the one commit in flight at the kill may exist without an acknowledgement,
        # and commits are never reordered or half-applied.
        assert len(acked) <= len(rows) <= len(acked) + 1, (trial, len(acked), len(rows))
        assert [int(family) for _, family, _ in rows] == list(range(len(rows)))
        verified += len(acked)
        stats.append((round(delay, 2), len(acked), len(rows)))

    assert killed >= 1, f"no trial was killed mid-run: {stats}"
    assert verified > 0
    print(
        f"{TRIALS} trials, {killed} killed mid-run, {hot_journals} left a hot journal, "
        f"{verified} acknowledged commits verified: {stats}"
    )
