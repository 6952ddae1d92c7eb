"""One damaged page anywhere in the file: the unlock refuses it with a typed error or opens the
vault, and once the damage is found the file is never written again."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from pathlib import Path

from tests.conftest import NewVault
from tests.support import PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.errors import WorkbenchError
from workbench.services import caseload, vault_health
from workbench.store.vault import DB_NAME, Vault

PAGE = 4096


def test_each_damaged_page_is_refused_or_opened_read_only(
    new_vault: NewVault, tmp_path: Path
) -> None:
    vault, _ = new_vault("pages")
    fill_demo(vault, 3, 7)
    vault.close()
    data = (vault.folder / DB_NAME).read_bytes()
    outcomes: dict[str, int] = {}
    for page in range(len(data) // PAGE):
        damaged = bytearray(data)
        damaged[page * PAGE + PAGE // 2] ^= 0xFF
        trial = tmp_path / "trial.iptvault"
        shutil.copytree(vault.folder, trial)
        (trial / DB_NAME).write_bytes(bytes(damaged))
        digest = hashlib.sha256(bytes(damaged)).hexdigest()
        try:
            with Vault.unlock(trial, PASSPHRASE) as opened:
                with contextlib.suppress(WorkbenchError):
                    caseload.find_clients(opened, "")
                found = not vault_health.run_full_check(opened).ok or opened.read_only
                outcome = "read-only" if opened.read_only else "opened"
                assert found, f"page {page}: damage not found by the full check"
        except WorkbenchError as exc:  # anything else is a bug and fails the test
            outcome = type(exc).__name__
        if outcome != "opened":
            assert hashlib.sha256((trial / DB_NAME).read_bytes()).hexdigest() == digest, page
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        shutil.rmtree(trial)
    assert "opened" not in outcomes, outcomes  # every flip is found, none is written over
