"""Supervision pack and de-identification speed, on corpus clients whose every free-text field
holds planted identifiers (the de-identifier's worst case).

Run with: pytest -m bench -s tests/bench/test_bench_supervision.py
Goals: a 10-client pack ≤ 1.5 s (printed); de-identification ≤ 20 % of a report's build time
(asserted as a ratio measured in the same run).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.deid.corpus import plant_corpus
from tests.support import FAST_KDF, PASSPHRASE
from workbench.deid import engine, known
from workbench.services import export, pack
from workbench.store.vault import Vault

pytestmark = pytest.mark.bench
PACK_GOAL_S = 1.5
DEID_SHARE_GOAL = 0.20


def _median_s(func: Callable[[], object], repeats: int = 5) -> float:
    func()  # fonts registered, caches warm
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


class _Stopwatch:
    """Adds up the time spent inside the wrapped functions."""

    def __init__(self) -> None:
        self.spent = 0.0

    def wrap(self, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - start

        return timed


@pytest.fixture
def ten(tmp_path: Path) -> Iterator[tuple[Vault, list[int]]]:
    vault, _ = Vault.create(tmp_path / "bench", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        yield vault, [p.client_id for p in plant_corpus(vault, 10)]


def test_pack_and_deidentification_speed(
    ten: tuple[Vault, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, ids = ten
    pack_s = _median_s(lambda: pack.build_pack(vault, ids))
    single_s = _median_s(
        lambda: [export.build(vault, i, "supervisor-report", deidentify=True) for i in ids]
    )
    watch = _Stopwatch()
    monkeypatch.setattr(engine.Deidentifier, "marked", watch.wrap(engine.Deidentifier.marked))
    monkeypatch.setattr(known.KnownMatcher, "__init__", watch.wrap(known.KnownMatcher.__init__))
    rounds = 5
    start = time.perf_counter()
    for _ in range(rounds):
        for client_id in ids:
            export.build(vault, client_id, "supervisor-report", deidentify=True)
    total = time.perf_counter() - start
    share = watch.spent / total
    print(
        f"\n[bench] 10-client supervision pack: {pack_s * 1000:.0f} ms median "
        f"(goal ≤ {PACK_GOAL_S * 1000:.0f} ms); the 10 reports alone: {single_s * 1000:.0f} ms, "
        f"pack/reports {pack_s / single_s:.2f}"
        f"\n[bench] de-identification: {watch.spent / (rounds * len(ids)) * 1000:.1f} ms of "
        f"{total / (rounds * len(ids)) * 1000:.0f} ms per de-identified supervisor report = "
        f"{share:.1%} (goal ≤ {DEID_SHARE_GOAL:.0%})"
    )
    assert share <= DEID_SHARE_GOAL
    assert pack_s / single_s <= 1.5  # cover page and merging add at most half again
