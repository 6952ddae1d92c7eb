"""Peak memory with a 30,000-client vault unlocked, in the app's own process, beside a bare window.

Run with: pytest -m bench -s tests/bench   (printed beside its goal; nothing asserted)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.conftest import SECRET, figure

pytestmark = [pytest.mark.bench, pytest.mark.skipif(os.name != "posix", reason="getrusage")]
ROOT = Path(__file__).resolve().parents[2]


def _peak_mib(command: list[str], stdin: str = "") -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        command, input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=1800
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("peak_kib"))
    return int(line.split()[1]) / 1024


@pytest.mark.slow
def test_peak_memory_with_30k_clients_unlocked(bench_vaults, tmp_path: Path) -> None:
    bench = bench_vaults(30_000)
    app = _peak_mib(
        [sys.executable, "-m", "tests.bench.peak_memory", str(bench.folder), "30000",
         str(tmp_path / "settings.ini")],
        stdin=SECRET + "\n",
    )  # fmt: skip
    bare = _peak_mib([sys.executable, "-m", "tests.bench.peak_memory", "--bare"])
    figure(
        "peak memory, 30,000 clients unlocked (caseload, a workspace, a search)",
        app,
        "≤ 250 MB",
        unit="MiB",
        note=f"a bare PySide6 window peaks at {bare:.0f} MiB",
    )
