"""Constants and small helpers shared by tests (import as `tests.support`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from workbench.domain.risk import RiskNote
from workbench.store.keyslots import KDF_FLOOR, KdfParams

# The floor the app enforces (tests/conftest.py lowers the live one to accept FAST_KDF).
APP_KDF_FLOOR = KDF_FLOOR

# Cheap Argon2id for tests that do not check KDF settings; one test keeps production tuning.
FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)
PASSPHRASE = "correct horse battery staple"


def complete_risk_note(**changes: Any) -> RiskNote:
    """A risk note meeting the rule (real text in each required field, a follow-up date)."""
    fields: dict[str, Any] = {
        "risk_formulation": "Passive thoughts when exhausted; no plan or intent described.",
        "nature_of_thoughts": ("passive wish",),
        "frequency_recency": "Asked directly: twice last week, none since Friday.",
        "protective_factors": "Her daughter and the weekly choir.",
        "actions_taken": "Safety plan reviewed together in the session.",
        "follow_up_date": "2026-03-20",
    }
    fields.update(changes)
    return RiskNote(**fields)


ROOT = Path(__file__).resolve().parents[1]


def start_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`ipt-workbench ARGS --passphrase-stdin` as a child with no terminal, given PASSPHRASE."""
    child_env = {**os.environ, **(env or {})}
    child_env["PYTHONPATH"] = os.pathsep.join([os.environ["PYTHONPATH"], str(ROOT)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench.cli", *map(str, args), "--passphrase-stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=child_env,
        start_new_session=True,
    )
    assert proc.stdin is not None
    proc.stdin.write((PASSPHRASE + "\n").encode())
    proc.stdin.close()
    return proc
