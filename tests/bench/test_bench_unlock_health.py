"""Unlock cost of the health check at unlock, as a ratio against unlock without it (one run).

Run with: pytest -m bench -s tests/bench/test_bench_unlock_health.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from tests.bench.conftest import PRACTICE_SECRET
from workbench.store import health, vault
from workbench.store.vault import Vault

pytestmark = pytest.mark.bench

ROUNDS = 9


def _unlock_ms(folder: Path) -> float:
    start = time.perf_counter()
    Vault.unlock(folder, PRACTICE_SECRET).close(record_freshness=False)
    return (time.perf_counter() - start) * 1000


def test_the_fast_check_adds_little_to_unlock(
    practice_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_check: list[float] = []
    without: list[float] = []
    _unlock_ms(practice_vault)  # warm the OS file cache
    for n in range(ROUNDS):  # who goes first alternates
        for checked in (True, False) if n % 2 == 0 else (False, True):
            with monkeypatch.context() as patch:
                if not checked:
                    patch.setattr(vault.health, "fast_check", lambda conn, path: [])
                (with_check if checked else without).append(_unlock_ms(practice_vault))
    on, off = statistics.median(with_check), statistics.median(without)
    with Vault.unlock(practice_vault, PRACTICE_SECRET) as opened:
        start = time.perf_counter()
        assert health.full_check(opened.conn).ok
        full = (time.perf_counter() - start) * 1000
    size_mb = (practice_vault / "caseload.db").stat().st_size / 1e6
    print(
        f"\n[bench] unlock {off:.0f} ms without the fast check, {on:.0f} ms with it "
        f"({on / off:.2f}x); the full check (background) {full:.0f} ms on {size_mb:.0f} MB"
    )
    assert on - off <= 300  # the unlock target: KDF + 300 ms
