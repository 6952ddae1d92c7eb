"""Peak memory of the desktop app with a vault unlocked, measured in a process of its own.

Run by test_bench_memory: python -m tests.bench.peak_memory FOLDER CLIENTS SETTINGS_FILE
(the passphrase comes on stdin). Prints "peak_kib N".
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main(folder: str, clients: str, settings_file: str) -> None:
    app = QApplication([])
    from tests.bench import window_driver as drive

    window = drive.open_window(Path(folder), Path(settings_file))
    count = int(clients)
    drive.unlock_to_painted(window, sys.stdin.readline().rstrip("\n"), count)
    drive.open_workspace(window, count // 2)  # a client open beside the full caseload
    drive.search(window, "a")
    drive.search(window, "")
    print(f"peak_kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main(*sys.argv[1:4])
