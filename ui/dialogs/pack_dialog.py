"""Supervision pack dialog: several clients' supervisor reports in one PDF, de-identified by
default, optional AES-256 password; the pack is built and written off the interface thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.export_dialog import DONE_STYLE, ERROR_STYLE, ask_save_path, default_folder
from ui.session import VaultSession
from ui.widgets.page import wrapped_label
from workbench.domain.caseload import ClientSummary
from workbench.errors import WorkbenchError
from workbench.reports.output import generated_password
from workbench.services import caseload

CLIENT_ROLE = Qt.ItemDataRole.UserRole


class PackDialog(QDialog):
    """Choose the cases, privacy, password and file; emits `exported(Path)` once written."""

    exported = Signal(object)

    def __init__(
        self, session: VaultSession, chosen: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervision pack"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        self.ask_save_path: Callable[[QWidget, str], str] = ask_save_path  # tests replace it
        self._session: VaultSession | None = session
        self._chosen = chosen
        self._busy = False
        self.saved: Path | None = None
        self._build()
        self._set_busy(True, self.tr("Loading the caseload…"))
        session.op(caseload.find_clients, self._loaded, on_error=self._failed, origin=self)

    def _build(self) -> None:
        self.inputs = QWidget(self)
        form = QFormLayout(self.inputs)
        form.setContentsMargins(0, 0, 0, 0)
        self.clients = QListWidget(self.inputs)
        self.clients.setAccessibleName(self.tr("Cases in the pack"))
        self.clients.setMinimumHeight(180)
        form.addRow(self.tr("Cases:"), self.clients)
        self.deidentify = QCheckBox(
            self.tr("De-identify (a pseudonym per case; pseudonymised, not anonymised)"),
            self.inputs,
        )
        self.deidentify.setChecked(True)
        form.addRow(self.tr("Privacy:"), self.deidentify)
        self.protect = QCheckBox(self.tr("Protect with a password (AES-256)"), self.inputs)
        self.password = QLineEdit(self.inputs)
        self.password.setAccessibleName(self.tr("PDF password"))
        self.password.setEnabled(False)
        self.protect.toggled.connect(self.password.setEnabled)
        self.generate_button = QPushButton(self.tr("Generate"), self.inputs)
        self.generate_button.clicked.connect(self._generate)
        row = QHBoxLayout()
        row.addWidget(self.password)
        row.addWidget(self.generate_button)
        column = QVBoxLayout()
        column.addWidget(self.protect)
        column.addLayout(row)
        form.addRow(self.tr("Password:"), column)
        self.path = QLineEdit(str(default_folder() / "supervision-pack.pdf"), self.inputs)
        self.path.setAccessibleName(self.tr("Save to"))
        choose = QPushButton(self.tr("Choose…"), self.inputs)
        choose.clicked.connect(self._choose)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(choose)
        form.addRow(self.tr("Save to:"), path_row)
        self.message = wrapped_label("", self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.saved_note = wrapped_label("", self)
        self.saved_note.setStyleSheet(DONE_STYLE)
        self.busy_text = wrapped_label("", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.build_button = self.buttons.addButton(
            self.tr("Build pack"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        for widget in (self.inputs, self.message, self.saved_note, self.busy_text, self.progress):
            box.addWidget(widget)
        box.addWidget(self.buttons)
        self.message.hide()
        self.saved_note.hide()

    def _generate(self) -> None:
        self.protect.setChecked(True)
        self.password.setText(generated_password())

    def _choose(self) -> None:
        if chosen := self.ask_save_path(self, self.path.text()):
            self.path.setText(chosen)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.inputs.setEnabled(not busy)
        self.build_button.setEnabled(not busy)
        self.busy_text.setText(text)
        self.busy_text.setVisible(busy)
        self.progress.setVisible(busy)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _loaded(self, clients: list[ClientSummary]) -> None:
        self._set_busy(False)
        for client in clients:
            item = QListWidgetItem(f"{client.code}  {client.display_name}", self.clients)
            item.setData(CLIENT_ROLE, client.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = client.id == self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.clients.setFocus()

    def chosen_ids(self) -> list[int]:
        items = (self.clients.item(i) for i in range(self.clients.count()))
        return [
            int(item.data(CLIENT_ROLE))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def start(self) -> None:
        """Check the inputs, then build and write the pack on the database worker."""
        if self._session is None or self._busy:
            return
        ids = self.chosen_ids()
        target = Path(self.path.text().strip()).expanduser()
        password = self.password.text() if self.protect.isChecked() else None
        if not ids:
            self.show_message(self.tr("Tick at least one case for the pack."))
            return
        if not target.is_absolute():
            self.show_message(self.tr("Enter the full path to save the PDF to, or use Choose…"))
            return
        if password == "":
            self.show_message(self.tr("Enter a password for the PDF, or press Generate."))
            return
        deidentify = self.deidentify.isChecked()
        # reportlab is imported on the first pack, not when the desktop app starts
        from workbench.services import pack

        self.show_message("")
        self._set_busy(True, self.tr("Building the pack of {0} cases…").format(len(ids)))
        # build_pack reads and renders case by case, so the whole pack runs as one operation
        self._session.op(
            lambda vault: pack.export_pack(
                vault, ids, target, password=password, deidentify=deidentify
            ),
            self._written,
            on_error=self._failed,
            origin=self,
            description=self.tr("Building the supervision pack"),
        )

    def _failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        self.show_message(error.user_message)

    def _written(self, path: Path) -> None:
        self._set_busy(False)
        self.inputs.setEnabled(False)
        self.saved = path
        text = self.tr("The pack was saved as:\n{0}").format(path)
        if self.protect.isChecked():
            text += "\n\n" + self.tr("Password: {0}").format(self.password.text())
            text += "\n" + self.tr("Send the password separately from the file.")
        self.saved_note.setText(text)
        self.saved_note.show()
        self.build_button.hide()
        self.exported.emit(path)

    def done(self, result: int) -> None:
        if self._busy:  # closing while the file is written would hide the result
            return
        if self._session is not None:
            self._session.release(self)
        super().done(result)

    def discard(self) -> None:
        """Wipe what names clients and close (the vault is locking)."""
        self._busy = False
        self._session = None
        self.clients.clear()
        self.password.setText("")
        self.saved_note.clear()
        super().done(QDialog.DialogCode.Rejected.value)
