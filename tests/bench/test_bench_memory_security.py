"""Cost of PRAGMA cipher_memory_security = ON, as a ratio against OFF measured in the same run.

Run with: pytest -m bench -s tests/bench/test_bench_memory_security.py
The setting is process-wide and cannot be turned off once on, so each trial is a child process.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.conftest import PRACTICE_SECRET as SECRET
from workbench.store import connection

pytestmark = pytest.mark.bench

ROUNDS = 5
# Open the database with the data key (the Argon2id step is the same either way), then the
# reads and writes a working session does: the caseload, note searches, a batch of edits.
WORKLOAD = """
import json, sys, time
from pathlib import Path
from workbench.store import clients, connection
from workbench.store.keyslots import PASSPHRASE, KeySlots
from workbench.store.passphrase import passphrase_bytes

connection.MEMORY_SECURITY = sys.argv[2] == "on"
folder, secret = sys.argv[1], sys.argv[3]
slots = KeySlots.load(Path(folder) / "keyslots.json")
key = slots.unlock(bytes(passphrase_bytes(secret)), PASSPHRASE)
timings = {}
start = time.perf_counter()
conn = connection.open_database(f"{folder}/caseload.db", key)
conn.execute("SELECT count(*) FROM clients").fetchone()
timings["open"] = time.perf_counter() - start
start = time.perf_counter()
for _ in range(3):
    clients.list_clients(conn)
timings["caseload"] = time.perf_counter() - start
start = time.perf_counter()
for term in ("sister", "sleep broken", "funeral", "mood", "weekend", "kayak"):
    clients.search_notes(conn, term, limit=50)
timings["search"] = time.perf_counter() - start
start = time.perf_counter()
conn.execute("BEGIN IMMEDIATE")
for i in range(500):
    clients.add_client(conn, "2026-01-01T00:00:00Z", given_name="bench", family_name=str(i))
conn.execute("ROLLBACK")
timings["edits"] = time.perf_counter() - start
state = conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
print(json.dumps({"state": str(state), **timings}))
"""


def _trial(folder: Path, mode: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", WORKLOAD, str(folder), mode, SECRET],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    doc = json.loads(result.stdout)
    assert doc.pop("state") == ("1" if mode == "on" else "0")
    return {name: float(value) for name, value in doc.items()}


def test_memory_security_is_on_only_if_it_costs_at_most_ten_percent(practice_vault: Path) -> None:
    vault_dir = practice_vault
    samples: dict[str, list[dict[str, float]]] = {"on": [], "off": []}
    _trial(vault_dir, "off")  # warm the OS file cache
    for n in range(ROUNDS):
        for mode in ("on", "off") if n % 2 == 0 else ("off", "on"):  # who goes first rotates
            samples[mode].append(_trial(vault_dir, mode))
    parts = list(samples["on"][0])
    lines, ratios = [], []
    for part in [*parts, "total"]:
        on = statistics.median(
            sum(s.values()) if part == "total" else s[part] for s in samples["on"]
        )
        off = statistics.median(
            sum(s.values()) if part == "total" else s[part] for s in samples["off"]
        )
        ratios.append(on / off)
        lines.append(f"{part} {off * 1000:.0f} -> {on * 1000:.0f} ms ({on / off:.2f}x)")
    print("\n[bench] cipher_memory_security ON vs OFF, medians of", ROUNDS, "rounds:")
    print("[bench]   " + "; ".join(lines))
    assert (ratios[-1] <= 1.10) == connection.MEMORY_SECURITY, "the decision no longer holds"
