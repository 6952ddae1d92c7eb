"""The window by keyboard: tables let Tab go, arrows pick clients, Enter opens, tabs by shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QSplitter, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.workspace_driver import idle
from ui.views.main_window import MainWindow

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> QWidget:
    """Press *key* on whatever has the focus; returns what has it afterwards."""
    qtbot.keyClick(focused(), key, modifier)
    qtbot.wait(10)
    return focused()


def test_no_table_keeps_tab_and_the_splitter_takes_no_focus(
    qtbot: QtBot, course_window: MainWindow
) -> None:
    window = course_window
    workspace = window.workspace
    assert workspace is not None
    for index in range(workspace.count()):
        workspace.setCurrentIndex(index)
        idle(qtbot, window)
    views = window.findChildren(QAbstractItemView)
    assert len(views) > 10
    keeping = [v.accessibleName() or type(v).__name__ for v in views if v.tabKeyNavigation()]
    assert not keeping
    for splitter in window.findChildren(QSplitter):
        if splitter.objectName() == "caseloadSplitter":
            assert splitter.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_tab_moves_between_panes_arrows_between_clients_enter_opens(
    qtbot: QtBot, make_window, locked_vault, unlock
) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    table = caseload.clients.table
    qtbot.waitUntil(lambda: focused() is caseload.clients.search)
    assert press(qtbot, Key.Key_Tab) is table
    assert press(qtbot, Key.Key_Down) is table  # the first client
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    first = window.workspace
    assert first is not None
    assert press(qtbot, Key.Key_Down) is table  # the next client: still in the list
    qtbot.waitUntil(lambda: window.workspace not in (None, first), timeout=10_000)
    second = window.workspace
    assert second is not None
    selected = caseload.selected_client()
    assert selected is not None and selected.id == second.client_id
    assert press(qtbot, Key.Key_Tab) is not table  # Tab leaves the table for the chart
    assert second.isAncestorOf(focused()) or window.view.header.isAncestorOf(focused())
    assert press(qtbot, Key.Key_Backtab) is table  # and Shift+Tab comes back
    qtbot.keyClick(table, Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(focused(), QTabBar) and focused().parent() is second)
    assert window.workspace is second  # Enter went into the open chart, nothing reopened


def test_workspace_tabs_switch_from_anywhere(qtbot: QtBot, course_window: MainWindow) -> None:
    window = course_window
    workspace = window.workspace
    caseload = window.caseload
    assert workspace is not None and caseload is not None
    caseload.clients.table.setFocus()
    qtbot.waitUntil(lambda: focused() is caseload.clients.table)
    press(qtbot, Key.Key_PageDown, CTRL)
    assert workspace.currentIndex() == 1
    press(qtbot, Key.Key_Tab, CTRL)
    assert workspace.currentIndex() == 2
    press(qtbot, Key.Key_PageUp, CTRL)
    assert workspace.currentIndex() == 1
    press(qtbot, Key.Key_Backtab, CTRL | SHIFT)
    assert workspace.currentIndex() == 0
    for number in range(9, 0, -1):
        shown = press(qtbot, getattr(Key, f"Key_{number}"), ALT)
        assert workspace.currentIndex() == number - 1
        assert shown is workspace.tabBar()  # the focus follows: arrows and Tab go on from there
    workspace.setCurrentIndex(workspace.count() - 1)  # the audit trail: a table inside the page
    idle(qtbot, window)
    audit = workspace.current_page().findChild(QAbstractItemView)
    assert audit is not None
    audit.setFocus()
    qtbot.waitUntil(lambda: focused() is audit)
    press(qtbot, Key.Key_PageDown, CTRL)
    assert workspace.currentIndex() == 0  # wraps to the first tab
