"""Restore page: choose a backup file, see what it is, type ITS passphrase, swap it in safely."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.tasks import TaskRunner
from ui.widgets.page import CardPage, wrapped_label
from workbench.errors import WorkbenchError, WrongPassphrase
from workbench.services.vault_access import BackupSummary, describe_backup
from workbench.services.vaults import restore_backup

CONTEXT = "RestoreBackupPage"
TITLE = QT_TRANSLATE_NOOP("RestoreBackupPage", "Restore from a backup")
CHECKING = QT_TRANSLATE_NOOP("RestoreBackupPage", "Checking the backup file…")
RESTORING = QT_TRANSLATE_NOOP(
    "RestoreBackupPage",
    "Restoring… checking the backup and its passphrase, then putting it in place.",
)
NO_FILE = QT_TRANSLATE_NOOP("RestoreBackupPage", "Choose a backup file first.")
NOT_THIS_BACKUP = QT_TRANSLATE_NOOP(
    "RestoreBackupPage",
    "That is not the passphrase of this backup. Type the passphrase the vault had when the "
    "backup was made, or use the backup's recovery code.",
)
EMPTY_ENTRY = QT_TRANSLATE_NOOP(
    "RestoreBackupPage", "Type the backup's passphrase or recovery code first."
)


class RestoreBackupPage(CardPage):
    """Emits `restored(notice)` once the backup is in place, or `cancelled()`."""

    restored = Signal(str)
    cancelled = Signal()

    def __init__(self, folder: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(translate(CONTEXT, TITLE), "", parent)
        self._folder = folder
        self._runner = runner
        self._busy = False
        self._summary: BackupSummary | None = None
        self.body.addWidget(
            wrapped_label(
                self.tr(
                    "The backup will replace the vault “{0}”. The current vault is not deleted: "
                    "it is moved aside to a folder beside it, so you can go back to it."
                ).format(folder.name),
                self.card,
            )
        )
        self.choose_button = QPushButton(self.tr("&Choose backup file…"), self.card)
        self.choose_button.setAccessibleName(self.tr("Choose a backup file"))
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.summary = wrapped_label("", self.card)
        self.summary.setObjectName("backupSummary")
        self.summary.setAccessibleDescription(self.tr("About the chosen backup"))
        self.summary.setStyleSheet("padding: 6px; border: 1px solid palette(mid);")
        self.summary.hide()
        self.body.addWidget(self.summary)

        self.secret_help = wrapped_label(
            self.tr(
                "Type the passphrase the vault had when this backup was made; it may differ "
                "from the one you use today."
            ),
            self.card,
        )
        self.body.addWidget(self.secret_help)
        self.secret = QLineEdit(self.card)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        prompt = self.tr("Passphrase of the backup")
        self.secret.setPlaceholderText(prompt)
        self.secret.setAccessibleName(prompt)
        self.secret.returnPressed.connect(self.submit)
        self.secret.textChanged.connect(self._update_state)
        self.body.addWidget(self.secret)
        self.use_code = QCheckBox(self.tr("Use the backup's recovery code instead"), self.card)
        self.use_code.setAccessibleName(self.tr("Use the backup's recovery code instead"))
        self.use_code.toggled.connect(self._code_toggled)
        self.body.addWidget(self.use_code)

        self.back_button = QPushButton(self.tr("Back"), self.card)
        self.back_button.setAccessibleName(self.tr("Back to unlocking"))
        self.back_button.clicked.connect(self.cancelled)
        self.restore_button = QPushButton(self.tr("Restore"), self.card)
        self.restore_button.setAccessibleName(self.tr("Restore this backup"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        self.body.addLayout(row)
        self.finish_layout()
        self.setFocusProxy(self.choose_button)
        self._update_state()

    def _code_toggled(self, use_code: bool) -> None:
        self.secret.clear()
        prompt = (
            self.tr("Recovery code of the backup")
            if use_code
            else self.tr("Passphrase of the backup")
        )
        self.secret.setPlaceholderText(prompt)
        self.secret.setAccessibleName(prompt)
        self.secret.setFocus()

    def _update_state(self, *_: object) -> None:
        ready = self._summary is not None and bool(self.secret.text())
        self.restore_button.setEnabled(ready and not self._busy)
        for widget in (self.secret, self.use_code):
            widget.setEnabled(self._summary is not None and not self._busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.set_busy(busy, text)
        self.choose_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self._update_state()

    # ----- choosing and checking the file ----------------------------------------------------

    def choose_file(self) -> None:
        if self._busy or self._runner.busy:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup file"),
            str(self._folder.parent),
            self.tr("IPT Workbench backups (*.iptbackup);;All files (*)"),
        )
        if not path:
            return
        self._summary = None
        self.summary.hide()
        self._set_busy(True, translate(CONTEXT, CHECKING))
        self._runner.submit(partial(describe_backup, Path(path)), self._described, self._refused)

    def _described(self, summary: BackupSummary) -> None:
        self._summary = summary
        self._set_busy(False)
        self.summary.setText(self._summary_text(summary))
        self.summary.show()
        self.secret.setFocus()

    def _refused(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        self.show_message(error.user_message)
        self.choose_button.setFocus()

    def _summary_text(self, summary: BackupSummary) -> str:
        lines = [self.tr("Backup file: {0}").format(summary.path.name)]
        made = QDateTime.fromString(summary.created_at, Qt.DateFormat.ISODate)
        if made.isValid():
            local, locale = made.toLocalTime(), QLocale()
            day = locale.toString(local.date(), QLocale.FormatType.LongFormat)
            hour = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
            lines.append(self.tr("Made on {0} at {1}.").format(day, hour))
        if summary.clients is not None:
            lines.append(
                self.tr("It holds 1 client.")
                if summary.clients == 1
                else self.tr("It holds {0} clients.").format(QLocale().toString(summary.clients))
            )
        lines.append(self.tr("The file is complete and undamaged."))
        return "\n".join(lines)

    # ----- restoring -------------------------------------------------------------------------

    def submit(self) -> None:
        """Restore off the UI thread; the field is cleared straight away."""
        if self._busy or self._runner.busy:
            return
        if self._summary is None:
            self.show_message(translate(CONTEXT, NO_FILE))
            return
        text = self.secret.text()
        self.secret.clear()
        if not text:
            self.show_message(translate(CONTEXT, EMPTY_ENTRY))
            return
        if self.use_code.isChecked():
            work = partial(restore_backup, self._summary.path, self._folder, recovery_code=text)
        else:
            work = partial(restore_backup, self._summary.path, self._folder, text)
        del text
        self._set_busy(True, translate(CONTEXT, RESTORING))
        self._runner.submit(work, self._done, self._failed)

    def _done(self, aside: Path | None) -> None:
        self._set_busy(False)
        how = (
            self.tr("the backup's recovery code")
            if self.use_code.isChecked()
            else self.tr("the backup's passphrase")
        )
        if aside is None:
            notice = self.tr("The backup was restored. Unlock it with {0}.").format(how)
        else:
            notice = self.tr(
                "The backup was restored. The vault you had before was moved aside, unchanged, "
                "to “{0}” in the same folder. Unlock the restored vault with {1}."
            ).format(aside.name, how)
        self.restored.emit(notice)

    def _failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        if isinstance(error, WrongPassphrase):
            self.show_message(translate(CONTEXT, NOT_THIS_BACKUP))
        else:
            self.show_message(error.user_message)
        self.secret.setFocus()
