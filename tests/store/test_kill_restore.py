"""kill -9 during restore: the vault under its name is the old one or the restored one, whole."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

from tests.conftest import NewVault
from tests.support import PASSPHRASE, start_cli
from workbench.demo.build import fill_demo
from workbench.store.backup import make_backup
from workbench.store.clients import add_client
from workbench.store.content_hash import table_digests
from workbench.store.vault import Vault

TRIALS = 10
SEED = 3_2026


def _digests(folder: Path) -> dict[str, dict[str, object]]:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert vault.check_integrity().ok
        with vault.reading() as conn:
            digests = table_digests(conn)
    for table in ("audit_log", "meta"):
        digests.pop(table)
    return digests


def test_kill_minus_nine_during_restore_leaves_one_whole_vault(
    new_vault: NewVault, tmp_path: Path
) -> None:
    vault, _ = new_vault()
    fill_demo(vault, 120, 17)
    backup = make_backup(vault, tmp_path / "weekly").path
    with vault.transaction() as tx:  # the live vault moves on after the backup
        for n in range(10):
            add_client(tx, vault.now(), given_name="Later", family_name=f"Client{n}")
    folder = vault.folder
    vault.close()
    pristine = tmp_path / "pristine.iptvault"
    shutil.copytree(folder, pristine)
    newer = _digests(folder)
    started = time.perf_counter()
    assert start_cli("restore", backup, tmp_path / "timing").wait(timeout=300) == 0
    duration = time.perf_counter() - started
    restored = _digests(tmp_path / "timing.iptvault")
    assert restored != newer

    rng = random.Random(SEED)
    outcomes = []
    for _ in range(TRIALS):
        shutil.rmtree(folder)
        shutil.copytree(pristine, folder)  # every trial starts from the vault that moved on
        proc = start_cli("restore", backup, folder)
        time.sleep(rng.uniform(0.2, 0.9) * duration)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = _digests(folder)  # the unlock finishes or undoes an interrupted swap
        assert now in (newer, restored)
        outcomes.append(
            f"{'killed' if killed else 'finished'}: {'old' if now == newer else 'restored'}"
        )
        leftovers = [p.name for p in folder.parent.glob(".restore-*")]
        assert leftovers == [] and not list(folder.parent.glob("*.restore-journal"))
    print("restore kill trials:", outcomes)
    assert sum(o.startswith("killed") for o in outcomes) >= TRIALS // 2


def test_a_swap_cut_between_its_two_renames_is_completed_or_undone(
    new_vault: NewVault, tmp_path: Path
) -> None:
    from workbench.store import restore_journal

    vault, _ = new_vault()
    folder = vault.folder
    vault.close()
    for staged_survives in (True, False):
        staging = folder.with_name(restore_journal.staging_prefix(folder) + "cut")
        shutil.copytree(folder, staging)
        aside = folder.with_name("aside.iptvault")
        journal = restore_journal.journal_path(folder)
        journal.write_text(f'{{"staging": "{staging.name}", "aside": "{aside.name}"}}')
        os.replace(folder, aside)  # the kill came right after the first rename
        if not staged_survives:
            shutil.rmtree(staging)
        Vault.unlock(folder, PASSPHRASE).close()
        assert not journal.exists() and not staging.exists()
        assert aside.exists() == staged_survives
        if staged_survives:
            shutil.rmtree(aside)
