"""Main window: caseload filter, note search, title, status count, lock, auto-lock, close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from ui.dialogs.unlock import UnlockPage
from ui.idle import IdleWatcher
from workbench.errors import VaultLocked
from workbench.store.clients import list_clients


def names_shown(panel) -> list[str]:
    model = panel.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_title_and_status_after_unlock(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    assert window.windowTitle() == "IPT Workbench — caseload (locked)"
    unlock(window)
    assert window.windowTitle() == "IPT Workbench — caseload"
    assert not any(name in window.windowTitle() for name in locked_vault.names)
    qtbot.waitUntil(lambda: window.count_label.text() == f"{len(locked_vault.names)} clients")


def test_filter_by_name_and_code(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    family = locked_vault.names[0].split()[-1]
    with window.vault.reading() as conn:
        expected = [c.display_name for c in list_clients(conn, search=family)]
    assert 0 < len(expected) < len(locked_vault.names)

    caseload.clients.search.setText(family)
    qtbot.waitUntil(lambda: names_shown(caseload.clients) == expected)
    assert window.count_label.text().endswith("match the filter")

    code = locked_vault.codes[3]
    caseload.clients.search.setText(code.lower())
    model = caseload.clients.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 0).data() == code)
    assert window.count_label.text() == "1 client match the filter"

    caseload.clients.search.setText("")
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() == len(locked_vault.names))


def test_note_search_lists_hits(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    caseload.tabs.setCurrentWidget(caseload.notes)
    notes = caseload.notes
    notes.search.setText("mood")
    qtbot.waitUntil(lambda: notes.model.rowCount() > 0)
    model = notes.model
    for row in range(model.rowCount()):
        name, session, date, excerpt = (model.index(row, c).data() for c in range(4))
        assert name in locked_vault.names
        assert session.isdigit() and date
        assert "mood" in excerpt.lower()
    assert notes.info.text().endswith("found (most recent first)")

    notes.search.setText("zqxnothingmatches")
    qtbot.waitUntil(lambda: notes.model.rowCount() == 0)
    assert notes.info.text() == "No notes contain all of these words."


def test_lock_closes_vault_and_leaves_no_client_data(
    qtbot, make_window, locked_vault, unlock, assert_no_client_data
) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    vault = window.vault
    caseload.clients.search.setText(locked_vault.names[0])
    caseload.notes.search.setText("mood")
    qtbot.waitUntil(lambda: caseload.notes.model.rowCount() > 0)
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")

    search = caseload.clients.search
    with qtbot.waitSignal(caseload.destroyed, timeout=5000):
        window.lock_action.trigger()
        assert search.text() == "" and not search.isUndoAvailable()
        assert not vault.is_open
        with pytest.raises(VaultLocked):
            _ = vault.conn
        assert isinstance(window.current_page(), UnlockPage)
        assert window.windowTitle() == "IPT Workbench — caseload (locked)"
        assert window.count_label.text() == ""
        assert not window.lock_action.isEnabled()
        assert_no_client_data(locked_vault)  # already wiped before the page is deleted
    assert window.caseload is None
    assert_no_client_data(locked_vault)


def test_unlock_again_after_lock(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    window.lock()
    caseload = unlock(window)
    assert caseload.clients.model.rowCount() == len(locked_vault.names)


def test_idle_window_locks_itself(
    qtbot, make_window, locked_vault, unlock, assert_no_client_data
) -> None:
    window = make_window([str(locked_vault.folder)], idle_ms=300)
    unlock(window)
    assert window.idle.armed
    vault = window.vault
    qtbot.waitUntil(lambda: window.vault is None, timeout=5000)
    assert not vault.is_open
    assert isinstance(window.current_page(), UnlockPage)
    assert not window.idle.armed
    assert_no_client_data(locked_vault)


class CountingTimer(QTimer):
    """A QTimer that counts how often the idle watcher restarts it."""

    starts = 0

    def start(self, *args) -> None:
        self.starts += 1
        super().start(*args)


def test_input_restarts_the_idle_countdown(qtbot) -> None:
    timer = CountingTimer()
    watcher = IdleWatcher(60_000, timer=timer)
    field = QLineEdit()
    qtbot.addWidget(field)
    QTest.keyClick(field, "a")
    assert timer.starts == 0  # not armed: input does not start it
    watcher.arm()
    QTest.keyClick(field, "b")
    assert timer.starts == 2
    assert watcher.armed
    watcher.disarm()
    assert not watcher.armed


def test_closing_the_window_closes_the_vault(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    vault = window.vault
    window.close()
    assert not vault.is_open
    assert window.vault is None


def test_ctrl_l_locks(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(caseload.clients.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.vault is None)
    assert isinstance(window.current_page(), UnlockPage)
