"""The one window: swaps pages (first run, unlock, create, caseload) and owns lock and auto-lock."""

from __future__ import annotations

import contextlib
import gc
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ui.dialogs.about import about_box
from ui.dialogs.backup_dialog import BackupFlow
from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.new_client import NewClientDialog
from ui.dialogs.preferences import PreferencesDialog
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.dialogs.restore_backup import RestoreBackupPage
from ui.dialogs.unlock import UnlockPage
from ui.idle import IDLE_LOCK_MS, IdleWatcher
from ui.practice.launch import open_practice
from ui.settings import AppSettings
from ui.tasks import TaskRunner
from ui.views.caseload import CaseloadPage
from ui.views.first_run import FirstRunPage
from ui.views.held_drafts import HeldDrafts, Outcome, hold, save_held
from ui.views.window_actions import make_action
from ui.views.workspace_view import ClientWorkspace
from ui.widgets.page import BusyPage
from ui.widgets.progress import SlowWorkIndicator
from ui.workspace.session_drafts import UnsavedDraft
from ui.workspace.sessions_page import SessionsPage
from workbench.demo.quickstart import DEMO_PASSPHRASE, ensure_demo_vault
from workbench.errors import WorkbenchError
from workbench.paths import default_vault, demo_vault
from workbench.protocol import PhaseStatus
from workbench.services import episodes, status
from workbench.store.vault import SUFFIX, Vault, vault_path

APP_TITLE = "IPT Workbench"


def window_title(folder: Path | None, locked: bool) -> str:
    """The app name and the vault folder's name only: never anything from inside the vault."""
    if folder is None:
        return APP_TITLE
    name = folder.name.removesuffix(SUFFIX)
    if locked:
        return QCoreApplication.translate("MainWindow", "{0} — {1} (locked)").format(
            APP_TITLE, name
        )
    return QCoreApplication.translate("MainWindow", "{0} — {1}").format(APP_TITLE, name)


