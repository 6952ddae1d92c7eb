"""The 10,000-client demo vault shared by the benchmarks (built once per run)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support import FAST_KDF
from workbench.demo.build import fill_demo
from workbench.store.vault import Vault

CLIENTS = 10_000
SEED = 42
SECRET = "benchmark vault of invented people"


@pytest.fixture(scope="session")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench") / "big"
    start = time.perf_counter()
    vault, _ = Vault.create(folder, SECRET)  # production Argon2id tuning
    with vault:
        fill_demo(vault, CLIENTS, SEED)
        sessions = vault.conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
        notes = vault.conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    size_mb = (vault.folder / "caseload.db").stat().st_size / 1e6
    print(
        f"\n[bench] demo vault: {CLIENTS} clients, {sessions} sessions, {notes} notes, "
        f"{size_mb:.0f} MB, built in {time.perf_counter() - start:.1f} s"
    )
    return vault.folder


PRACTICE_CLIENTS = 1_000  # a large practice, quick to build (the 10,000-client one is not)
PRACTICE_SECRET = "practice benchmark vault of invented people"


@pytest.fixture(scope="session")
def practice_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1,000-client demo vault with the fast test KDF (for ratios measured in one run)."""
    vault, _ = Vault.create(
        tmp_path_factory.mktemp("practice") / "v", PRACTICE_SECRET, kdf=FAST_KDF
    )
    with vault:
        fill_demo(vault, PRACTICE_CLIENTS, 7)
    return vault.folder
