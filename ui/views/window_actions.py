"""The main window's actions, menus and toolbar, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.i18n import translate
from ui.practice.launch import open_practice
from ui.views.course_actions import CourseActions
from ui.views.supervision_menu import SupervisionMenu
from ui.widgets.announce import announce

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
        self.delete_client_action = make_action(
            w, self.tr("&Delete client…"), lambda: w.health.delete_client(), enabled=False,
            tip=self.tr("Erase the selected client from this vault (their code is asked for)"),
        )  # fmt: skip
        self.backup_action = make_action(
            w, self.tr("&Back up…"), w.start_backup, shortcut="Ctrl+B", enabled=False,
            tip=self.tr("Write a verified, encrypted one-file backup of the vault (Ctrl+B)"),
        )  # fmt: skip
        self.preferences_action = make_action(
            w, self.tr("&Preferences…"), w.show_preferences, shortcut="Ctrl+,",
            tip=self.tr("Idle minutes before the vault locks itself; the backup reminder"),
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
        self._status = w.statusBar()  # saves, results and errors reach a screen reader too
        self._status.messageChanged.connect(self._announce)

    def _announce(self, text: str) -> None:
        if shiboken6.isValid(self._status):  # not while the window is being destroyed
            announce(self._status, text)

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
        self.supervision = SupervisionMenu(w, client_menu)
        client_menu.addSeparator()
        client_menu.addAction(self.delete_client_action)
        self.course.add_menu(w.menuBar().addMenu(self.tr("Co&urse")))
        self._build_go_menu()
        w.menuBar().addMenu(self.tr("P&ractice")).addAction(self.practice_action)
        w.menuBar().addMenu(self.tr("&Help")).addAction(self.about_action)
        toolbar = w.addToolBar(self.tr("Vault"))
        toolbar.setObjectName("vaultToolbar")
        toolbar.setMovable(False)
        for action in (self.lock_action, self.new_client_action, self.export_action):
            toolbar.addAction(action)
        self.refresh_recent()

    def _build_go_menu(self) -> None:
        """Workspace tabs from anywhere in the window: Ctrl+Tab / Ctrl+PgDn, back, Alt+1…9."""
        w = self._window
        go_menu = w.menuBar().addMenu(self.tr("&Go"))
        self.next_tab_action = make_action(w, self.tr("&Next tab"), partial(self.step_tab, 1))
        self.next_tab_action.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        self.previous_tab_action = make_action(
            w, self.tr("&Previous tab"), partial(self.step_tab, -1)
        )
        self.previous_tab_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+PgUp")]
        )
        self.tab_actions: list[QAction] = []  # Alt+1…9: made at the first unlock (_add_tab_actions)
        self._go_menu = go_menu
        go_menu.addActions([self.next_tab_action, self.previous_tab_action])
        go_menu.addSeparator()
        for action in (self.next_tab_action, self.previous_tab_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setEnabled(False)  # with the vault; they do nothing until a chart is open

    def _add_tab_actions(self) -> None:
        """One action per workspace tab; the pages' module loads with the first vault, not at
        start-up (it is most of what the unlock window would wait for)."""
        from ui.views.workspace_view import PAGES

        w = self._window
        for index, page in enumerate(PAGES[:9]):
            title = translate("WorkspacePage", page.title)
            action = make_action(
                w, title, partial(self.show_tab, index), shortcut=f"Alt+{index + 1}",
                tip=self.tr("Show the {0} tab of the open chart (Alt+{1})").format(
                    title.replace("&", ""), index + 1
                ),
            )  # fmt: skip
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.tab_actions.append(action)
        self._go_menu.addActions(self.tab_actions)

    def show_tab(self, index: int) -> None:
        """Show tab *index* of the open chart and put the focus on its tab."""
        workspace = self._window.workspace
        if workspace is None:
            return
        workspace.setCurrentIndex(index)
        workspace.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step_tab(self, step: int) -> None:
        workspace = self._window.workspace
        if workspace is not None:
            self.show_tab((workspace.currentIndex() + step) % workspace.count())

    def refresh_recent(self) -> None:
        """The Open recent submenu: vault folders by path (settings hold nothing else)."""
        self.recent_menu.clear()
        folders = [f for f in self._window.settings.recent_vaults() if f.exists()]
        for folder in folders:
            action = self.recent_menu.addAction(str(folder))
            action.triggered.connect(partial(self._window.open_vault, folder))
        self.recent_menu.setEnabled(bool(folders))

    def set_unlocked(self, unlocked: bool, *, backup_running: bool) -> None:
        if unlocked and not self.tab_actions:
            self._add_tab_actions()
        for action in (self.lock_action, self.new_client_action, self.find_action):
            action.setEnabled(unlocked)
        for action in (self.next_tab_action, self.previous_tab_action, *self.tab_actions):
            action.setEnabled(unlocked)
        self.course.set_enabled(unlocked)
        self.backup_action.setEnabled(unlocked and not backup_running)
        self.supervision.set_unlocked(unlocked)
        if not unlocked:
            if self.course.dialog is not None:
                self.course.dialog.discard()
            self.export_action.setEnabled(False)
            self.new_session_action.setEnabled(False)