class MainWindow(QMainWindow):
    """Holds at most one open vault; locking closes it and destroys every page that showed it."""

    def __init__(
        self,
        runner: TaskRunner,
        *,
        idle_ms: int = IDLE_LOCK_MS,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__()
        self._runner = runner
        self.settings = settings or AppSettings()
        self._split: QSplitter | None = None
        self._preferences: PreferencesDialog | None = None
        self._about: QMessageBox | None = None
        self._vault: Vault | None = None
        self._folder: Path | None = None
        self._caseload: CaseloadPage | None = None
        self._export: ExportDialog | None = None
        self._new_client: NewClientDialog | None = None
        self._workspace: ClientWorkspace | None = None
        self._right: QStackedWidget | None = None
        self._return_to: tuple[int, int] | None = None  # (client, tab) to reopen after unlock
        self._held: list[HeldDrafts] = []  # drafts a lock could not save: sealed bytes only
        self.setWindowTitle(APP_TITLE)
        self.resize(1100, 720)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)

        self.lock_action = make_action(
            self, self.tr("&Lock"), self.lock, shortcut="Ctrl+L", enabled=False,
            tip=self.tr("Lock the vault now (Ctrl+L)"),
        )  # fmt: skip
        self.export_action = make_action(
            self, self.tr("&Export PDF…"), self.show_export, shortcut="Ctrl+E", enabled=False,
            tip=self.tr("Export a report on the selected client as a PDF (Ctrl+E)"),
        )  # fmt: skip
        self.new_client_action = make_action(
            self, self.tr("&New client…"), self.show_new_client, shortcut="Ctrl+N", enabled=False,
            tip=self.tr("Add a client and their first course of IPT (Ctrl+N)"),
        )  # fmt: skip
        self._build_more_actions()
        vault_menu = self.menuBar().addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.backup_action)
        vault_menu.addAction(self.preferences_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.lock_action)
        client_menu = self.menuBar().addMenu(self.tr("&Client"))
        client_menu.addAction(self.find_action)
        client_menu.addAction(self.new_client_action)
        client_menu.addAction(self.new_session_action)
        client_menu.addAction(self.export_action)
        self.practice_action = make_action(
            self, self.tr("&Practise formulation (fictional cases)…"), open_practice,
            tip=self.tr("Practice mode: fictional cases, no vault used"),
        )  # fmt: skip
        self.menuBar().addMenu(self.tr("P&ractice")).addAction(self.practice_action)
        self.menuBar().addMenu(self.tr("&Help")).addAction(self.about_action)
        toolbar = self.addToolBar(self.tr("Vault"))
        toolbar.setObjectName("vaultToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.lock_action)
        toolbar.addAction(self.new_client_action)
        toolbar.addAction(self.export_action)

        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Clients shown"))
        self.episode_label = QLabel(self)
        self.episode_label.setAccessibleName(self.tr("Where the open course stands"))
        self.episode_label.setContentsMargins(12, 0, 12, 0)
        self.progress = SlowWorkIndicator(runner, self)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.episode_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.backup = BackupFlow(runner, self)
        self.backup.finished.connect(lambda _ok, text: self.statusBar().showMessage(text, 8000))
        self.backup.running_changed.connect(self._backup_running)
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)

    def _build_more_actions(self) -> None:
        self.backup_action = make_action(
            self, self.tr("&Back up…"), self.start_backup, shortcut="Ctrl+B", enabled=False,
            tip=self.tr("Write a verified, encrypted one-file backup of the vault (Ctrl+B)"),
        )  # fmt: skip
        self.preferences_action = make_action(
            self, self.tr("&Preferences…"), self.show_preferences, shortcut="Ctrl+,",
            tip=self.tr("Idle minutes before the vault locks itself"),
            role=QAction.MenuRole.PreferencesRole,
        )  # fmt: skip
        self.find_action = make_action(
            self, self.tr("&Find client"), self.find_client, shortcut="Ctrl+F", enabled=False,
            tip=self.tr("Filter the caseload by name or code (Ctrl+F)"),
        )  # fmt: skip
        self.new_session_action = make_action(
            self, self.tr("New &session"), self.new_session, shortcut="Ctrl+Shift+N",
            tip=self.tr("Record a session for the open client and start its note (Ctrl+Shift+N)"),
            enabled=False,
        )  # fmt: skip
        self.about_action = make_action(
            self, self.tr("&About IPT Workbench"), self.show_about,
            role=QAction.MenuRole.AboutRole,
        )  # fmt: skip

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

    @property
    def workspace(self) -> ClientWorkspace | None:
        return self._workspace

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
        page.restore_requested.connect(lambda: self.show_restore(vault_path(default_vault())))
        page.show_message(message)
        self._set_folder(None, locked=True)
        self._show_page(page)

    def open_demo(self) -> None:
        """Create the demo vault if it is missing (off the UI thread), then ask to unlock it."""
        folder = vault_path(demo_vault())
        self._show_page(
            BusyPage(
                self.tr("Preparing the demo vault"),
                self.tr("Setting up a caseload of invented clients…"),
            )
        )
        self._runner.submit(
            partial(ensure_demo_vault, folder),
            lambda _created: self.show_unlock(folder),
            lambda error: self.show_first_run(error.user_message),
        )

    def show_unlock(self, folder: Path, notice: str = "") -> None:
        folder = vault_path(folder)
        is_demo = folder.absolute() == vault_path(demo_vault()).absolute()
        page = UnlockPage(
            folder, self._runner, demo_passphrase=DEMO_PASSPHRASE if is_demo else None
        )
        page.unlocked.connect(self.enter_vault)
        page.restore_requested.connect(partial(self.show_restore, folder))
        page.show_notice(notice)
        self._set_folder(folder, locked=True)
        self._show_page(page)

    def show_restore(self, folder: Path) -> None:
        page = RestoreBackupPage(folder, self._runner)
        page.restored.connect(partial(self.show_unlock, folder))
        page.cancelled.connect(
            lambda: self.show_unlock(folder) if folder.exists() else self.show_first_run()
        )
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
        page.selection_changed.connect(self._client_selected)
        page.add_client_action(self.export_action)
        self._caseload = page
        self._right = QStackedWidget()
        self._right.addWidget(
            QLabel(
                self.tr("Select a client to open their workspace."),
                alignment=Qt.AlignmentFlag.AlignCenter,
            )
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("caseloadSplitter")
        split.addWidget(page)
        split.addWidget(self._right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([420, 860])
        self.settings.restore_splitter(split)
        split.splitterMoved.connect(lambda _pos, _index: self.settings.save_splitter(split))
        self._split = split
        self._show_page(split)
        self.lock_action.setEnabled(True)
        self.new_client_action.setEnabled(True)
        self.backup_action.setEnabled(not self.backup.running)
        self.find_action.setEnabled(True)
        self._save_held(vault)  # queued first: saved before any page loads its drafts
        page.start()
        self.idle.arm()
        self._resume()

    def _save_held(self, vault: Vault) -> None:
        """Save the drafts held since a lock of this vault; others' stay held, untouched."""
        for held in self._held:
            if held.belongs_to(vault):
                self._runner.submit(
                    partial(save_held, vault, held),
                    partial(self._held_saved, held),
                    lambda error: self.statusBar().showMessage(error.user_message, 0),
                    on_discard=partial(self._held_saved, held),
                )
        if any(not held.belongs_to(vault) for held in self._held):
            self.statusBar().showMessage(
                self.tr(
                    "Text typed before an earlier lock of another vault is still held, "
                    "encrypted; it is saved when that vault is unlocked."
                ),
                15_000,
            )

    def _held_saved(self, held: HeldDrafts, outcome: Outcome) -> None:
        if held not in self._held:
            return
        index = self._held.index(held)
        if outcome.left is None:
            del self._held[index]
            if self._vault is not None:
                saved = self.tr("Text typed before the lock was saved.")
                self.statusBar().showMessage(saved, 15_000)
            return
        self._held[index] = outcome.left
        reason = outcome.error.user_message if outcome.error is not None else ""
        if self._vault is not None:
            self.statusBar().showMessage(
                self.tr(
                    "Text typed before the lock is still not saved; it is kept encrypted and "
                    "saved at your next unlock. {0}"
                ).format(reason),
                0,
            )

    def _client_selected(self, has_client: bool) -> None:
        client = self._caseload.selected_client() if self._caseload is not None else None
        if not has_client or client is None or self._vault is None:
            return
        if self._workspace is not None and self._workspace.client_id == client.id:
            return
        vault = self._vault
        self._runner.submit(
            lambda: episodes.current_episode(vault, client.id),
            lambda episode: self._open_workspace(client.id, episode.id),
            lambda error: self.statusBar().showMessage(error.user_message, 8000),
        )

    def _open_workspace(self, client_id: int, episode_id: int, tab: int = 0) -> None:
        if self._vault is None or self._right is None:
            return
        if self._workspace is not None and self._workspace.client_id != client_id:
            self._workspace.flush()
            if self._workspace.unsaved():  # e.g. a full disk: the text stays on screen
                self.statusBar().showMessage(
                    self.tr(
                        "What you typed for this client could not be saved yet, so their "
                        "workspace stays open. Free some disk space, then choose the other "
                        "client again."
                    ),
                    20_000,
                )
                return
        self._drop_workspace()
        workspace = ClientWorkspace(self._vault, self._runner, client_id, episode_id)
        workspace.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        for page in workspace.pages:
            page.changed.connect(self._refresh_episode_status)
        self._right.addWidget(workspace)
        self._right.setCurrentWidget(workspace)
        self._workspace = workspace
        self.new_session_action.setEnabled(True)
        if tab:
            workspace.setCurrentIndex(tab)
        self._refresh_episode_status()

    def _refresh_episode_status(self) -> None:
        """The status line 'session N of M · phase' for the open client's course."""
        workspace, vault = self._workspace, self._vault
        if workspace is None or vault is None:
            return
        episode_id = workspace.episode_id
        self._runner.submit(
            lambda: status.episode_status(vault, episode_id),
            partial(self._show_episode_status, workspace),
            lambda _error: self.episode_label.clear(),
        )

    def _show_episode_status(self, workspace: ClientWorkspace, phase: PhaseStatus) -> None:
        if workspace is self._workspace:
            self.episode_label.setText(
                self.tr("{0} · {1}").format(phase.session_label, phase.phase_label)
            )

    def _drop_workspace(self) -> list[UnsavedDraft]:
        """Save drafts, forget the data and destroy the open workspace (the worker is idle);
        returns the drafts that could not be saved."""
        if self._workspace is None:
            return []
        workspace, self._workspace = self._workspace, None
        self.new_session_action.setEnabled(False)
        self.episode_label.clear()
        try:
            workspace.flush()
        finally:
            unsaved = workspace.unsaved()
            workspace.clear()
            workspace.deleteLater()
        return unsaved

    def show_new_client(self) -> None:
        if self._vault is None or self._new_client is not None:
            return
        dialog = NewClientDialog(self._vault, self._runner, self)
        dialog.addAction(self.lock_action)
        dialog.created.connect(self._client_created)
        dialog.finished.connect(lambda _: setattr(self, "_new_client", None))
        self._new_client = dialog
        dialog.open()

    def _client_created(self, client_id: int) -> None:
        if self._caseload is not None:
            self._caseload.clients.refresh()
        vault = self._vault
        if vault is not None:
            self._runner.submit(
                lambda: episodes.current_episode(vault, client_id),
                lambda episode: self._open_workspace(client_id, episode.id),
                lambda error: self.statusBar().showMessage(error.user_message, 8000),
            )

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

    # ----- desktop actions -------------------------------------------------------------------

    def find_client(self) -> None:
        """Ctrl+F: the caseload's name/code filter, focused with its text selected."""
        if self._caseload is not None:
            self._caseload.focus_search()

    def new_session(self) -> None:
        """Ctrl+Shift+N: open the client's Sessions page and record a session with a draft."""
        workspace = self._workspace
        if workspace is None:
            return
        for index, page in enumerate(workspace.pages):
            if isinstance(page, SessionsPage):
                workspace.setCurrentIndex(index)
                page.new_session()
                return

    def start_backup(self) -> None:
        if self._vault is not None:
            self.backup.start(self._vault)

    def _backup_running(self, running: bool) -> None:
        self.backup_action.setEnabled(not running and self._vault is not None)

    def show_preferences(self) -> None:
        if self._preferences is not None:
            self._preferences.raise_()
            return
        dialog = PreferencesDialog(self.settings, self)
        dialog.addAction(self.lock_action)
        dialog.idle_minutes_changed.connect(self.set_idle_minutes)
        dialog.finished.connect(lambda _: setattr(self, "_preferences", None))
        self._preferences = dialog
        dialog.open()

    @property
    def preferences_dialog(self) -> PreferencesDialog | None:
        return self._preferences

    def set_idle_minutes(self, minutes: int) -> None:
        """Applied at once: a running countdown starts again from the new delay."""
        self.idle.set_timeout(minutes * 60_000)

    def show_about(self) -> None:
        if self._about is None:
            self._about = about_box(self)
            self._about.finished.connect(lambda _: setattr(self, "_about", None))
        self._about.open()

    @property
    def about_dialog(self) -> QMessageBox | None:
        return self._about

    def lock(self) -> None:
        """Save drafts, close the vault, wipe the pages that showed its data, ask to unlock."""
        folder = self._close_vault()
        if folder is not None:
            self.show_unlock(folder)

    def _resume(self) -> None:
        """After unlocking, reopen the client and page that were open at the lock."""
        if self._return_to is None:
            return
        client_id, tab = self._return_to
        self._return_to = None
        vault = self._vault
        if vault is not None:
            self._runner.submit(
                lambda: episodes.current_episode(vault, client_id),
                lambda episode: self._open_workspace(client_id, episode.id, tab),
                lambda _error: None,
            )

    def _close_vault(self) -> Path | None:
        self.idle.disarm()
        self._runner.cancel_all()  # no query may still be running on the connection
        if self._workspace is not None:  # remembered in memory only, never in settings
            self._return_to = (self._workspace.client_id, self._workspace.currentIndex())
        unsaved: list[UnsavedDraft] = []
        with contextlib.suppress(WorkbenchError):
            unsaved = self._drop_workspace()  # drafts are saved before the connection closes
        self._right = None
        if self._split is not None:
            self.settings.save_splitter(self._split)
            self._split = None
        self.progress.reset()
        self.backup.forget()
        self.backup_action.setEnabled(False)
        self.find_action.setEnabled(False)
        if self._new_client is not None:
            self._new_client.discard()
            self._new_client = None
        self.lock_action.setEnabled(False)
        self.new_client_action.setEnabled(False)
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
        if unsaved:  # sealed while the key is still there; the plain text goes with `unsaved`
            with contextlib.suppress(WorkbenchError):
                self._held.append(hold(vault, unsaved))
            del unsaved
        with contextlib.suppress(WorkbenchError):  # close() wipes the key whatever happens
            vault.close()
        gc.collect()
        return vault.folder

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self)  # layout only: geometry, toolbar state, splitter sizes
        folder = self._close_vault()
        if self._held and not self._quit_losing_held():
            event.ignore()  # unlocking saves the held text (once the disk has room again)
            if folder is not None:
                self.show_unlock(folder)
            return
        self._held.clear()
        event.accept()

    def _quit_losing_held(self) -> bool:
        """Ask before quitting with held drafts: they exist only in this window's memory."""
        answer = QMessageBox.question(
            self,
            self.tr("Quit without the unsaved text?"),
            self.tr(
                "Some text typed before the lock could not be saved (for example because the "
                "disk is full). It is kept encrypted in this window's memory only.\n\n"
                "Quit anyway and lose it? Choose No to keep the app open, free some space and "
                "unlock the vault: the text is then saved."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
