"""Deleting a client for good: the clinician types the client's code to confirm."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.session import CLIENTS, VaultSession
from ui.widgets.page import wrapped_label
from workbench.errors import WorkbenchError
from workbench.services import erasure


class DeleteClientDialog(QDialog):
    """Window-modal; `about_to_delete(id)` lets the window close the chart first, `deleted(id)`
    follows the erasure (the caseload reloads on the CLIENTS change)."""

    about_to_delete = Signal(int)
    deleted = Signal(int)

    def __init__(
        self, session: VaultSession, client_id: int, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session: VaultSession | None = session
        self._client_id = client_id
        self._code = ""
        self._deleting = False
        self.setWindowTitle(self.tr("Delete client"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.intro = wrapped_label(
            self.tr(
                "Delete {0} and everything recorded about them from this vault: sessions, "
                "notes, measures, risk notes and plans. This cannot be undone."
            ).format(label or self.tr("this client")),
            self,
        )
        self.backups_note = wrapped_label(
            self.tr(
                "Backups made before now still hold this client until those backup files are "
                "deleted."
            ),
            self,
        )
        self.prompt = QLabel(self.tr("Reading the client's code…"), self)
        self.prompt.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("The client's code, typed to confirm"))
        self.code.setEnabled(False)
        self.prompt.setBuddy(self.code)
        self.message = wrapped_label("", self)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.delete_button = QPushButton(self.tr("Delete for good"), self)
        self.delete_button.setEnabled(False)
        self.delete_button.setAutoDefault(False)  # Enter in the field never deletes by itself
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        self.code.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.backups_note, self.prompt, self.code, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        session.op(
            lambda vault: erasure.confirmation_code(vault, client_id),
            self._code_read,
            origin=self,
            on_error=self._failed,
        )

    def _code_read(self, code: str) -> None:
        self._code = code
        self.prompt.setText(self.tr("To confirm, type the client's code, {0}:").format(code))
        self.code.setEnabled(True)
        self.code.setFocus()

    def _typed(self, text: str) -> None:
        matches = bool(self._code) and text.strip().upper() == self._code.upper()
        self.delete_button.setEnabled(matches and not self._deleting)

    def delete(self) -> None:
        session = self._session
        if session is None or self._deleting or not self.delete_button.isEnabled():
            return
        self._deleting = True
        self.delete_button.setEnabled(False)
        self.code.setEnabled(False)
        client_id, typed = self._client_id, self.code.text()
        self.about_to_delete.emit(client_id)
        session.op(
            lambda vault: erasure.delete_client(vault, client_id, typed),
            self._deleted,
            changes={CLIENTS},
            origin=self,
            on_error=self._failed,
            description=self.tr("Deleting the client and wiping their text…"),
        )

    def _deleted(self, _none: object) -> None:
        self.deleted.emit(self._client_id)
        self.accept()

    def _failed(self, error: WorkbenchError) -> None:
        self._deleting = False
        self.message.setText(error.user_message)
        self.message.show()
        self.code.setEnabled(bool(self._code))
        self._typed(self.code.text())

    def discard(self) -> None:
        """The vault is locking: forget the code and close without deleting."""
        if self._session is not None:
            self._session.release(self)
        self._session = None
        self._code = ""
        self.code.clear()
        self.prompt.clear()
        self.reject()
