"""kill -9 during export-json: the file is the old one or the complete new one, never half."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import NewVault
from tests.support import PASSPHRASE, start_cli
from workbench.demo.build import fill_demo
from workbench.fileio import PART_PREFIX
from workbench.store.vault import Vault

TRIALS = 10
SEED = 7_2026
CLIENTS = 150


def test_kill_minus_nine_during_export_leaves_no_partial_file(
    new_vault: NewVault, tmp_path: Path
) -> None:
    vault, _ = new_vault()
    fill_demo(vault, CLIENTS, 13)
    folder = vault.folder
    vault.close()
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "caseload.json"
    started = time.perf_counter()
    assert start_cli("export-json", folder, out).wait(timeout=300) == 0
    duration = time.perf_counter() - started
    assert len(json.loads(out.read_bytes())["clients"]) == CLIENTS
    out.unlink()

    rng = random.Random(SEED)
    outcomes = []
    for _ in range(TRIALS):
        proc = start_cli("export-json", folder, out)
        time.sleep(rng.uniform(0.3, 0.98) * duration)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        written = out.exists()
        if written:  # never a half file under the final name
            assert len(json.loads(out.read_bytes())["clients"]) == CLIENTS
        outcomes.append(
            f"{'killed' if killed else 'finished'}, file {'complete' if written else 'absent'}"
        )
        with Vault.unlock(folder, PASSPHRASE) as reopened:
            assert reopened.check_integrity().ok
    leftovers = sorted(p.name for p in out_dir.glob(f"{PART_PREFIX}*"))
    assert start_cli("export-json", folder, out).wait(timeout=300) == 0  # the next export tidies up
    assert sorted(p.name for p in out_dir.iterdir()) == ["caseload.json"]
    print("export kill trials:", outcomes, "temp files left before the next export:", leftovers)
    assert sum(o.startswith("killed") for o in outcomes) >= TRIALS // 2


def test_a_dead_writers_temp_file_is_removed_and_a_live_ones_is_not(tmp_path: Path) -> None:
    from workbench.fileio import atomic_write_bytes

    dead = tmp_path / f"{PART_PREFIX}dead.part"
    dead.write_bytes(b"half an export")
    live = tmp_path / f"{PART_PREFIX}live.part"
    live.write_bytes(b"being written")
    held = tmp_path.parent / f"{tmp_path.name}-held"
    script = (
        "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR); "
        "fcntl.flock(fd, fcntl.LOCK_EX); open(sys.argv[2], 'w').close(); time.sleep(60)"
    )
    # Another process writing right now holds the lock on its temp file.
    holder = subprocess.Popen([sys.executable, "-c", script, str(live), str(held)])
    try:
        deadline = time.monotonic() + 30
        while not held.exists():
            assert time.monotonic() < deadline and holder.poll() is None
            time.sleep(0.02)
        atomic_write_bytes(tmp_path / "other.json", b"{}")
        assert not dead.exists() and live.exists()
    finally:
        holder.kill()
        holder.wait()
    atomic_write_bytes(tmp_path / "other.json", b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json"]
