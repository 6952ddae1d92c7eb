"""Vault speed at 10,000 clients: unlock, name search, note search; ratios measured in one run.

Run with: pytest -m bench -s tests/bench   (excluded from the default suite)
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from workbench.demo.build import fill_demo
from workbench.store import clients
from workbench.store.keyslots import PASSPHRASE as SLOT_KIND
from workbench.store.passphrase import passphrase_bytes
from workbench.store.vault import Vault

pytestmark = pytest.mark.bench

CLIENTS = 10_000
SEED = 42
SECRET = "benchmark vault of invented people"
REPEATS = 41
NOTE_TERMS = (
    "sister",
    "sleep broken",
    "allotment",
    "kayak",
    "role play",
    "funeral",
    "mood",
    "childcare",
    "weekend",
    "harmonium",
)


def _median_ms(func: Callable[[], Any], repeats: int = REPEATS) -> float:
    func()  # warm the page cache once, as a user's second query would be
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


@pytest.fixture(scope="module")
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


def test_unlock_costs_the_kdf_plus_little(big_vault: Path) -> None:
    def unlock() -> None:
        Vault.unlock(big_vault, SECRET).close()

    def kdf_only() -> None:
        from workbench.store.keyslots import KeySlots

        slots = KeySlots.load(big_vault / "keyslots.json")
        slots.unlock(bytes(passphrase_bytes(SECRET)), SLOT_KIND)

    kdf = _median_ms(kdf_only, 5)
    total = _median_ms(unlock, 5)
    print(
        f"\n[bench] unlock {total:.0f} ms = KDF {kdf:.0f} ms + {total - kdf:.0f} ms "
        f"(target: KDF + 300 ms)"
    )
    assert total <= kdf + 300


def _terms(conn: Any) -> list[str]:
    names = [r[0] for r in conn.execute("SELECT family_name FROM clients ORDER BY id LIMIT 400")]
    rng = random.Random(1)
    return [n[: rng.randint(3, 5)] for n in rng.sample(names, 20)]


def test_name_and_note_search_speed_and_overheads(big_vault: Path, tmp_path: Path) -> None:
    plain_path = tmp_path / "plain.db"
    with Vault.unlock(big_vault, SECRET) as vault:
        conn = vault.conn
        terms = _terms(conn)
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain_path),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
        results = _measure(conn, terms)
    plain = sqlcipher3.connect(str(plain_path), isolation_level=None)  # no key: plain SQLite
    try:
        plain_results = _measure(plain, terms)
    finally:
        plain.close()

    name_app, name_raw = results["name_app"], results["name_raw"]
    fts_app, fts_raw = results["fts_app"], results["fts_raw"]
    print(
        f"\n[bench] name search median {name_app:.2f} ms (raw SQL {name_raw:.2f} ms, "
        f"app/raw {name_app / name_raw:.2f}; SQLCipher/plain "
        f"{name_raw / plain_results['name_raw']:.2f})"
        f"\n[bench] note search median {fts_app:.2f} ms (raw SQL {fts_raw:.2f} ms, "
        f"app/raw {fts_app / fts_raw:.2f}; SQLCipher/plain "
        f"{fts_raw / plain_results['fts_raw']:.2f})"
        f"\n[bench] whole caseload list {results['list_all']:.1f} ms "
        f"(plain {plain_results['list_all']:.1f} ms)"
    )
    assert name_app <= 30
    assert fts_app <= 50
    assert name_app <= 1.5 * name_raw
    assert fts_app <= 1.5 * fts_raw
    assert name_raw <= 1.5 * plain_results["name_raw"]
    assert fts_raw <= 1.5 * plain_results["fts_raw"]


def _measure(conn: Any, terms: list[str]) -> dict[str, float]:
    def each(func: Callable[[str], Any], items: list[str]) -> float:
        return statistics.median(_median_ms(lambda i=i: func(i), 9) for i in items)

    def raw_name(term: str) -> Any:
        sql = clients.SUMMARY_SQL + clients.NAME_FILTER + clients.NAME_ORDER
        return conn.execute(sql, (clients.like_pattern(term),)).fetchall()

    def raw_fts(text: str) -> Any:
        query = (clients.fts_query(text), 50)
        return conn.execute(clients.NOTE_SEARCH_SQL, query).fetchall()

    return {
        "name_app": each(lambda t: clients.list_clients(conn, t), terms),
        "name_raw": each(raw_name, terms),
        "fts_app": each(lambda t: clients.search_notes(conn, t), list(NOTE_TERMS)),
        "fts_raw": each(raw_fts, list(NOTE_TERMS)),
        "list_all": _median_ms(lambda: clients.list_clients(conn), 5),
    }
