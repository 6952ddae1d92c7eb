"""Audit page: this client's audit trail, read-only (ids and kinds only, never clinical text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_tables import AuditModel
from ui.session import VaultSession
from ui.widgets.page import wrapped_label
from ui.workspace.base import WorkspacePage
from workbench.services import audit_log
from workbench.services.vaults import AuditEntry


class AuditPage(WorkspacePage):
    """Who did what to which of this client's records, and when (newest first)."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Audit")

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self.loaded = False
        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setAccessibleName(self.tr("Audit trail"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = wrapped_label(
            self.tr(
                "Every change to this client's records is logged with the time (shown in local "
                "time), the action, the kind of record and who made it. The log is chained so "
                "tampering shows, and it holds no clinical text."
            ),
            self,
        )
        self.count = wrapped_label("", self)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Refresh the audit trail"))
        self.refresh_button.clicked.connect(self.reload)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def reload(self) -> None:
        vault, client = self.vault, self.client_id
        self.load(lambda: audit_log.for_client(vault, client), self._loaded)

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.model.set_rows(entries)
        self.count.setText(self.tr("%n entries", "", len(entries)))
        self.loaded = True

    def clear(self) -> None:
        self.model.clear()
        self.count.clear()
        self.loaded = False
