"""The unlock page: passphrase or recovery code, checked off the UI thread."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.tasks import TaskRunner
from ui.widgets.page import CardPage, wrapped_label
from workbench.errors import WorkbenchError
from workbench.store.vault import Vault

PASSPHRASE_PROMPT = "Passphrase"  # noqa: S105 (a label, not a secret)
CODE_PROMPT = "Recovery code (the word groups you wrote down)"
EMPTY_ENTRY = "Type the passphrase or recovery code first."
UNLOCKING = "Unlocking… checking the passphrase takes a second or two."


def _close_vault(vault: object) -> None:
    if isinstance(vault, Vault):
        vault.close()


class UnlockPage(CardPage):
    """Emits `unlocked(Vault)`; errors stay on the page as the core's plain sentences."""

    unlocked = Signal(object)

    def __init__(
        self,
        folder: Path,
        runner: TaskRunner,
        *,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Unlock the vault", f"Vault: {folder.name}", parent)
        self._folder = folder
        self._runner = runner
        self.fill_button: QPushButton | None = None

        self.secret = QLineEdit(self.card)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(PASSPHRASE_PROMPT)
        self.secret.setAccessibleName(PASSPHRASE_PROMPT)
        self.secret.returnPressed.connect(self.submit)
        self.body.addWidget(self.secret)

        self.use_code = QCheckBox("Use recovery code instead", self.card)
        self.use_code.toggled.connect(self._code_toggled)
        self.unlock_button = QPushButton("Unlock", self.card)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.use_code)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        self.body.addLayout(row)

        if demo_passphrase is not None:
            self._add_demo_hint(demo_passphrase)
        self.finish_layout()
        self.setFocusProxy(self.secret)

    def _add_demo_hint(self, passphrase: str) -> None:
        hint = wrapped_label(
            "This is the demo vault: every client in it is invented. "
            f"Its passphrase is: “{passphrase}”",
            self.card,
        )
        hint.setObjectName("demoHint")
        self.body.addWidget(hint)
        self.fill_button = QPushButton("Fill in the demo passphrase", self.card)
        self.fill_button.clicked.connect(lambda: self.secret.setText(passphrase))
        self.body.addWidget(self.fill_button)

    def _code_toggled(self, use_code: bool) -> None:
        prompt = CODE_PROMPT if use_code else PASSPHRASE_PROMPT
        self.secret.clear()
        self.secret.setPlaceholderText(prompt)
        self.secret.setAccessibleName(prompt)
        self.secret.setFocus()

    def submit(self) -> None:
        """Start unlocking with what was typed; the field is cleared straight away."""
        if self._runner.busy:
            return
        text = self.secret.text()
        self.secret.clear()
        if not text:
            self.show_message(EMPTY_ENTRY)
            return
        if self.use_code.isChecked():
            work = partial(Vault.unlock, self._folder, recovery_code=text)
        else:
            work = partial(Vault.unlock, self._folder, text)
        del text
        self._set_busy(True)
        self._runner.submit(work, self._done, self._failed, on_discard=_close_vault)

    def _set_busy(self, busy: bool) -> None:
        self.set_busy(busy, UNLOCKING)
        for widget in (self.secret, self.use_code, self.unlock_button, self.fill_button):
            if widget is not None:
                widget.setEnabled(not busy)

    def _done(self, vault: object) -> None:
        self._set_busy(False)
        self.unlocked.emit(vault)

    def _failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        self.show_message(error.user_message)
        self.secret.setFocus()
