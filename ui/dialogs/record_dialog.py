"""A small dialog that reads a client's record on open and saves one change through the
session (the base of the fidelity dialogs): busy state, error line, Save and Cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from ui.dialogs.export_dialog import ERROR_STYLE
from ui.session import VaultSession
from ui.widgets.page import wrapped_label
from workbench.errors import WorkbenchError
from workbench.services.vaults import Vault


class RecordDialog(QDialog):
    """Subclasses build rows into `self.form`, call `load(work)` and implement `loaded` and
    `save`; `saved` is emitted once a save succeeded, then the dialog closes."""

    saved = Signal()

    def __init__(self, session: VaultSession, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)  # never the client's name
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        self._session: VaultSession | None = session
        self._busy = False
        self.inputs = QWidget(self)
        self.form = QFormLayout(self.inputs)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.message = wrapped_label("", self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        save, cancel = QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(save | cancel, self)
        self.save_button = self.buttons.button(save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.inputs, 1)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        session.locking.connect(self.discard)

    def load(self, work: Callable[[Vault], Any]) -> None:
        if self._session is not None:
            self._set_busy(True)
            self._session.op(work, self._loaded, on_error=self.failed, origin=self)

    def _loaded(self, value: Any) -> None:
        self._set_busy(False)
        self.loaded(value)

    def loaded(self, value: Any) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def write(self, work: Callable[[Vault], Any], changes: Iterable[str]) -> None:
        """Save through the session; the dialog closes once the change is in the vault."""
        if self._session is None or self._busy:
            return
        self.show_message("")
        self._set_busy(True)
        self._session.op(work, self._written, changes=changes, on_error=self.failed, origin=self)

    def _written(self, _value: object) -> None:
        self._set_busy(False)
        self.saved.emit()
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.inputs.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        self.show_message(error.user_message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def done(self, result: int) -> None:
        if self._busy and self._session is not None:
            return  # closing while saving would hide the result
        if self._session is not None:
            self._session.locking.disconnect(self.discard)
            self._session.release(self)
            self._session = None
        super().done(result)

    def discard(self) -> None:
        """The vault is locking: close without saving (subclasses clear their fields first)."""
        self._busy = False
        self.clear_fields()
        self.done(QDialog.DialogCode.Rejected.value)

    def clear_fields(self) -> None:
        """Wipe every field that held client data."""
