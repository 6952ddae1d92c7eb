"""A scripted walk through the real window that counts what a user does (a typed field is 1)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot


class Walk:
    """Each step sends real input events and counts one action; `report()` prints the tally."""

    def __init__(self, qtbot: QtBot, name: str) -> None:
        self.qtbot, self.name = qtbot, name
        self.steps: list[str] = []

    @property
    def count(self) -> int:
        return len(self.steps)

    def click(self, widget: QAbstractButton, what: str) -> None:
        assert widget.isVisible() and widget.isEnabled(), what
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.steps.append(f"click {what}")

    def click_at(self, widget: QWidget, point: QPoint, what: str) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)
        self.steps.append(f"click {what}")

    def tab(self, tabs: QTabWidget, index: int, what: str) -> None:
        bar = tabs.tabBar()
        self.click_at(bar, bar.tabRect(index).center(), f"tab {what}")

    def type(self, widget: QWidget, text: str, what: str) -> None:
        """Focus the field and type *text* key by key (ASCII only: see stack-notes)."""
        assert text.isascii(), "qtbot.keyClicks aborts on non-ASCII text"
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        self.qtbot.keyClicks(widget, text)
        self.steps.append(f"type {what}")

    def key(self, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier, what: str) -> None:
        self.qtbot.keyClick(widget, key, modifiers)
        self.steps.append(f"key {what}")

    def yes_to_next_question(self, what: str) -> None:
        """The next question box is answered Yes with a click (counted as one action)."""

        def poll(left: int) -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and box.isVisible():
                button = box.button(QMessageBox.StandardButton.Yes)
                assert button is not None
                button.click()
            elif left:
                QTimer.singleShot(10, lambda: poll(left - 1))

        QTimer.singleShot(0, lambda: poll(500))
        self.steps.append(f"click Yes: {what}")

    def report(self, goal: int) -> str:
        line = f"walk '{self.name}': {self.count} actions (goal <= {goal})"
        print("\n" + line + "\n  " + "\n  ".join(self.steps))
        return line
