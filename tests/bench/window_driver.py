"""Driving the real main window for the benchmarks: the one place to adapt when the window changes.

Everything goes through the window as `ui.app.build_window` makes it (every event filter in
place) and through its public surface: `show_unlock`, the unlock page's passphrase field and
button, `caseload` and its clients panel, `workspace`, `lock`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ui.app import build_window
from ui.dialogs.unlock import UnlockPage
from ui.settings import AppSettings
from ui.tasks import TaskRunner
from ui.views.main_window import MainWindow

HANG_GUARD_S = 600.0  # only a hang ends a wait; no figure is ever bounded by it


def wait_for(condition: Callable[[], bool]) -> None:
    """Process events until *condition* holds, waking on every event (no polling delay)."""
    app = QApplication.instance()
    assert app is not None
    tick = QTimer()
    tick.start(5)  # a condition changed by a worker thread is seen within 5 ms
    deadline = time.monotonic() + HANG_GUARD_S
    try:
        while not condition():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if time.monotonic() > deadline:
                raise TimeoutError("the window never reached the awaited state")
    finally:
        tick.stop()


def painted() -> float:
    """Let the window paint what changed (pending update requests), then read the clock."""
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    return time.perf_counter()


def open_window(folder: Path, settings_file: Path) -> MainWindow:
    """The app's main window, shown, on the unlock page of *folder*."""
    window = build_window([str(folder)], idle_ms=3_600_000, settings=AppSettings(settings_file))
    window.resize(1280, 800)
    window.show()
    window.show_unlock(folder)
    wait_for(lambda: isinstance(window.current_page(), UnlockPage))
    return window


def runner(window: MainWindow) -> TaskRunner:
    """The window's serial database worker (the CPU worker beside it never reads the vault)."""
    return window._runner


def unlock_to_painted(window: MainWindow, secret: str, clients: int) -> float:
    """Seconds from pressing Unlock to the caseload's *clients* rows painted (KDF included)."""
    page = window.current_page()
    assert isinstance(page, UnlockPage), type(page)
    page.secret.setText(secret)
    start = time.perf_counter()
    page.unlock_button.click()

    def listed() -> bool:
        caseload = window.caseload
        return caseload is not None and caseload.clients.model.rowCount() == clients

    wait_for(listed)
    return painted() - start


def lock(window: MainWindow) -> None:
    window.lock()
    wait_for(lambda: isinstance(window.current_page(), UnlockPage))


def open_workspace(window: MainWindow, row: int) -> float:
    """Seconds from selecting caseload row *row* to its workspace loaded and painted."""
    caseload = window.caseload
    assert caseload is not None
    client_id = caseload.clients.model.row_at(row).id
    work = runner(window)
    start = time.perf_counter()
    caseload.clients.table.selectRow(row)

    def opened() -> bool:
        workspace = window.workspace
        return workspace is not None and workspace.client_id == client_id and not work.busy

    wait_for(opened)
    return painted() - start


def search(window: MainWindow, text: str) -> float:
    """Seconds from a keystroke's query starting (the 150 ms typing pause skipped) to its rows
    shown and painted in the caseload."""
    caseload = window.caseload
    assert caseload is not None
    panel = caseload.clients
    answered: list[str] = []

    def answer(status: str) -> None:
        answered.append(status)

    caseload.status_changed.connect(answer)
    try:
        panel.search.setText(text)
        start = time.perf_counter()
        panel.refresh()
        wait_for(lambda: bool(answered))
        return painted() - start
    finally:
        caseload.status_changed.disconnect(answer)


def shown_rows(window: MainWindow) -> int:
    caseload = window.caseload
    return 0 if caseload is None else caseload.clients.model.rowCount()
