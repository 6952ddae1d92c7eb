"""Full rekey: new data key, verified copy swapped in; a kill -9 at any moment leaves a vault."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import NewVault
from tests.support import PASSPHRASE, start_cli
from workbench.demo.build import fill_demo
from workbench.errors import WrongRecoveryCode
from workbench.store.content_hash import table_digests
from workbench.store.unlocking import STAGED_DB_SUFFIX
from workbench.store.vault import DB_NAME, Vault

TRIALS = 10
SEED = 61_2026


def _digests(folder: Path) -> dict[str, dict[str, object]]:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert vault.check_integrity().ok
        with vault.reading() as conn:
            digests = table_digests(conn)
    digests.pop("audit_log")
    digests.pop("meta")
    return digests


def test_rekey_changes_the_key_keeps_the_data_and_the_passphrase(
    new_vault: NewVault, tmp_path: Path
) -> None:
    from workbench.store.rekey import rekey

    vault, old_code = new_vault()
    fill_demo(vault, 5, 3)
    old_key, folder = vault.data_key(), vault.folder
    vault.close()
    before = _digests(folder)
    shutil.copy2(folder / DB_NAME, tmp_path / "old.db")

    with Vault.unlock(folder, PASSPHRASE) as again:
        new_code = rekey(again, PASSPHRASE)
    with Vault.unlock(folder, PASSPHRASE) as after:
        assert after.data_key() != old_key
    assert _digests(folder) == before
    Vault.unlock(folder, recovery_code=new_code).close()
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock(folder, recovery_code=old_code)
    assert not (folder / (DB_NAME + STAGED_DB_SUFFIX)).exists()
    assert (folder / DB_NAME).read_bytes() != (tmp_path / "old.db").read_bytes()


def test_kill_minus_nine_during_rekey_leaves_a_vault_that_opens(
    new_vault: NewVault, tmp_path: Path
) -> None:
    vault, _ = new_vault()
    fill_demo(vault, 150, 11)  # a few MB: the copy takes long enough to be interrupted
    pristine, old_key = vault.folder, vault.data_key()
    vault.close()
    expected = _digests(pristine)
    rng = random.Random(SEED)
    outcomes: list[str] = []

    def start(folder: Path, home: Path) -> subprocess.Popen[bytes]:
        return start_cli("rekey", folder, env={"IPT_WORKBENCH_HOME": str(home)})

    # One uninterrupted run sets the time scale, so the kills spread over the whole rekey
    # (start-up, copy, verification, key file, swap) whatever the machine's load.
    shutil.copytree(pristine, tmp_path / "timing.iptvault")
    started = time.perf_counter()
    assert start(tmp_path / "timing.iptvault", tmp_path / "home-timing").wait(timeout=300) == 0
    duration = time.perf_counter() - started
    for trial in range(TRIALS):
        folder = tmp_path / f"trial{trial}.iptvault"
        shutil.copytree(pristine, folder)
        home = tmp_path / f"home{trial}"  # each copy has the same vault id: its own records
        proc = start(folder, home)
        time.sleep(rng.uniform(0.3, 0.95) * duration)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            outcomes.append("killed")
        else:
            outcomes.append(f"finished {proc.returncode}")
        proc.wait()
        os.environ["IPT_WORKBENCH_HOME"], saved = str(home), os.environ["IPT_WORKBENCH_HOME"]
        try:
            assert _digests(folder) == expected, (trial, outcomes[-1])
            with Vault.unlock(folder, PASSPHRASE) as opened:
                outcomes[-1] += " old key" if opened.data_key() == old_key else " new key"
        finally:
            os.environ["IPT_WORKBENCH_HOME"] = saved
        assert not (folder / (DB_NAME + STAGED_DB_SUFFIX)).exists()
    print("rekey kill trials:", outcomes)
    assert sum(o.startswith("killed") for o in outcomes) >= TRIALS // 2, outcomes
