"""Main window: caseload filter, note search, title, status count, lock, auto-lock, close."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from tests.reports.course import record_course
from tests.support import PASSPHRASE
from ui.dialogs.unlock import UnlockPage
from ui.idle import IdleWatcher
from ui.models.caseload_model import CODE_COLUMN, NAME_COLUMN
from ui.workspace.sessions_page import SessionsPage
from workbench import __version__
from workbench.errors import VaultLocked
from workbench.measures import PHQ_ATTRIBUTION
from workbench.services import caseload as caseload_service
from workbench.store.clients import list_clients


def names_shown(panel) -> list[str]:
    model = panel.model
    return [model.index(r, NAME_COLUMN).data() for r in range(model.rowCount())]


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
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, CODE_COLUMN).data() == code)
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
    qtbot.waitUntil(lambda: not shiboken6.isValid(caseload), timeout=5000)
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
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    watcher = IdleWatcher(60_000, timer=timer)
    # Input as the platform delivers it: to the top-level window, then on to the widget.
    QTest.keyClick(field.windowHandle(), Qt.Key.Key_A)
    assert timer.starts == 0  # not armed: input does not start it
    watcher.arm()
    QTest.keyClick(field.windowHandle(), Qt.Key.Key_B)
    assert timer.starts == 2
    assert field.text() == "ab"
    dialog = QLineEdit()  # a window opened after arming, as a dialog is
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    QTest.mouseMove(dialog.windowHandle(), QPoint(5, 5))
    assert timer.starts == 3
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


def _open_course(qtbot, make_window, new_vault, unlock, held: int = 3):
    vault, _ = new_vault("course")
    record_course(vault, sessions_held=held)
    vault.close()
    window = make_window([str(vault.folder)])
    caseload = unlock(window, PASSPHRASE)
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    return window


def test_menus_offer_every_action_with_its_shortcut(make_window, locked_vault) -> None:
    window = make_window([str(locked_vault.folder)])
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert {"&Vault", "&Client"} <= set(menus) and list(menus)[-1] == "&Help"
    shortcuts = {
        action.text(): action.shortcut().toString()
        for menu in menus.values()
        for action in menu.actions()
        if not action.isSeparator()
    }
    assert (
        shortcuts.items()
        >= {
            "&Back up…": "Ctrl+B",
            "&Preferences…": "Ctrl+,",
            "&Lock": "Ctrl+L",
            "&Find client": "Ctrl+F",
            "&New client…": "Ctrl+N",
            "New &session": "Ctrl+Shift+N",
            "&Export PDF…": "Ctrl+E",
            "&About IPT Workbench": "",
        }.items()
    )
    assert len(set(shortcuts.values()) - {""}) == len([k for k in shortcuts.values() if k])
    locked = [window.backup_action, window.find_action, window.new_session_action]
    assert not any(action.isEnabled() for action in locked)


def test_ctrl_f_focuses_the_client_filter(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    caseload.clients.search.setText("ab")
    caseload.tabs.setCurrentWidget(caseload.notes)
    caseload.notes.search.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(caseload.notes.search, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert caseload.tabs.currentWidget() is caseload.clients
    assert caseload.clients.search.hasFocus()
    assert caseload.clients.search.selectedText() == "ab"


def test_status_line_shows_session_and_phase(qtbot, make_window, new_vault, unlock) -> None:
    window = _open_course(qtbot, make_window, new_vault, unlock, held=3)
    qtbot.waitUntil(lambda: window.episode_label.text().startswith("session 3 of 20 · "))
    window.lock()
    assert window.episode_label.text() == ""


def test_ctrl_shift_n_starts_a_new_session_draft(qtbot, make_window, new_vault, unlock) -> None:
    window = _open_course(qtbot, make_window, new_vault, unlock, held=3)
    assert window.new_session_action.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.caseload.clients.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    workspace = window.workspace
    page = workspace.current_page()
    assert isinstance(page, SessionsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: page.drafts.note_id is not None and page.editor.isEnabled())
    assert page.heading.text().startswith("Session 4 ")
    qtbot.waitUntil(lambda: window.episode_label.text().startswith("session 4 of 20"))
    first_field = next(iter(page.editor.fields.values()))
    qtbot.waitUntil(first_field.hasFocus)  # ready to type the check-in


def test_about_names_version_and_licences(qtbot, make_window, locked_vault) -> None:
    window = make_window([str(locked_vault.folder)])
    window.about_action.trigger()
    box = window.about_dialog
    assert box is not None and box.isVisible()
    text = box.text()
    assert __version__ in text and "DejaVu" in text and PHQ_ATTRIBUTION in text
    assert "GAD-7" in text
    box.accept()
    assert window.about_dialog is None


def test_slow_search_shows_progress_and_stops(
    qtbot, make_window, locked_vault, unlock, monkeypatch
) -> None:
    gate = threading.Event()
    real = caseload_service.find_clients

    def find(vault, text: str = ""):
        if text == "slow":
            gate.wait(10)
        return real(vault, text)

    monkeypatch.setattr(caseload_service, "find_clients", find)
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    window.progress.set_delay(30)
    rows = caseload.clients.model.rowCount()
    caseload.clients.search.setText("slow")
    caseload.clients.refresh()
    qtbot.waitUntil(lambda: not window.progress.isHidden(), timeout=5000)
    assert window.progress.text.text() == "Searching the caseload…"
    qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert window.progress.isHidden()
    assert window.count_label.text().startswith("Search stopped")
    gate.set()
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=10_000)
    assert caseload.clients.model.rowCount() == rows  # the late answer was dropped


def test_quick_work_shows_no_progress(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    seen: list[bool] = []
    caseload.clients.search.setText(locked_vault.codes[0])
    caseload.clients.refresh()
    while window._runner.busy:
        seen.append(not window.progress.isHidden())
        qtbot.wait(5)
    assert not any(seen)


def test_a_newer_search_drops_the_queued_older_one(
    qtbot, make_window, locked_vault, unlock, monkeypatch
) -> None:
    gate = threading.Event()
    asked: list[str] = []
    real = caseload_service.find_clients

    def find(vault, text: str = ""):
        asked.append(text)
        if text == "slow":
            gate.wait(10)
        return real(vault, text)

    monkeypatch.setattr(caseload_service, "find_clients", find)
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    panel = caseload.clients
    panel.search.setText("slow")
    panel.refresh()
    qtbot.waitUntil(lambda: "slow" in asked)  # running: the worker is busy with it
    for text in ("never", locked_vault.codes[2]):
        panel.search.setText(text)
        panel.refresh()
    gate.set()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert "never" not in asked  # queued behind the slow one, replaced before it ran
    assert panel.model.index(0, CODE_COLUMN).data() == locked_vault.codes[2]


def test_the_selected_client_stays_selected_when_the_filter_answers(
    qtbot, make_window, locked_vault, unlock
) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    panel = caseload.clients
    target = locked_vault.names[2]
    row = names_shown(panel).index(target)
    panel.table.selectRow(row)
    assert caseload.selected_client().display_name == target

    panel.search.setText(target.split()[-1][:3])  # a filter that still matches the client
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() < len(locked_vault.names), timeout=10_000)
    selected = caseload.selected_client()
    assert selected is not None and selected.display_name == target
    assert window.export_action.isEnabled()
