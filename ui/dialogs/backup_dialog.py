"""Back up from the desktop: ask where (file dialog), copy and verify off the UI thread, report."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.tasks import TaskRunner
from workbench.errors import WorkbenchError
from workbench.services.vaults import Vault, make_backup

SUFFIX = ".iptbackup"


def default_backup_name(day: date) -> str:
    """A name with the date only: never a client's name or the vault's folder name."""
    return f"caseload-{day.isoformat()}{SUFFIX}"


def default_backup_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def ask_backup_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """The save dialog (the edge that tests replace); None when the clinician cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BackupFlow", "Back up the vault"),
        str(suggested),
        QCoreApplication.translate("BackupFlow", "IPT Workbench backups (*.iptbackup)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


@dataclass(frozen=True)
class BackupOutcome:
    path: Path
    size_bytes: int
    seconds: float


def timed_backup(vault: Vault, out: Path) -> BackupOutcome:
    """Runs on the worker: the core copies, verifies and audits the backup."""
    started = time.monotonic()
    result = make_backup(vault, out)
    return BackupOutcome(result.path, result.size_bytes, time.monotonic() - started)


def _size(outcome: BackupOutcome) -> str:
    return QLocale().formattedDataSize(
        outcome.size_bytes, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def describe_outcome(outcome: BackupOutcome) -> str:
    """The report shown when the backup is written: file, folder, size and time taken."""
    return QCoreApplication.translate(
        "BackupFlow",
        "The backup was written and verified.\n\nFile: {0}\nFolder: {1}\nSize: {2}, written "
        "and checked in {3} s.\n\nKeep it somewhere other than this computer; it opens with "
        "the vault's passphrase or recovery code.",
    ).format(
        outcome.path.name,
        str(outcome.path.parent),
        _size(outcome),
        QLocale().toString(outcome.seconds, "f", 1),
    )


def status_line(outcome: BackupOutcome) -> str:
    """One line for the status bar."""
    return QCoreApplication.translate(
        "BackupFlow", "Backup written and verified: {0} ({1})."
    ).format(outcome.path.name, _size(outcome))


class BackupFlow(QObject):
    """One backup at a time; `finished(ok, message)` carries the plain sentence shown."""

    finished = Signal(bool, str)
    running_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._window = parent
        self._job: int | None = None
        self.report: QMessageBox | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, vault: Vault, today: date | None = None) -> bool:
        """Ask where to write, then back up off the UI thread; False when not started."""
        if self.running:
            return False
        suggested = default_backup_folder() / default_backup_name(today or date.today())
        out = ask_backup_path(self._window, suggested)
        if out is None:
            return False
        cancel_asked: list[bool] = []  # per backup: set by Cancel, read when a late result comes
        self._job = self._runner.submit(
            partial(timed_backup, vault, out),
            self._done,
            self._failed,
            on_discard=partial(self._discarded, cancel_asked),
            description=self.tr("Backing up and verifying the vault…"),
            cancellable=True,
            on_cancel=partial(self._cancelled, cancel_asked),
        )
        self.running_changed.emit(True)
        return True

    def _ended(self) -> None:
        self._job = None
        self.running_changed.emit(False)

    def _done(self, outcome: BackupOutcome) -> None:
        self._ended()
        self._show(QMessageBox.Icon.Information, describe_outcome(outcome))
        self.finished.emit(True, status_line(outcome))

    def _failed(self, error: WorkbenchError) -> None:
        self._ended()
        self._show(QMessageBox.Icon.Warning, error.user_message)
        self.finished.emit(False, error.user_message)

    def _cancelled(self, cancel_asked: list[bool]) -> None:
        cancel_asked.append(True)
        self._ended()
        self.finished.emit(False, self.tr("Backup cancelled; no backup file was kept."))

    def _discarded(self, cancel_asked: list[bool], outcome: object) -> None:
        """Finished after Cancel: do not leave the file behind (a lock keeps it, unreported)."""
        if cancel_asked and isinstance(outcome, BackupOutcome):
            with contextlib.suppress(OSError):
                outcome.path.unlink()

    def forget(self) -> None:
        """On lock: the runner was cancelled as a whole; a late result is discarded there."""
        self._job = None
        if self.report is not None:
            self.report.close()
            self.report = None

    def _show(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(
            icon, self.tr("Back up"), text, QMessageBox.StandardButton.Ok, self._window
        )
        box.setAccessibleName(self.tr("Backup result"))
        box.finished.connect(lambda _: setattr(self, "report", None))
        self.report = box
        box.open()
