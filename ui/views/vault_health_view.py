"""The open vault's health in the window: rollback and damage banners, backup age and reminder."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.dialogs.delete_client_dialog import DeleteClientDialog
from ui.session import VaultSession
from ui.widgets.page import wrapped_label
from workbench.errors import VaultReadOnly, WorkbenchError
from workbench.services import vault_health
from workbench.services.vaults import Vault

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow
    from ui.views.vault_view import VaultView

Clock = Callable[[], datetime]


def other_warnings(vault: Vault) -> list[str]:
    """The vault's warnings that the health banners do not already show (location, disk)."""
    shown = {VaultReadOnly.message, vault.stale_warning, vault.audit_warning}
    return [warning for warning in vault.warnings if warning not in shown]


class HealthBanner(QFrame):
    """A plain coloured strip: a message and its buttons, above the caseload."""

    def __init__(self, name: str, colours: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        background, border = colours
        self.setStyleSheet(
            f"#{name} {{ background: {background}; border: 1px solid {border}; }}"
            " QLabel { color: #1f1f1f; }"
        )
        column = QVBoxLayout(self)
        self.text = wrapped_label("", self)
        column.addWidget(self.text)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        column.addLayout(self.buttons)
        self.hide()

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.addWidget(button)
        return button


class VaultHealthMonitor(QObject):
    """For each unlock: shows rollback and damage, checks the whole file in the background,
    keeps the backup age in the status line, reminds once about an old backup, deletes clients.
    """

    def __init__(self, window: MainWindow, clock: Clock | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self._session: VaultSession | None = None
        self._view: VaultView | None = None
        self.freshness: HealthBanner | None = None
        self.damage: HealthBanner | None = None
        self.reminder: HealthBanner | None = None
        self.delete_dialog: DeleteClientDialog | None = None
        self.checked = False  # the full integrity check of this unlock has finished
        self.backup_label = QLabel(window)
        self.backup_label.setContentsMargins(12, 0, 12, 0)
        window.statusBar().addPermanentWidget(self.backup_label)
        window.backup.finished.connect(lambda _ok, _text: self._show_backup_age())
        window.statusBar().messageChanged.connect(lambda _text: self._notice_read_only())

    # ----- one unlock ------------------------------------------------------------------------

    def watch(self, session: VaultSession, view: VaultView) -> None:
        """Called once the caseload has been asked for: banners, then the full check queued."""
        self._session, self._view, self.checked = session, view, False
        layout = view.caseload.layout()
        assert isinstance(layout, QVBoxLayout)
        self.freshness = HealthBanner("freshnessBanner", ("#fff4ce", "#c19c00"))
        self.keep_button = self.freshness.add_button(
            self.tr("I understand — keep this vault as it is"), self.acknowledge
        )
        self.damage = HealthBanner("damageBanner", ("#fde7e9", "#a4262c"))
        self.restore_button = self.damage.add_button(
            self.tr("Lock and restore from a backup…"), self.restore
        )
        self.reminder = HealthBanner("backupReminder", ("#e8f1fb", "#0f5499"))
        self.back_up_button = self.reminder.add_button(self.tr("Back up now"), self._back_up_now)
        self.reminder.add_button(self.tr("Not now"), self.reminder.hide)
        banners = (self.damage, self.freshness, self.reminder)
        for index, banner in enumerate(banners):
            layout.insertWidget(index, banner)
        # Tab reaches the banners' buttons just before the caseload's tabs, filter and table
        # (never between the table and the chart).
        caseload = view.caseload
        chain: list[QWidget] = [b for x in banners for b in x.findChildren(QPushButton)]
        chain += [caseload.tabs.tabBar(), caseload.clients.search, caseload.clients.table]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        view.caseload.add_client_action(self._window.actions_.delete_client_action)
        view.caseload.selection_changed.connect(lambda _has: self.update_actions())
        view.client_opened.connect(lambda _open: self.update_actions())
        self._show_freshness(session.vault)
        self._notice_read_only()
        # The serial database worker runs it: the SQLCipher connection is not thread-safe, so
        # the check must never run beside another query. It is queued after the caseload query.
        session.op(
            vault_health.run_full_check,
            lambda _report: self._checked(),
            on_error=lambda error: self._checked(error),
            description=self.tr("Checking the vault for damage…"),
        )
        self._show_backup_age()
        self.update_actions()

    def forget(self) -> None:
        """The vault is locking: drop what was shown (the banners go with the caseload)."""
        if self.delete_dialog is not None:
            self.delete_dialog.discard()
        self._session = self._view = None
        self.freshness = self.damage = self.reminder = self.delete_dialog = None
        self.backup_label.clear()
        self.update_actions()

    @property
    def read_only(self) -> bool:
        session = self._session
        return session is not None and session.is_open and session.vault.read_only

    # ----- rollback and the audit log --------------------------------------------------------

    def _show_freshness(self, vault: Vault) -> None:
        notice = vault_health.freshness_notice(vault)
        if notice is None or self.freshness is None:
            return
        if notice.kind == vault_health.ROLLBACK:
            text = self.tr(
                "This vault is older than the one IPT Workbench saw last time: changes made "
                "since then may be missing. A sync service, a copied file or a folder put back "
                "from elsewhere can cause this. Check the most recent notes. If something is "
                "gone, lock the vault and restore your latest backup; if all is as expected, "
                "keep the vault as it is."
            )
        else:
            text = self.tr(
                "The vault's log of who changed what is shorter than, or different from, the "
                "one IPT Workbench saw last time: entries were removed or rewritten. If you did "
                "not expect this, lock the vault and restore a backup; otherwise keep the vault "
                "as it is."
            )
        self.freshness.text.setText(text)
        self.freshness.show()

    def acknowledge(self) -> None:
        """Accept the vault as it is now: recorded in its audit log, then the banner goes."""
        session = self._session
        if session is None or self.freshness is None:
            return
        session.op(
            vault_health.acknowledge_freshness,
            lambda _none: self.freshness.hide() if self.freshness is not None else None,
            on_error=self._report,
        )

    # ----- damage ----------------------------------------------------------------------------

    def _checked(self, error: WorkbenchError | None = None) -> None:
        self.checked = True
        if error is not None:
            self._report(error)
        if not self._notice_read_only():
            self._remind_if_due()

    def _notice_read_only(self) -> bool:
        """Show the damage banner and disable editing once the vault is read-only."""
        if not self.read_only or self.damage is None:
            return False
        if shiboken6.isValid(self.damage) and self.damage.isHidden():
            self.damage.text.setText(
                self.tr(
                    "This vault is damaged, so it is open read-only: nothing can be added or "
                    "changed, and nothing more is written to the damaged file. What can still "
                    "be read stays on screen; export what you need (Client › Export PDF…). "
                    "Then get a working vault back: lock it and choose “Restore from a "
                    "backup…” on the unlock page."
                )
            )
            self.damage.show()
            if self.reminder is not None:
                self.reminder.hide()
            self.update_actions()
        return True

    def restore(self) -> None:
        """The way out: lock, then the restore page for this vault's folder."""
        session = self._session
        if session is None:
            return
        folder = session.vault.folder
        self._window.lock()
        self._window.show_restore(folder)

    def update_actions(self) -> None:
        """No adding or deleting clients or sessions in a read-only vault."""
        acts = self._window.actions_
        view = self._view
        open_ = self._session is not None and view is not None
        writable = open_ and not self.read_only
        client = view.client_for_actions()[0] if view is not None else None
        acts.delete_client_action.setEnabled(writable and client is not None)
        if open_ and not writable:
            acts.new_client_action.setEnabled(False)
            acts.new_session_action.setEnabled(False)

    # ----- backups ---------------------------------------------------------------------------

    def _show_backup_age(self) -> None:
        session = self._session
        if session is None:
            return
        now = self.clock()
        session.op(
            lambda vault: vault_health.last_verified_backup_age(vault, now),
            self._age_read,
            on_error=lambda _error: self.backup_label.clear(),
        )

    def _age_read(self, age: timedelta | None) -> None:
        if self._session is None:
            return
        self.backup_label.setText(describe_backup_age(age))

    def _remind_if_due(self) -> None:
        session = self._session
        if session is None:
            return
        now, days = self.clock(), self._window.settings.backup_reminder_days()
        session.op(
            lambda vault: (
                vault_health.backup_reminder_due(vault, now, days),
                vault_health.last_verified_backup_age(vault, now),
            ),
            self._remind,
            on_error=lambda _error: None,  # the status line still shows the age
        )

    def _remind(self, due_and_age: tuple[bool, timedelta | None]) -> None:
        due, age = due_and_age
        if not due or self.reminder is None or self.read_only:
            return
        if age is None:
            text = self.tr("This vault has never been backed up. Make a backup now?")
        else:
            text = self.tr(
                "The last verified backup of this vault is {0} old. Make a new backup now?"
            ).format(describe_days(age))
        self.reminder.text.setText(text)
        self.reminder.show()

    def _back_up_now(self) -> None:
        if self.reminder is not None:
            self.reminder.hide()
        self._window.start_backup()

    # ----- deleting a client -----------------------------------------------------------------

    def delete_client(self) -> None:
        """Client › Delete client…: the selected (or open) client, confirmed by typing its code."""
        view, session = self._view, self._session
        if view is None or session is None or self.delete_dialog is not None:
            return
        client_id, label = view.client_for_actions()
        if client_id is None:
            return
        if self.read_only:
            self._window.say(VaultReadOnly().user_message)
            return
        dialog = DeleteClientDialog(session, client_id, label, self._window)
        dialog.addAction(self._window.actions_.lock_action)
        dialog.about_to_delete.connect(self._close_chart_of)
        dialog.deleted.connect(lambda _id: self._window.say(self.tr("The client was deleted.")))
        dialog.finished.connect(lambda _result: setattr(self, "delete_dialog", None))
        self.delete_dialog = dialog
        dialog.open()

    def _close_chart_of(self, client_id: int) -> None:
        """Save and close the chart of the client about to be deleted (the worker is idle)."""
        view = self._view
        if (
            view is not None
            and view.workspace is not None
            and view.workspace.client_id == client_id
        ):
            view.drop_workspace()

    def _report(self, error: WorkbenchError) -> None:
        self._window.say(error.user_message, 20_000)
        self._notice_read_only()


def describe_days(age: timedelta) -> str:
    days = age.days
    if days == 0:
        return QCoreApplication.translate("VaultHealthMonitor", "less than a day")
    if days == 1:
        return QCoreApplication.translate("VaultHealthMonitor", "1 day")
    return QCoreApplication.translate("VaultHealthMonitor", "{0} days").format(days)


def describe_backup_age(age: timedelta | None) -> str:
    """The status line's words: "Last verified backup: 3 days ago" or "No backup yet"."""
    if age is None:
        return QCoreApplication.translate("VaultHealthMonitor", "No backup yet")
    if age.days == 0:
        return QCoreApplication.translate(
            "VaultHealthMonitor", "Last verified backup: less than a day ago"
        )
    if age.days == 1:
        return QCoreApplication.translate("VaultHealthMonitor", "Last verified backup: 1 day ago")
    return QCoreApplication.translate(
        "VaultHealthMonitor", "Last verified backup: {0} days ago"
    ).format(age.days)
