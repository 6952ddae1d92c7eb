"""Create-vault page: passphrase twice, strength checked by the core, created off the UI thread."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.tasks import TaskRunner
from ui.widgets.page import CardPage, wrapped_label
from workbench.errors import WorkbenchError
from workbench.store.vault import Vault

INTRO = (
    "Your caseload is kept in an encrypted vault on this computer. Choose a passphrase of "
    "several unrelated words (at least 12 characters). Nobody can open the vault without it "
    "or the recovery code you will see next."
)
CREATING = "Creating the vault… protecting the key takes a few seconds."
MISMATCH = "The two passphrases do not match. Type them again."


def _close_created(result: object) -> None:
    if isinstance(result, tuple) and result and isinstance(result[0], Vault):
        result[0].close()


class CreateVaultPage(CardPage):
    """Emits `created(Vault, recovery_code)` or `cancelled()`."""

    created = Signal(object, str)
    cancelled = Signal()

    def __init__(self, folder: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("Create a new vault", INTRO, parent)
        self._folder = folder
        self._runner = runner
        self.body.addWidget(wrapped_label(f"It will be created at {folder}", self.card))

        self.passphrase = self._secret_field("New passphrase")
        self.confirm = self._secret_field("Type it again")
        form = QFormLayout()
        form.addRow("Passphrase", self.passphrase)
        form.addRow("Confirm", self.confirm)
        self.body.addLayout(form)
        self.confirm.returnPressed.connect(self.submit)

        self.back_button = QPushButton("Back", self.card)
        self.back_button.clicked.connect(self.cancelled)
        self.create_button = QPushButton("Create vault", self.card)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        self.body.addLayout(row)
        self.finish_layout()
        self.setFocusProxy(self.passphrase)

    def _secret_field(self, prompt: str) -> QLineEdit:
        field = QLineEdit(self.card)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(prompt)
        field.setAccessibleName(prompt)
        return field

    def submit(self) -> None:
        if self._runner.busy:
            return
        first, second = self.passphrase.text(), self.confirm.text()
        self.passphrase.clear()
        self.confirm.clear()
        if first != second:
            self.show_message(MISMATCH)
            self.passphrase.setFocus()
            return
        work = partial(Vault.create, self._folder, first)
        del first, second
        self._set_busy(True)
        self._runner.submit(work, self._done, self._failed, on_discard=_close_created)

    def _set_busy(self, busy: bool) -> None:
        self.set_busy(busy, CREATING)
        for widget in (self.passphrase, self.confirm, self.back_button, self.create_button):
            widget.setEnabled(not busy)

    def _done(self, result: tuple[Vault, str]) -> None:
        self._set_busy(False)
        vault, code = result
        self.created.emit(vault, code)

    def _failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        self.show_message(error.user_message)
        self.passphrase.setFocus()
