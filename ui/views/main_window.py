"""The one window: routes between pages (first run, unlock, create, the vault) and owns the lock."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from ui.dialogs.about import about_box
from ui.dialogs.backup_dialog import BackupFlow
from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.new_client import NewClientDialog
from ui.dialogs.preferences import PreferencesDialog
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.dialogs.restore_backup import RestoreBackupPage
from ui.dialogs.unlock import UnlockPage
from ui.idle import IDLE_LOCK_MS, IdleWatcher
from ui.session import VaultSession
from ui.settings import AppSettings
from ui.tasks import TaskRunner
from ui.views.first_run import FirstRunPage
from ui.views.held_view import HeldDraftsKeeper
from ui.views.vault_health_view import VaultHealthMonitor
from ui.views.window_actions import WindowActions
from ui.widgets.page import BusyPage
from ui.widgets.progress import SlowWorkIndicator
from workbench.demo.quickstart import DEMO_PASSPHRASE, ensure_demo_vault
from workbench.paths import default_vault, demo_vault
from workbench.services.vaults import SUFFIX, Vault, vault_path

if TYPE_CHECKING:  # built once a vault is open: not imported before the unlock window shows
    from ui.dialogs.export_dialog import ExportDialog
    from ui.views.caseload import CaseloadPage
    from ui.views.vault_view import VaultView
    from ui.views.workspace_view import ClientWorkspace

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
    """Holds at most one open vault (a `VaultSession`); locking ends it and its views."""

    def __init__(
        self,
        runner: TaskRunner,
        *,
        idle_ms: int = IDLE_LOCK_MS,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__()
        self._runner = runner  # the serial database worker
        self._cpu = TaskRunner(self)  # PDF building and encryption, beside the database
        self.settings = settings or AppSettings()
        self.session: VaultSession | None = None
        self.view: VaultView | None = None
        self._preferences: PreferencesDialog | None = None
        self._about: QMessageBox | None = None
        self._export: ExportDialog | None = None
        self._new_client: NewClientDialog | None = None
        self._return_to: tuple[int, int] | None = None  # (client, tab) to reopen after unlock
        self.setWindowTitle(APP_TITLE)
        self.resize(1100, 720)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.actions_ = WindowActions(self)
        acts = self.actions_
        self.lock_action, self.export_action = acts.lock_action, acts.export_action
        self.new_client_action, self.new_session_action = (
            acts.new_client_action,
            acts.new_session_action,
        )
        self.backup_action, self.find_action = acts.backup_action, acts.find_action
        self.preferences_action, self.about_action = acts.preferences_action, acts.about_action
        self.practice_action = acts.practice_action
        self.new_vault_action, self.open_vault_action = (
            acts.new_vault_action,
            acts.open_vault_action,
        )
        self.count_label = QLabel(self)
        self.episode_label = QLabel(self)
        self.episode_label.setContentsMargins(12, 0, 12, 0)
        self.progress = SlowWorkIndicator(runner, self)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.episode_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.backup = BackupFlow(runner, self)
        self.backup.finished.connect(lambda _ok, text: self.say(text, 8000))
        self.backup.running_changed.connect(self._backup_running)
        self.held = HeldDraftsKeeper(runner, self.say, self)
        self.health = VaultHealthMonitor(self)  # banners, full check, backup age, deletion
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)

    # ----- state -----------------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        return self.session.vault if self.session is not None and self.session.is_open else None

    @property
    def caseload(self) -> CaseloadPage | None:
        return self.view.caseload if self.view is not None else None

    @property
    def workspace(self) -> ClientWorkspace | None:
        return self.view.workspace if self.view is not None else None

    @property
    def export_dialog(self) -> ExportDialog | None:
        return self._export

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def say(self, text: str, ms: int = 8000) -> None:
        self.statusBar().showMessage(text, ms)

    def _show_page(self, page: QWidget) -> None:
        old = self.stack.currentWidget()
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.setFocus()
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def _set_folder(self, folder: Path | None, *, locked: bool) -> None:
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

    def show_create(self, folder: Path | None = None) -> None:
        folder = vault_path(folder or default_vault())
        page = CreateVaultPage(folder, self._runner)
        page.created.connect(self._show_recovery_code)
        page.cancelled.connect(self.show_first_run)
        self._set_folder(None, locked=True)
        self._show_page(page)

    def _show_recovery_code(self, vault: Vault, code: str) -> None:
        self._start_session(vault)  # open from here on: closing the window closes it
        page = RecoveryCodePage(code)
        page.confirmed.connect(lambda: self.enter_vault(vault))
        page.confirmed.connect(self.actions_.course.ask_profile_if_missing)  # skippable
        self._show_page(page)

    # ----- the vault menu --------------------------------------------------------------------

    def new_vault(self) -> None:
        """Vault › New vault…: lock what is open, then the create page for a chosen folder."""
        title, kinds = self.tr("Create a new vault"), self.tr("Vaults (*.iptvault)")
        path = QFileDialog.getSaveFileName(self, title, str(default_vault()), kinds)[0]
        if path:
            self._close_vault()
            self.show_create(Path(path))

    def open_vault(self, folder: Path | None = None) -> None:
        """Vault › Open vault… (or a recent one): lock what is open, then ask to unlock *folder*."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Open a vault (a folder ending in .iptvault)"), str(default_vault())
            )
            if not chosen:
                return
            folder = Path(chosen)
        folder = vault_path(folder)
        if not (folder / "keyslots.json").exists():
            self.say(self.tr("That folder is not an IPT Workbench vault."))
            return
        self._close_vault()
        self.show_unlock(folder)

    # ----- unlocked --------------------------------------------------------------------------

    def _start_session(self, vault: Vault) -> VaultSession:
        if self.session is None or not self.session.is_open:
            self.session = VaultSession(vault, self._runner, self._cpu, self)
            self.session.message.connect(self.say)
        self._set_folder(vault.folder, locked=False)
        return self.session

    def enter_vault(self, vault: Vault) -> None:
        session = self._start_session(vault)
        self.settings.add_recent_vault(vault.folder)
        self.actions_.refresh_recent()
        from ui.views.vault_view import VaultView  # imported once a vault is open

        view = VaultView(session, self.settings)
        view.caseload.status_changed.connect(self.count_label.setText)
        view.caseload.selection_changed.connect(lambda _has: self._client_state())
        view.client_opened.connect(lambda _open: self._client_state())
        view.status_changed.connect(self.episode_label.setText)
        view.message.connect(lambda text: self.say(text, 20_000))
        view.caseload.add_client_action(self.export_action)
        self.view = view
        self._show_page(view)
        self.actions_.set_unlocked(True, backup_running=self.backup.running)
        self.held.save_into(vault)  # queued first: saved before any page loads its drafts
        view.caseload.start()
        self.health.watch(session, view)  # after the caseload query, on the same worker
        self.idle.arm()
        if self._return_to is not None:
            client_id, tab = self._return_to
            self._return_to = None
            view.open_client(client_id, tab)
        view.caseload.setFocus()

    def _client_state(self) -> None:
        view = self.view
        self.export_action.setEnabled(view is not None and view.client_for_actions()[0] is not None)
        self.new_session_action.setEnabled(view is not None and view.workspace is not None)

    def show_new_client(self) -> None:
        if self.session is None or self._new_client is not None:
            return
        dialog = NewClientDialog(self.session, self)
        dialog.addAction(self.lock_action)
        dialog.created.connect(self._client_created)
        dialog.finished.connect(lambda _: setattr(self, "_new_client", None))
        self._new_client = dialog
        dialog.open()

    def _client_created(self, client_id: int) -> None:
        if self.view is not None:
            self.view.open_client(client_id)

    def show_export(self) -> None:
        """Open the export dialog for the open (or selected) client, window-modal."""
        view, session = self.view, self.session
        if view is None or session is None or self._export is not None:
            return
        client_id, label = view.client_for_actions()
        if client_id is None:
            return
        from ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(session, client_id, label, self)
        dialog.addAction(self.lock_action)  # Ctrl+L still locks while it has focus
        dialog.finished.connect(lambda _: setattr(self, "_export", None))
        self._export = dialog
        dialog.open()

    # ----- desktop actions -------------------------------------------------------------------

    def find_client(self) -> None:
        """Ctrl+F: the caseload's name/code filter, focused with its text selected."""
        if self.caseload is not None:
            self.caseload.focus_search()

    def new_session(self) -> None:
        """Ctrl+Shift+N: open the client's Sessions page and record a session with a draft."""
        if self.view is not None:
            self.view.new_session()

    def start_backup(self) -> None:
        if self.vault is not None:
            self.backup.start(self.vault)

    def _backup_running(self, running: bool) -> None:
        self.backup_action.setEnabled(not running and self.vault is not None)

    def show_preferences(self) -> None:
        if self._preferences is not None:
            self._preferences.raise_()
            return
        dialog = PreferencesDialog(self.settings, self)
        dialog.addAction(self.lock_action)
        dialog.idle_minutes_changed.connect(self.set_idle_minutes)
        dialog.profile_button.setEnabled(self.vault is not None)
        dialog.profile_requested.connect(self.actions_.course.edit_profile)
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

    # ----- lock ------------------------------------------------------------------------------

    def lock(self) -> None:
        """Save drafts, close the vault, wipe the pages that showed its data, ask to unlock."""
        folder = self._close_vault()
        if folder is not None:
            self.show_unlock(folder)

    def _close_vault(self) -> Path | None:
        self.idle.disarm()
        session, view = self.session, self.view
        self.session = self.view = None
        if view is not None and view.workspace is not None:  # in memory only, never settings
            self._return_to = (view.workspace.client_id, view.workspace.currentIndex())
        self.progress.reset()
        self.health.forget()
        self.backup.forget()
        self.actions_.set_unlocked(False, backup_running=False)
        for dialog in (self._new_client, self._export):
            if dialog is not None:
                dialog.discard()  # wiped and closed before the vault is
        self._new_client = self._export = None
        self.count_label.clear()
        self.episode_label.clear()
        self.statusBar().clearMessage()
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard():
            clipboard.clear()
        if session is None:
            return None
        vault = session.close(view.clear if view is not None else list)
        if session.held is not None:
            self.held.keep(session.held)
        session.deleteLater()
        return vault.folder if vault is not None else None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self)  # layout only: geometry, toolbar state, splitter sizes
        folder = self._close_vault()
        if self.held.blobs and not self.held.quit_losing_them(self):
            event.ignore()  # unlocking saves the held text (once the disk has room again)
            if folder is not None:
                self.show_unlock(folder)
            return
        self.held.blobs.clear()
        event.accept()
