"""Drives the real main window the way a clinician does: pages, forms and buttons, no services."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QDate, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.new_client import NewClientDialog
from ui.dialogs.profile_dialog import ProfileDialog
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.views.first_run import FirstRunPage
from ui.views.main_window import MainWindow
from ui.widgets.circle_editor import CircleEditor
from ui.workspace.base import WorkspacePage

Page = TypeVar("Page", bound=WorkspacePage)
WAIT_MS = 10_000


def idle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window's serial worker has nothing queued or running."""
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=WAIT_MS)


def choose_data(combo: QComboBox, value: object) -> None:
    """Pick the entry holding *value*, as a click in the drop-down would (activated included)."""
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def answer_yes_to_next_question(attempts: int = 500) -> None:
    """Press Yes on the next modal question box once it shows (the real QMessageBox)."""

    def poll(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            button = box.button(QMessageBox.StandardButton.Yes)
            assert button is not None
            button.click()
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(attempts))


def create_vault_on_first_run(qtbot: QtBot, window: MainWindow, passphrase: str) -> bool:
    """First run → Create → passphrase twice → recovery code → caseload; False if the pages
    no longer have the widgets this driver knows (the caller then starts from a made vault)."""
    first = window.current_page()
    if not isinstance(first, FirstRunPage) or not hasattr(first, "create_button"):
        return False
    first.create_button.click()
    create = window.current_page()
    if not isinstance(create, CreateVaultPage) or not all(
        hasattr(create, name) for name in ("passphrase", "confirm", "create_button")
    ):
        return False
    create.passphrase.setText(passphrase)
    create.confirm.setText(passphrase)
    qtbot.waitUntil(create.create_button.isEnabled, timeout=WAIT_MS)  # the meter has judged it
    create.create_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_page(), RecoveryCodePage), timeout=30_000)
    code_page = window.current_page()
    assert isinstance(code_page, RecoveryCodePage)
    if not all(hasattr(code_page, name) for name in ("written", "continue_button")):
        return False
    code = code_page.code.text().strip()
    assert code, "the recovery code is shown"
    code_page.written.setChecked(True)
    code_page.continue_button.click()
    if hasattr(code_page, "tail") and hasattr(code_page, "finish_button"):
        code_page.tail.setText("-".join(code.split("-")[-2:]))  # what was written down
        code_page.finish_button.click()
    qtbot.waitUntil(lambda: window.caseload is not None, timeout=WAIT_MS)
    course = window.actions_.course
    qtbot.waitUntil(lambda: isinstance(course.dialog, ProfileDialog), timeout=WAIT_MS)
    assert course.dialog is not None
    course.dialog.reject()  # "Later": the clinician profile is asked once, never required
    return True


def open_new_client_dialog(qtbot: QtBot, window: MainWindow) -> NewClientDialog:
    """Ctrl+N is the New client shortcut; trigger it and return the dialog it opens."""
    assert window.new_client_action.shortcut().toString() == "Ctrl+N"
    assert window.new_client_action.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(NewClientDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def add_client(
    qtbot: QtBot, window: MainWindow, given: str, family: str, start: QDate, sessions: int = 12
) -> None:
    """Fill the New client dialog (WMK, *sessions* weekly) and wait for the workspace."""
    dialog = open_new_client_dialog(qtbot, window)
    dialog.given.setText(given)
    dialog.family.setText(family)
    choose_data(dialog.profile, "WMK")
    dialog.sessions.setValue(sessions)
    choose_data(dialog.frequency, "weekly")
    dialog.start.setDate(start)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert save is not None
    save.click()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT_MS)
    idle(qtbot, window)


def show_page(qtbot: QtBot, window: MainWindow, kind: type[Page]) -> Page:
    """Click the workspace tab of *kind* and wait until its data has loaded."""
    workspace = window.workspace
    assert workspace is not None
    index = next(i for i, p in enumerate(workspace.pages) if isinstance(p, kind))
    workspace.setCurrentIndex(index)
    idle(qtbot, window)
    page = workspace.pages[index]
    assert isinstance(page, kind)
    return page


def drag_person(editor: CircleEditor, person_id: int, to: QPointF) -> None:
    """Drag a person's dot with the mouse to the scene point *to* and let go."""
    viewport = editor.viewport()
    start = editor.mapFromScene(editor.dot(person_id).pos())
    end = editor.mapFromScene(to)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * (step / 10))
    QTest.mouseRelease(viewport, left, none, end)


def wait_for(qtbot: QtBot, window: MainWindow, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=WAIT_MS)
    idle(qtbot, window)
