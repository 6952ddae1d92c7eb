"""Create-vault page: passphrase twice with a live strength meter, created off the UI thread."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.tasks import TaskRunner
from ui.widgets.page import CardPage, wrapped_label
from ui.widgets.strength_meter import DEBOUNCE_MS, StrengthMeter
from workbench.errors import WorkbenchError
from workbench.services.vaults import Vault, location_warning

CONTEXT = "CreateVaultPage"
TITLE = QT_TRANSLATE_NOOP("CreateVaultPage", "Create a new vault")
INTRO = QT_TRANSLATE_NOOP(
    "CreateVaultPage",
    "Your caseload is kept in an encrypted vault on this computer. Choose a passphrase of "
    "several unrelated words (at least 12 characters). Nobody can open the vault without it "
    "or the recovery code you will see next.",
)
CREATING = QT_TRANSLATE_NOOP(
    "CreateVaultPage", "Creating the vault… protecting the key takes a few seconds."
)
MISMATCH = QT_TRANSLATE_NOOP(
    "CreateVaultPage", "The two passphrases do not match. Type them again."
)


def _close_created(result: object) -> None:
    if isinstance(result, tuple) and result and isinstance(result[0], Vault):
        result[0].close()


class CreateVaultPage(CardPage):
    """Emits `created(Vault, recovery_code)` or `cancelled()`."""

    created = Signal(object, str)
    cancelled = Signal()

    def __init__(
        self,
        folder: Path,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(translate(CONTEXT, TITLE), translate(CONTEXT, INTRO), parent)
        self._folder = folder
        self._runner = runner
        self._busy = False
        where = wrapped_label(self.tr("It will be created at {0}").format(folder), self.card)
        where.setObjectName("vaultLocation")
        self.body.addWidget(where)
        self.location_warning = self._location_warning(folder)

        self.passphrase = self._secret_field(self.tr("New passphrase"))
        self.confirm = self._secret_field(self.tr("Type it again"))
        self.meter = StrengthMeter(self.card, debounce_ms=debounce_ms)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow("", self.meter)  # under the field it judges
        form.addRow(self.tr("C&onfirm"), self.confirm)
        self.body.addLayout(form)
        self.match_hint = wrapped_label(self.tr("The two passphrases do not match yet."), self.card)
        self.match_hint.setObjectName("matchHint")
        self.match_hint.hide()
        self.body.addWidget(self.match_hint)

        self.passphrase.textChanged.connect(self.meter.set_passphrase)
        self.passphrase.textChanged.connect(self._update_state)
        self.confirm.textChanged.connect(self._update_state)
        self.meter.evaluated.connect(self._update_state)
        self.confirm.returnPressed.connect(self.submit)

        self.back_button = QPushButton(self.tr("Back"), self.card)
        self.back_button.setAccessibleName(self.tr("Back to the welcome page"))
        self.back_button.clicked.connect(self.cancelled)
        self.create_button = QPushButton(self.tr("Create vault"), self.card)
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        self.body.addLayout(row)
        self.finish_layout()
        self.setFocusProxy(self.passphrase)
        self._update_state()

    def _location_warning(self, folder: Path) -> str | None:
        """Say so before creating when the folder is a cloud-sync folder or a network share."""
        warning = location_warning(folder)
        if warning is None:
            return None
        label = wrapped_label(self.tr("Check the location first. {0}").format(warning), self.card)
        label.setObjectName("locationWarning")
        label.setAccessibleDescription(self.tr("Location warning"))
        label.setStyleSheet(
            "font-weight: bold; padding: 8px; border: 2px solid palette(highlight);"
            " border-radius: 3px;"
        )
        self.body.addWidget(label)
        return warning

    def _secret_field(self, prompt: str) -> QLineEdit:
        field = QLineEdit(self.card)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(prompt)
        field.setAccessibleName(prompt)
        field.setMinimumWidth(280)
        return field

    def _update_state(self, *_: object) -> None:
        """Create only when the meter accepts the passphrase and both fields match."""
        first, second = self.passphrase.text(), self.confirm.text()
        self.match_hint.setVisible(bool(second) and first != second)
        verdict = self.meter.verdict
        ready = verdict is not None and verdict.acceptable and first == second
        self.create_button.setEnabled(ready and not self._busy)

    def submit(self) -> None:
        """Create the vault; the core checks the strength again and has the last word."""
        if self._runner.busy or self._busy:
            return
        first, second = self.passphrase.text(), self.confirm.text()
        self.passphrase.clear()
        self.confirm.clear()
        if first != second:
            self.show_message(translate(CONTEXT, MISMATCH))
            self.passphrase.setFocus()
            return
        work = partial(Vault.create, self._folder, first)
        del first, second
        self._set_busy(True)
        self._runner.submit(work, self._done, self._failed, on_discard=_close_created)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.set_busy(busy, translate(CONTEXT, CREATING))
        for widget in (self.passphrase, self.confirm, self.back_button):
            widget.setEnabled(not busy)
        self._update_state()

    def _done(self, result: tuple[Vault, str]) -> None:
        self._set_busy(False)
        vault, code = result
        self.created.emit(vault, code)

    def _failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        self.show_message(error.user_message)
        self.passphrase.setFocus()
