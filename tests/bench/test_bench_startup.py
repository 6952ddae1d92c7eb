"""Cold start to the unlock window, from source and frozen, against a bare PySide6 window.

Run with: pytest -m bench -s tests/bench   (each process started alternately in one run)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

from tests.bench.conftest import figure
from tests.support import FAST_KDF, PASSPHRASE
from workbench.paths import default_vault
from workbench.store.vault import Vault

pytestmark = pytest.mark.bench
ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "ipt-workbench" / "ipt-workbench"
FIRST_PAGE = "first page: "
RUNS = 7
GOAL_RATIO, MARGIN = 4.0, 1.25
BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("first page: bare", flush=True), app.quit()))
app.exec()
"""


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (0 where the platform does not count them)."""
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _first_page(command: list[str]) -> tuple[str, float, float]:
    """(the first page's name, seconds from starting the process until it was shown, CPU
    seconds the whole process used: it quits right after showing the page)."""
    env = {**os.environ, "IPT_WORKBENCH_FIRST_PAGE_EXIT": "1", "QT_QPA_PLATFORM": "offscreen"}
    cpu = _children_cpu()
    start = time.perf_counter()
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(FIRST_PAGE):
                elapsed = time.perf_counter() - start
                process.wait(timeout=120)
                return line[len(FIRST_PAGE) :].strip(), elapsed, _children_cpu() - cpu
        process.wait(timeout=120)
    raise AssertionError(f"{command[0]} exited ({process.returncode}) without showing a page")


def test_cold_start_to_the_unlock_window() -> None:
    Vault.create(default_vault(), PASSPHRASE, kdf=FAST_KDF)[0].close()  # so it opens on unlock
    commands = {
        "source": [sys.executable, "-m", "workbench.cli"],
        "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
    }
    if FROZEN.is_file():
        commands["frozen"] = [str(FROZEN)]
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for name, command in commands.items():
        page, _, _ = _first_page(command)  # byte-code compiled, files in the OS cache
        assert page in ("UnlockPage", "bare"), (name, page)
    for round_ in range(RUNS):
        names = list(commands)
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            _, wall, cpu = _first_page(commands[name])
            runs[name].append((wall * 1000, cpu * 1000))
    wall = {name: statistics.median(w for w, _ in times) for name, times in runs.items()}
    cpu = {name: statistics.median(c for _, c in times) for name, times in runs.items()}
    bare = "bare PySide6 window"
    # The ratio is held on CPU time where the platform counts it: the wall clock of a process
    # start moves with every other process on a shared machine.
    held = cpu if cpu[bare] > 0 else wall
    goals = {"source": "≤ 600 ms", "frozen": "≤ 700 ms"}
    for name in ("source", "frozen"):
        if name in wall:
            figure(
                f"cold start to the unlock window, {name}",
                wall[name],
                f"{goals[name]} and ≤ {GOAL_RATIO:.0f}x a bare PySide6 window",
                note=f"{held[name] / held[bare]:.2f}x the bare window in CPU ({cpu[name]:.0f} "
                f"against {cpu[bare]:.0f} ms), {wall[name] / wall[bare]:.2f}x in wall clock "
                f"({wall[bare]:.0f} ms); medians of {RUNS}",
            )
    if "frozen" not in wall:
        print("\n[bench] frozen cold start: no bundle in dist/ (packaging/build.sh builds it)")
    for name in ("source", "frozen"):
        if name in held:
            assert held[name] <= GOAL_RATIO * MARGIN * held[bare], name
