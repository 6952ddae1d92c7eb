"""The main window's actions, menus and toolbar, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.practice.launch import open_practice
from ui.views.course_actions import CourseActions

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    *,
    shortcut: str = "",
    tip: str = "",
    enabled: bool = True,
    role: QAction.MenuRole | None = None,
) -> QAction:
    """An action with its (already translated) text, shortcut and status tip, wired to *slot*."""
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    if role is not None:
        action.setMenuRole(role)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: slot())
    return action


class WindowActions(QObject):
    """Every menu and toolbar action of *window*; `set_unlocked` enables the vault's ones."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = w = window
        self.new_vault_action = make_action(
            w, self.tr("&New vault…"), w.new_vault,
            tip=self.tr("Create a vault of your own in a folder you choose"),
        )  # fmt: skip
        self.open_vault_action = make_action(
            w, self.tr("&Open vault…"), w.open_vault, shortcut="Ctrl+O",
            tip=self.tr("Open another vault (Ctrl+O); the open one is locked first"),
        )  # fmt: skip
        self.lock_action = make_action(
            w, self.tr("&Lock"), w.lock, shortcut="Ctrl+L", enabled=False,
            tip=self.tr("Lock the vault now (Ctrl+L)"),
        )  # fmt: skip
        self.export_action = make_action(
            w, self.tr("&Export PDF…"), w.show_export, shortcut="Ctrl+E", enabled=False,
            tip=self.tr("Export a report on the open client as a PDF (Ctrl+E)"),
        )  # fmt: skip
        self.new_client_action = make_action(
            w, self.tr("&New client…"), w.show_new_client, shortcut="Ctrl+N", enabled=False,
            tip=self.tr("Add a client and their first course of IPT (Ctrl+N)"),
        )  # fmt: skip
        self.backup_action = make_action(
            w, self.tr("&Back up…"), w.start_backup, shortcut="Ctrl+B", enabled=False,
            tip=self.tr("Write a verified, encrypted one-file backup of the vault (Ctrl+B)"),
        )  # fmt: skip
        self.preferences_action = make_action(
            w, self.tr("&Preferences…"), w.show_preferences, shortcut="Ctrl+,",
            tip=self.tr("Idle minutes before the vault locks itself"),
            role=QAction.MenuRole.PreferencesRole,
        )  # fmt: skip
        self.find_action = make_action(
            w, self.tr("&Find client"), w.find_client, shortcut="Ctrl+F", enabled=False,
            tip=self.tr("Filter the caseload by name or code (Ctrl+F)"),
        )  # fmt: skip
        self.new_session_action = make_action(
            w, self.tr("New &session"), w.new_session, shortcut="Ctrl+Shift+N",
            tip=self.tr("Record a session for the open client and start its note (Ctrl+Shift+N)"),
            enabled=False,
        )  # fmt: skip
        self.about_action = make_action(
            w, self.tr("&About IPT Workbench"), w.show_about, role=QAction.MenuRole.AboutRole
        )
        self.practice_action = make_action(
            w, self.tr("&Practise formulation (fictional cases)…"), open_practice,
            tip=self.tr("Practice mode: fictional cases, no vault used"),
        )  # fmt: skip
        self.course = CourseActions(w)
        self._build_menus()

    def _build_menus(self) -> None:
        w = self._window
        vault_menu = w.menuBar().addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.new_vault_action)
        vault_menu.addAction(self.open_vault_action)
        self.recent_menu = vault_menu.addMenu(self.tr("Open &recent"))
        vault_menu.addSeparator()
        vault_menu.addAction(self.backup_action)
        vault_menu.addAction(self.preferences_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.lock_action)
        client_menu = w.menuBar().addMenu(self.tr("&Client"))
        for action in (
            self.find_action,
            self.new_client_action,
            self.new_session_action,
            self.export_action,
        ):
            client_menu.addAction(action)
        self.course.add_menu(w.menuBar().addMenu(self.tr("Co&urse")))
        w.menuBar().addMenu(self.tr("P&ractice")).addAction(self.practice_action)
        w.menuBar().addMenu(self.tr("&Help")).addAction(self.about_action)
        toolbar = w.addToolBar(self.tr("Vault"))
        toolbar.setObjectName("vaultToolbar")
        toolbar.setMovable(False)
        for action in (self.lock_action, self.new_client_action, self.export_action):
            toolbar.addAction(action)
        self.refresh_recent()

    def refresh_recent(self) -> None:
        """The Open recent submenu: vault folders by path (settings hold nothing else)."""
        self.recent_menu.clear()
        folders = [f for f in self._window.settings.recent_vaults() if f.exists()]
        for folder in folders:
            action = self.recent_menu.addAction(str(folder))
            action.triggered.connect(partial(self._window.open_vault, folder))
        self.recent_menu.setEnabled(bool(folders))

    def set_unlocked(self, unlocked: bool, *, backup_running: bool) -> None:
        for action in (self.lock_action, self.new_client_action, self.find_action):
            action.setEnabled(unlocked)
        self.course.set_enabled(unlocked)
        self.backup_action.setEnabled(unlocked and not backup_running)
        if not unlocked:
            if self.course.dialog is not None:
                self.course.dialog.discard()
            self.export_action.setEnabled(False)
            self.new_session_action.setEnabled(False)
