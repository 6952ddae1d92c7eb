"""Peak memory of the desktop app with a vault unlocked, measured in a process of its own.

Run by test_bench_memory: python -m tests.bench.peak_memory FOLDER CLIENTS SETTINGS_FILE
(the passphrase comes on stdin), or with --bare for a bare PySide6 window. Prints "peak_kib N".
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow


def peak_kib() -> int:
    """This process's peak resident memory. Linux's VmHWM belongs to the process's own memory
    map; ru_maxrss also keeps the peak of the forking parent (pytest) across exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def app_with_vault(folder: str, clients: str, settings_file: str) -> None:
    app = QApplication([])
    from tests.bench import window_driver as drive

    window = drive.open_window(Path(folder), Path(settings_file))
    count = int(clients)
    drive.unlock_to_painted(window, sys.stdin.readline().rstrip("\n"), count)
    drive.open_workspace(window, count // 2)  # a client open beside the full caseload
    drive.search(window, "a")
    drive.search(window, "")
    print(f"peak_kib {peak_kib()}", flush=True)
    window.close()
    app.processEvents()


def bare_window() -> None:
    app = QApplication([])
    window = QMainWindow()
    window.show()
    app.processEvents()
    print(f"peak_kib {peak_kib()}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--bare"]:
        bare_window()
    else:
        app_with_vault(*sys.argv[1:4])
