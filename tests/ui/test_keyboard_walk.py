"""Keyboard only, through the real window: unlock, open the client, sign the session note,
record a PHQ-9 and export a PDF. Every step is a key pressed on the widget that has the focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.reports.course import record_course
from tests.support import PASSPHRASE
from tests.ui.workspace_driver import idle
from ui.views.main_window import MainWindow
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.sessions_page import SessionsPage
from workbench.services import measures

Key = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


class Keyboard:
    """Presses keys on whatever has the focus and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.presses = 0

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focused(), key, modifier)
            self.presses += 1
        self.qtbot.wait(5)

    def type(self, text: str) -> None:
        assert text.isascii()  # keyClicks aborts on other characters (stack notes)
        self.qtbot.keyClicks(self.focused(), text)
        self.presses += len(text)

    def tab_to(self, found: Callable[[QWidget], bool], limit: int = 80) -> QWidget:
        """Press Tab until the focused widget is the one *found* describes."""
        for _ in range(limit):
            if found(self.focused()):
                return self.focused()
            self.press(Key.Key_Tab)
        raise AssertionError(f"Tab never reached it; stopped at {self.focused()!r}")

    def answer_next_question(self, key: Qt.Key) -> None:
        """Press *key* in the next modal question box once it shows (it runs its own loop)."""

        def poll(left: int) -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and box.isVisible():
                QTest.keyClick(box, key)
                self.presses += 1
            elif left:
                QTimer.singleShot(10, lambda: poll(left - 1))

        QTimer.singleShot(0, lambda: poll(500))


def named(prefix: str) -> Callable[[QWidget], bool]:
    return lambda widget: widget.accessibleName().startswith(prefix)


def button(text: str) -> Callable[[QWidget], bool]:
    return lambda w: isinstance(w, QAbstractButton) and w.text().replace("&", "") == text


def test_unlock_to_signed_note_phq9_and_export_by_keyboard_only(
    qtbot: QtBot, make_window, new_vault, tmp_path: Path
) -> None:
    vault, _ = new_vault("course")
    record_course(vault, sessions_held=4)  # session 4's note is a draft
    episode = vault.folder
    vault.close()
    window: MainWindow = make_window([str(episode)])
    keys = Keyboard(qtbot)
    window.activateWindow()  # what the desktop does for a new window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    keys.type(PASSPHRASE)  # the unlock page has the focus on its passphrase field
    keys.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.caseload is not None, timeout=10_000)
    caseload = window.caseload
    assert caseload is not None
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() > 0, timeout=10_000)
    assert keys.focused() is caseload.clients.search

    keys.press(Key.Key_Tab)  # the client list
    keys.press(Key.Key_Return)  # the client under the cursor (the only one): into their chart
    qtbot.waitUntil(lambda: isinstance(keys.focused(), QTabBar), timeout=10_000)
    workspace = window.workspace
    assert workspace is not None

    keys.press(Key.Key_2, ALT)  # Sessions
    sessions = workspace.current_page()
    assert isinstance(sessions, SessionsPage)
    idle(qtbot, window)
    keys.tab_to(lambda w: w is sessions.table)
    keys.press(Key.Key_End)  # the last session: the draft
    qtbot.waitUntil(sessions.editor.isEnabled, timeout=10_000)
    check_in = keys.tab_to(named("Check-in"))
    assert isinstance(check_in, QPlainTextEdit)
    keys.press(Key.Key_End, CTRL)
    keys.type(" Slept better; saw her sister on Sunday.")
    keys.tab_to(button("Sign note…"))
    keys.answer_next_question(Key.Key_Y)
    keys.press(Key.Key_Space)
    qtbot.waitUntil(lambda: sessions.model.row_at(3).signed, timeout=10_000)
    window.activateWindow()  # the desktop gives the window back its focus after the question
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sessions.table)

    keys.press(Key.Key_3, ALT)  # Measures
    page = workspace.current_page()
    assert isinstance(page, MeasuresPage)
    idle(qtbot, window)
    vault_open = window.vault
    assert vault_open is not None
    given = len(measures.administrations(vault_open, workspace.episode_id, "PHQ-9"))
    keys.tab_to(lambda w: w is page.instrument)
    assert page.instrument.currentText() == "PHQ-9"
    for item in range(1, 10):
        keys.tab_to(named(f"Item {item}:"))
        keys.press(Key.Key_Space)  # "Not at all"
        keys.press(Key.Key_Right)  # the arrow moves the answer on: "Several days"
    keys.tab_to(button("Record"))
    keys.press(Key.Key_Space)
    idle(qtbot, window)
    recorded = measures.administrations(vault_open, workspace.episode_id, "PHQ-9")
    assert len(recorded) == given + 1
    assert {(a.total, a.complete) for a in recorded} >= {(9, True)}  # nine answers of 1

    keys.press(Key.Key_E, CTRL)  # Export PDF…
    qtbot.waitUntil(lambda: window.export_dialog is not None, timeout=10_000)
    dialog = window.export_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(keys.focused()), timeout=5_000)
    keys.press(Key.Key_Return)  # Export is the default button
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    assert dialog.saved is not None and "Slept better" in "".join(
        p.extract_text() for p in PdfReader(dialog.saved).pages
    )
    print(f"keyboard-only walk: {keys.presses} key presses")
    assert not [v for v in window.findChildren(QAbstractItemView) if v.tabKeyNavigation()]
