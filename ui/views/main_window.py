"""The one window: swaps pages (first run, unlock, create, caseload) and owns lock and auto-lock."""

from __future__ import annotations

import contextlib
import gc
from functools import partial
from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.dialogs.unlock import UnlockPage
from ui.idle import IDLE_LOCK_MS, IdleWatcher
from ui.tasks import TaskRunner
from ui.views.caseload import CaseloadPage
from ui.views.first_run import FirstRunPage
from ui.widgets.page import BusyPage
from workbench.demo.quickstart import DEMO_PASSPHRASE, ensure_demo_vault
from workbench.errors import WorkbenchError
from workbench.paths import default_vault, demo_vault
from workbench.store.vault import SUFFIX, Vault, vault_path

APP_TITLE = "IPT Workbench"


def window_title(folder: Path | None, locked: bool) -> str:
    """The app name and the vault folder's name only: never anything from inside the vault."""
    if folder is None:
        return APP_TITLE
    name = folder.name.removesuffix(SUFFIX)
    return f"{APP_TITLE} — {name}" + (" (locked)" if locked else "")


class MainWindow(QMainWindow):
    """Holds at most one open vault; locking closes it and destroys every page that showed it."""

    def __init__(self, runner: TaskRunner, *, idle_ms: int = IDLE_LOCK_MS) -> None:
        super().__init__()
        self._runner = runner
        self._vault: Vault | None = None
        self._folder: Path | None = None
        self._caseload: CaseloadPage | None = None
        self._export: ExportDialog | None = None
        self.setWindowTitle(APP_TITLE)
        self.resize(1100, 720)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)

        self.lock_action = QAction("&Lock", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setStatusTip("Lock the vault now (Ctrl+L)")
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(self.lock)
        self.export_action = QAction("&Export PDF…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip("Export a report on the selected client as a PDF (Ctrl+E)")
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self.show_export)
        self.menuBar().addMenu("&Vault").addAction(self.lock_action)
        self.menuBar().addMenu("&Client").addAction(self.export_action)
        toolbar = self.addToolBar("Vault")
        toolbar.setObjectName("vaultToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.lock_action)
        toolbar.addAction(self.export_action)

        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)

    # ----- state -----------------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        return self._vault

    @property
    def caseload(self) -> CaseloadPage | None:
        return self._caseload

    @property
    def export_dialog(self) -> ExportDialog | None:
        return self._export

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _show_page(self, page: QWidget) -> None:
        old = self.stack.currentWidget()
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.setFocus()
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def _set_folder(self, folder: Path | None, *, locked: bool) -> None:
        self._folder = folder
        self.setWindowTitle(window_title(folder, locked))

    # ----- pages while locked ----------------------------------------------------------------

    def show_first_run(self, message: str = "") -> None:
        page = FirstRunPage()
        page.demo_requested.connect(self.open_demo)
        page.create_requested.connect(self.show_create)
        page.show_message(message)
        self._set_folder(None, locked=True)
        self._show_page(page)

    def open_demo(self) -> None:
        """Create the demo vault if it is missing (off the UI thread), then ask to unlock it."""
        folder = vault_path(demo_vault())
        self._show_page(
            BusyPage("Preparing the demo vault", "Setting up a caseload of invented clients…")
        )
        self._runner.submit(
            partial(ensure_demo_vault, folder),
            lambda _created: self.show_unlock(folder),
            lambda error: self.show_first_run(error.user_message),
        )

    def show_unlock(self, folder: Path) -> None:
        folder = vault_path(folder)
        is_demo = folder.absolute() == vault_path(demo_vault()).absolute()
        page = UnlockPage(
            folder, self._runner, demo_passphrase=DEMO_PASSPHRASE if is_demo else None
        )
        page.unlocked.connect(self.enter_vault)
        self._set_folder(folder, locked=True)
        self._show_page(page)

    def show_create(self) -> None:
        folder = vault_path(default_vault())
        page = CreateVaultPage(folder, self._runner)
        page.created.connect(self._show_recovery_code)
        page.cancelled.connect(self.show_first_run)
        self._set_folder(None, locked=True)
        self._show_page(page)

    def _show_recovery_code(self, vault: Vault, code: str) -> None:
        self._vault = vault  # open from here on: closing the window closes it
        self._set_folder(vault.folder, locked=False)
        page = RecoveryCodePage(code)
        page.confirmed.connect(lambda: self.enter_vault(vault))
        self._show_page(page)

    # ----- unlocked --------------------------------------------------------------------------

    def enter_vault(self, vault: Vault) -> None:
        self._vault = vault
        self._set_folder(vault.folder, locked=False)
        page = CaseloadPage(vault, self._runner)
        page.status_changed.connect(self.count_label.setText)
        page.selection_changed.connect(self.export_action.setEnabled)
        page.add_client_action(self.export_action)
        self._caseload = page
        self._show_page(page)
        self.lock_action.setEnabled(True)
        page.start()
        self.idle.arm()

    def show_export(self) -> None:
        """Open the export dialog for the selected client (one at a time, window-modal)."""
        client = self._caseload.selected_client() if self._caseload is not None else None
        if self._vault is None or client is None or self._export is not None:
            return
        dialog = ExportDialog(self._vault, self._runner, client.id, client.code, self)
        dialog.addAction(self.lock_action)  # Ctrl+L still locks while the dialog has focus
        dialog.finished.connect(self._export_closed)
        self._export = dialog
        dialog.open()

    def _export_closed(self) -> None:
        self._export = None

    def lock(self) -> None:
        """Close the vault, wipe and destroy the pages that showed its data, ask to unlock."""
        folder = self._close_vault()
        if folder is not None:
            self.show_unlock(folder)

    def _close_vault(self) -> Path | None:
        self.idle.disarm()
        self._runner.cancel_all()  # no query may still be running on the connection
        self.lock_action.setEnabled(False)
        self.export_action.setEnabled(False)
        if self._export is not None:
            self._export.discard()  # wiped and closed before the vault is
            self._export = None
        self.count_label.clear()
        self.statusBar().clearMessage()
        if self._caseload is not None:
            self._caseload.clear()
            self._caseload = None
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard():
            clipboard.clear()
        vault, self._vault = self._vault, None
        if vault is None:
            return None
        with contextlib.suppress(WorkbenchError):  # close() wipes the key whatever happens
            vault.close()
        gc.collect()
        return vault.folder

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_vault()
        event.accept()
