"""What the course dialogs share: a form, a message line, Save/Cancel, one audited operation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.session import VaultSession
from ui.widgets.date_fields import to_iso, vocab
from ui.workspace.note_editor import text_box
from workbench.errors import WorkbenchError
from workbench.services.vaults import Vault

ERROR_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"


def date_field(parent: QWidget, name: str, value: QDate | None = None) -> QDateEdit:
    field = QDateEdit(value or QDate.currentDate(), parent)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setAccessibleName(name)
    return field


def choice_field(parent: QWidget, name: str, values: Iterable[str]) -> QComboBox:
    """A drop-down of stored words, each shown translated and holding the word as its data."""
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(vocab(value), value)
    combo.setAccessibleName(name)
    return combo


def lines_of(box: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in box.toPlainText().splitlines() if line.strip())


class CourseDialog(QDialog):
    """Subclasses add rows to `form` and call `save(work, changes)` from `submit()`.

    The dialog stays open with the core's message when the operation is refused; it closes
    and emits `stored(value)` once the change is stored.
    """

    stored = Signal(object)

    def __init__(self, session: VaultSession, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # typed text never lingers
        self._session = session
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.notice = QLabel(self)  # advice that never blocks (e.g. the phase)
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Message"))
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def add_row(self, label: str, field: QWidget) -> None:
        if isinstance(field, QLabel):  # a screen reader reads a label by its name: the value
            field.setAccessibleName(field.text())
        else:
            field.setAccessibleName(field.accessibleName() or label)
        self.form.addRow(label, field)

    def add_text(self, label: str, lines: int = 3) -> QPlainTextEdit:
        box = text_box(self, label, lines)
        self.add_row(label, box)
        return box

    def advise(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def submit(self) -> None:
        """Collect the fields and call `save` (override)."""

    def save(self, work: Callable[[Vault], Any], changes: Iterable[str]) -> None:
        self.error.clear()
        self.error.hide()
        self.buttons.setEnabled(False)
        self._session.op(work, self._saved, changes=changes, on_error=self.refuse, origin=None)

    def refuse(self, error: WorkbenchError | str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error if isinstance(error, str) else error.user_message)
        self.error.show()
        self.adjustSize()  # the message gets its own room below the fields

    def _saved(self, value: object) -> None:
        self.stored.emit(value)
        self.accept()

    def discard(self) -> None:
        """Forget what was typed (the vault is locking)."""
        for box in self.findChildren(QPlainTextEdit):
            box.clear()
        self.reject()


def iso(field: QDateEdit) -> str:
    return to_iso(field.date())
