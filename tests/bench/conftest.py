"""Demo vaults of 1,000, 10,000 and 30,000 clients, each built once per run, and figure printing."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from tests.support import FAST_KDF
from workbench.demo.build import BATCH, fill_demo
from workbench.demo.generator import SIGNER, bundles
from workbench.store import meta, migrations
from workbench.store.bulk import insert_bundles
from workbench.store.connection import PAGE_CACHE_KIB
from workbench.store.vault import DB_NAME, Vault

SEED = 42
SECRET = "benchmark vault of invented people"
PLAIN_PRAGMAS = (  # the vault's own settings (store/connection.py), without the cipher
    "PRAGMA page_size = 4096",
    f"PRAGMA cache_size = -{PAGE_CACHE_KIB}",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
)


@dataclass(frozen=True)
class BenchVault:
    """A production-KDF vault of invented clients, and optionally its plain-SQLite twin."""

    folder: Path
    clients: int
    plain: Path | None  # same schema, same inserts in the same order, no encryption

    @property
    def db(self) -> Path:
        return self.folder / DB_NAME


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def figure(name: str, value: float, goal: str, unit: str = "ms", note: str = "") -> None:
    """Print one measured figure beside its goal and the machine's load right now."""
    extra = f"; {note}" if note else ""
    print(f"\n[bench] {name}: {value:.1f} {unit} (goal {goal}{extra}; {load()})", flush=True)


def open_plain(path: Path) -> Any:
    """The twin through the same driver build as the vault (sqlcipher3 with no key)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in PLAIN_PRAGMAS:
        conn.execute(pragma)
    return conn


def _build(folder: Path, clients: int, twin: bool) -> BenchVault:
    start = time.perf_counter()
    vault, _ = Vault.create(folder, SECRET)  # production Argon2id tuning: unlock pays the real KDF
    folder = vault.folder  # with the .iptvault suffix
    plain_path = folder.with_name(folder.stem + "-plain.db") if twin else None
    plain = open_plain(plain_path) if plain_path else None
    try:
        if plain is not None:
            migrations.migrate(plain, lambda _version: None)
        with vault.transaction() as tx:
            meta.put(tx, meta.CLINICIAN_NAME, SIGNER)
        source = bundles(clients, SEED)
        while batch := list(islice(source, BATCH)):  # generated once, inserted into both files
            now = vault.now()
            with vault.transaction() as tx:
                insert_bundles(tx, batch, now)
            if plain is not None:
                plain.execute("BEGIN IMMEDIATE")
                insert_bundles(plain, batch, now)
                plain.execute("COMMIT")
        with vault.reading() as conn:
            sessions = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
            notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    finally:
        vault.close()
        if plain is not None:
            plain.close()
    size_mb = (folder / DB_NAME).stat().st_size / 1e6
    print(
        f"\n[bench] demo vault: {clients:,} clients, {sessions:,} sessions, {notes:,} notes, "
        f"{size_mb:.0f} MB{' + plain twin' if twin else ''}, built in "
        f"{time.perf_counter() - start:.0f} s ({load()})",
        flush=True,
    )
    return BenchVault(folder, clients, plain_path)


class _Vaults:
    """Builds each size at most once per run; the 10,000 one with its plain twin."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._built: dict[int, BenchVault] = {}

    def __call__(self, clients: int) -> BenchVault:
        if clients not in self._built:
            name = f"clients-{clients}-seed-{SEED}-schema-{migrations.SCHEMA_VERSION}"
            folder = self._root / f"{name}.iptvault"
            twin = clients == 10_000
            plain = self._root / f"{name}-plain.db"
            complete = self._root / f"{name}.complete"  # written last: a killed build is redone
            if complete.is_file():
                self._built[clients] = BenchVault(folder, clients, plain if twin else None)
            else:
                shutil.rmtree(folder, ignore_errors=True)
                plain.unlink(missing_ok=True)
                self._built[clients] = _build(folder, clients, twin=twin)
                complete.touch()
        return self._built[clients]


@pytest.fixture(scope="session")
def bench_vaults(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Vaults]:
    """Built in a temporary folder; IPT_WORKBENCH_BENCH_CACHE names a folder that keeps them
    between runs (delete it when the schema or the demo generator changes)."""
    cache = os.environ.get("IPT_WORKBENCH_BENCH_CACHE")
    root = Path(cache) if cache else tmp_path_factory.mktemp("bench")
    root.mkdir(parents=True, exist_ok=True)
    yield _Vaults(root)


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
