"""R15: a damaged caseload.db never crashes the app and never yields silently wrong data.

100 seeded damages (bit flips, truncations, zeroed pages, appended junk) of one pristine demo
vault. Each damaged copy is opened in a subprocess through the real Vault.unlock, the caseload
list, every note and a note search, then check_integrity(), then a save; the child reports
JSON. Damage found leaves the vault read-only and the file unwritten (its hash unchanged).
Only caseload.db is damaged; keyslots.json is copied intact.
"""

from __future__ import annotations

import collections
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.store._child import snapshot
from tests.support import FAST_KDF, PASSPHRASE
from workbench import errors
from workbench.demo.build import fill_demo
from workbench.store.vault import DB_NAME, SLOTS_NAME, Vault

CHILD = Path(__file__).with_name("_child.py")
SEED = 20240611
CASES = 100
PAGE = 4096
KINDS = ("bitflip", "truncate_random", "truncate_page", "zero_page", "append_junk")
TYPED = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.WorkbenchError)
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A closed demo vault (30 clients) and the manifest of what it must show."""
    folder = tmp_path_factory.mktemp("pristine") / "demo"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    try:
        fill_demo(vault, 30, SEED)
        manifest = snapshot(vault)
        assert vault.check_integrity().ok
    finally:
        vault.close()
    assert manifest["n_clients"] == 30 and manifest["n_notes"] > 100
    return vault.folder, manifest


def damage(data: bytes, kind: str, rng: random.Random) -> tuple[bytes, str]:
    """One damaged copy of *data* and a short description of what was done."""
    size = len(data)
    if kind == "bitflip":
        buf = bytearray(data)
        spots = [(rng.randrange(size), rng.randrange(8)) for _ in range(rng.randint(1, 8))]
        for offset, bit in spots:
            buf[offset] ^= 1 << bit
        return bytes(buf), f"flip {spots}"
    if kind == "truncate_random":
        length = rng.randrange(size)
        return data[:length], f"truncate to {length}"
    if kind == "truncate_page":
        length = rng.randrange(size // PAGE) * PAGE
        return data[:length], f"truncate to page {length // PAGE}"
    if kind == "zero_page":
        page = rng.randrange(size // PAGE)
        start = page * PAGE
        return data[:start] + bytes(PAGE) + data[start + PAGE :], f"zero page {page + 1}"
    assert kind == "append_junk"
    junk = rng.randbytes(rng.randint(1, 2 * PAGE))
    return data + junk, f"append {len(junk)} bytes"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open_in_child(folder: Path) -> tuple[int, dict[str, Any] | None, str]:
    env = {**os.environ, "WB_TEST_PASSPHRASE": PASSPHRASE}
    proc = subprocess.run(
        [sys.executable, str(CHILD), "open", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = proc.stdout.strip().splitlines()
    doc = json.loads(lines[-1]) if lines else None
    return proc.returncode, doc, proc.stderr[-2000:]


def classify(doc: dict[str, Any], manifest: dict[str, Any]) -> str:
    """'refused' (typed error), 'identical', 'identical+flagged' or a failure label."""
    if "untyped" in doc:
        return "FAIL untyped error"
    if "data" in doc and doc["data"] != manifest:
        return "FAIL opened but data differ"
    if "error" in doc:
        if doc["error"] not in TYPED:
            return "FAIL unknown error"
        return "refused" if "data" not in doc else "identical+integrity-refused"
    assert doc["stage"] == "done", doc
    return "identical" if doc["integrity"]["ok"] else "identical+flagged"


def test_random_damage_never_crashes_or_lies(
    pristine: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    source, manifest = pristine
    data = (source / DB_NAME).read_bytes()
    rng = random.Random(SEED)
    cases: list[tuple[int, str, str, Path]] = []
    for i in range(CASES):
        kind = KINDS[i % len(KINDS)]
        damaged, what = damage(data, kind, rng)
        folder = tmp_path / f"case{i:03d}.iptvault"
        folder.mkdir()
        shutil.copy2(source / SLOTS_NAME, folder / SLOTS_NAME)
        (folder / DB_NAME).write_bytes(damaged)
        cases.append((i, kind, what, folder))

    hashes = [_sha256(case[3] / DB_NAME) for case in cases]
    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        results = list(pool.map(lambda case: _open_in_child(case[3]), cases))

    failures: list[str] = []
    breakdown: collections.Counter[tuple[str, str]] = collections.Counter()
    for (i, kind, what, folder), (code, doc, stderr) in zip(cases, results, strict=True):
        if code != 0 or doc is None:
            failures.append(f"case {i} ({what}): exit {code}, stderr {stderr!r}")
            continue
        outcome = classify(doc, manifest)
        breakdown[kind, outcome] += 1
        if outcome.startswith("FAIL"):
            failures.append(f"case {i} ({what}): {outcome}: {doc}")
        elif kind == "append_junk" and outcome == "identical":
            failures.append(f"case {i} ({what}): junk not reported by check_integrity: {doc}")
        elif kind in ("bitflip", "zero_page") and outcome == "identical":
            failures.append(f"case {i} ({what}): damage went unnoticed: {doc}")
        if outcome != "identical" and _sha256(folder / DB_NAME) != hashes[i]:
            failures.append(f"case {i} ({what}): the damaged file was written to: {doc}")
        damaged = doc.get("integrity", {}).get("n_cipher") or doc.get("integrity", {}).get(
            "n_structure"
        )
        if damaged and not (doc["read_only"] and doc["write"] == "VaultReadOnly"):
            failures.append(f"case {i} ({what}): damaged but not read-only: {doc}")
    summary = ", ".join(f"{k}/{o}: {n}" for (k, o), n in sorted(breakdown.items()))
    assert not failures, "\n".join(failures) + "\n" + summary
    assert sum(breakdown.values()) == CASES
    # The breakdown is visible with -rP; keep it in the captured output.
    print(summary)


@pytest.mark.parametrize("length", [0, 16, 100, PAGE - 1, PAGE, 2 * PAGE])
def test_short_file_is_refused_and_left_alone(
    pristine: tuple[Path, dict[str, Any]], tmp_path: Path, length: int
) -> None:
    """A caseload.db cut to nothing or to a few pages: typed refusal, file not rewritten."""
    source, _ = pristine
    folder = tmp_path / "short.iptvault"
    folder.mkdir()
    shutil.copy2(source / SLOTS_NAME, folder / SLOTS_NAME)
    damaged = (source / DB_NAME).read_bytes()[:length]
    (folder / DB_NAME).write_bytes(damaged)
    code, doc, stderr = _open_in_child(folder)
    assert code == 0, stderr
    assert doc == {"stage": "unlock", "error": "VaultDamaged"}
    # An empty file must not be "repaired" into a new, empty caseload.
    assert (folder / DB_NAME).read_bytes() == damaged
