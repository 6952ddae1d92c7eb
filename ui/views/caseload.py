"""The caseload page: the client list with a name/code filter, and note search in a second tab."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ui.models.caseload_model import NAME_COLUMN, CaseloadModel
from ui.models.note_hits_model import NoteHitsModel
from ui.session import VaultSession
from ui.views.query_panel import QueryPanel
from ui.views.vault_health_view import other_warnings
from ui.widgets.page import wrapped_label
from workbench.domain.caseload import ClientSummary
from workbench.services import caseload as caseload_service

EXCERPT_COLUMN = 3
NAME_WIDTH = 124  # px: longer names are elided so phase, session, PHQ-9 and risk stay in view


def describe_clients(count: int, text: str) -> str:
    shown = QLocale().toString(count)
    if not text and not count:
        return QCoreApplication.translate(
            "CaseloadPage",
            "No clients yet. Add your first with Client › New client… (Ctrl+N).",
        )
    if not text:
        if count == 1:
            return QCoreApplication.translate("CaseloadPage", "{0} client").format(shown)
        return QCoreApplication.translate("CaseloadPage", "{0} clients").format(shown)
    if not count:
        return QCoreApplication.translate("CaseloadPage", "No clients match the filter")
    if count == 1:
        return QCoreApplication.translate("CaseloadPage", "{0} client match the filter").format(
            shown
        )
    return QCoreApplication.translate("CaseloadPage", "{0} clients match the filter").format(shown)


def describe_notes(count: int, text: str) -> str:
    if not text:
        return QCoreApplication.translate(
            "CaseloadPage", "Type words to search every session note."
        )
    if not count:
        return QCoreApplication.translate("CaseloadPage", "No notes contain all of these words.")
    shown = QLocale().toString(count)
    if count == 1:
        return QCoreApplication.translate(
            "CaseloadPage", "{0} note found (most recent first)"
        ).format(shown)
    return QCoreApplication.translate("CaseloadPage", "{0} notes found (most recent first)").format(
        shown
    )


class CaseloadPage(QWidget):
    """Shown while the vault is unlocked; `clear()` empties it before it is destroyed."""

    status_changed = Signal(str)
    selection_changed = Signal(bool)  # whether `selected_client()` has a client now
    open_requested = Signal(int)  # Enter (or a double click) on a client: go into their chart

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        vault = session.vault
        self.banner = self._warning_banner("\n\n".join(other_warnings(vault)))
        self.clients = QueryPanel(
            partial(caseload_service.find_clients, vault),
            session.db,
            CaseloadModel(),
            placeholder=self.tr("Filter clients by name or code"),
            describe=describe_clients,
            busy_text=self.tr("Searching the caseload…"),
            stretch_column=NAME_COLUMN,
            query_when_empty=True,
            count_inline=False,
            row_key=lambda client: client.id,
            widest=NAME_WIDTH,
        )  # the status bar shows the count
        self.notes = QueryPanel(
            partial(caseload_service.find_notes, vault),
            session.db,
            NoteHitsModel(),
            placeholder=self.tr("Search session notes (every word must appear)"),
            describe=describe_notes,
            busy_text=self.tr("Searching session notes…"),
            stretch_column=EXCERPT_COLUMN,
            query_when_empty=False,
        )
        self.clients.status_changed.connect(self.status_changed)
        self.empty_hint = wrapped_label("", self)
        self.empty_hint.hide()
        self.clients.status_changed.connect(self._show_empty_hint)
        self.notes.info.setText(describe_notes(0, ""))

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.clients, self.tr("Clients"))
        self.tabs.addTab(self.notes, self.tr("Search notes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.clients.search)
        bar = self.tabs.tabBar()
        bar.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        QWidget.setTabOrder(bar, self.clients.search)  # Shift+Tab from the filter: the tabs
        QWidget.setTabOrder(self.clients.search, self.clients.table)
        table = self.clients.table
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.clients.model.modelReset.connect(self._selection_changed)
        self.tabs.currentChanged.connect(self._selection_changed)
        table.activated.connect(self._activated)

    def _warning_banner(self, warning: str) -> QFrame:
        banner = QFrame(self)
        banner.setObjectName("staleBanner")
        banner.setStyleSheet(
            "#staleBanner { background: #fff4ce; border: 1px solid #c19c00; }"
            " QLabel { color: #1f1f1f; }"
        )
        row = QHBoxLayout(banner)
        self.banner_text = wrapped_label(warning or "", banner)
        row.addWidget(self.banner_text, 1)
        dismiss = QPushButton(self.tr("Dismiss"), banner)
        dismiss.setAccessibleName(self.tr("Dismiss the warning"))
        dismiss.clicked.connect(banner.hide)
        row.addWidget(dismiss)
        banner.setVisible(bool(warning))
        return banner

    def _show_empty_hint(self, described: str) -> None:
        """An empty caseload says how to add a client (a filter with no match says so itself)."""
        empty = not self.clients.model.rowCount() and not self.clients.search.text().strip()
        self.empty_hint.setText(described if empty else "")
        self.empty_hint.setVisible(empty)

    def selected_client(self) -> ClientSummary | None:
        """The client selected in the table, while the Clients tab is shown."""
        if self.tabs.currentWidget() is not self.clients:
            return None
        rows = self.clients.table.selectionModel().selectedRows()
        return self.clients.model.row_at(rows[0].row()) if rows else None

    def add_client_action(self, action: QAction) -> None:
        """Offer *action* in the client table's context menu."""
        self.clients.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.clients.table.addAction(action)

    def _activated(self, index: QModelIndex) -> None:
        """Enter on a row (selected or only under the cursor): select it and go into the chart."""
        if not index.isValid():
            return
        if self.clients.table.selectionModel().currentIndex().row() != index.row() or (
            self.selected_client() is None
        ):
            self.clients.table.selectRow(index.row())
        self.open_requested.emit(self.clients.model.row_at(index.row()).id)

    def _selection_changed(self, *_: object) -> None:
        self.selection_changed.emit(self.selected_client() is not None)

    def focus_search(self) -> None:
        """Show the Clients tab and put the cursor in its filter, text selected (Ctrl+F)."""
        self.tabs.setCurrentWidget(self.clients)
        self.clients.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.clients.search.selectAll()

    def select_client(self, client_id: int) -> None:
        """Show the Clients tab with *client_id*'s row selected, if it is listed."""
        self.tabs.setCurrentWidget(self.clients)
        self.clients.select_key(client_id)

    def start(self) -> None:
        self.clients.refresh()

    def refresh(self) -> None:
        """Query again with the current filter (the selected client stays selected)."""
        self.clients.refresh()
        if self.notes.search.text().strip():
            self.notes.refresh()

    def clear(self) -> None:
        self.clients.clear()
        self.notes.clear()
        self.banner_text.clear()
