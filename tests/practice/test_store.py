"""The practice store: attempts kept across cases in data_dir()/practice, never in a vault."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbench.paths import data_dir
from workbench.practice import (
    PracticeStore,
    PracticeStoreError,
    blank_attempt,
    default_store_path,
    evaluate,
    find_vignette,
    model_answer,
)


class Ticks:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(days=1)
        return self.now


def test_records_and_lists_progress_across_cases() -> None:
    store = PracticeStore(clock=Ticks())
    assert store.path == default_store_path() == data_dir() / "practice" / "attempts.json"
    assert store.attempts() == []
    for vid, full in (("G", False), ("G", True), ("T", True)):
        v = find_vignette(vid)
        attempt = model_answer(v, trainee="Ana") if full else blank_attempt(v, trainee="Ana")
        store.record(evaluate(v, attempt), attempt)
    records = PracticeStore().attempts()
    assert [(r.id, r.vignette, r.passed) for r in records] == [
        (1, "G", False),
        (2, "G", True),
        (3, "T", True),
    ]
    assert [r.at for r in records] == [
        "2026-03-02T09:00:00Z",
        "2026-03-03T09:00:00Z",
        "2026-03-04T09:00:00Z",
    ]
    first, second = PracticeStore().attempts("g")
    assert first.percent == 0.0 and not first.risk_passed
    assert second.score == second.max_score and second.sections["risk"] == [3, 3]
    assert second.attempt["vignette"] == "G" and second.trainee == "Ana"


def test_the_file_is_owner_only_and_documented() -> None:
    store = PracticeStore()
    v = find_vignette("D")
    store.record(evaluate(v, model_answer(v)), model_answer(v))
    mode = stat.S_IMODE(store.path.stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    doc = json.loads(store.path.read_text(encoding="utf-8"))
    assert doc["format"] == "ipt-workbench-practice-attempts" and doc["version"] == 1
    assert not list(store.path.parent.glob(".tmp-*"))  # atomic write left no temp file


def test_a_damaged_history_is_reported_and_left_untouched() -> None:
    store = PracticeStore()
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{ not json", encoding="utf-8")
    v = find_vignette("T")
    with pytest.raises(PracticeStoreError, match="left untouched"):
        store.record(evaluate(v, model_answer(v)), model_answer(v))
    with pytest.raises(PracticeStoreError):
        store.attempts()
    assert store.path.read_text(encoding="utf-8") == "{ not json"


def test_never_inside_a_clinical_vault(tmp_path: Path) -> None:
    with pytest.raises(PracticeStoreError, match="never kept inside a clinical vault"):
        PracticeStore(tmp_path / "caseload.iptvault" / "attempts.json")


def test_practice_code_never_loads_the_vault_layer() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "import workbench.practice, workbench.practice.report_pdf, workbench.practice.commands\n"
        "bad = [m for m in sys.modules if m.startswith(('workbench.store', 'sqlcipher3'))]\n"
        "assert not bad, bad\n"
        "print('no vault layer')\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "no vault layer" in result.stdout
