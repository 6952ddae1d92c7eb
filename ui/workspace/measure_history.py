"""The measures page's history: the trend chart, past administrations (void ones struck
through and marked), and voiding one with a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.workspace_models import AdministrationsModel
from ui.widgets.trend_chart import TrendChart
from workbench.services.workspace_reads import AdministrationRow

BAND_COLUMN = 4


class HistoryModel(AdministrationsModel):
    """Past administrations; a void one says so in words (struck through as well)."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        value = super().data(index, role)
        if not index.isValid() or index.row() >= self.rowCount():
            return value
        row = self.row_at(index.row())
        if row.voided_at is None:
            return value
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if index.column() == BAND_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("void: {0}").format(row.void_reason or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Void, never counted: {0}").format(row.void_reason or "")
        return value


class HistoryPanel(QWidget):
    """Chart over table; "Void…" acts on the selected administration."""

    void_requested = Signal(object)  # the AdministrationRow to void

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = TrendChart(self)
        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Past administrations, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.void_button = QPushButton(self.tr("&Void…"), self)
        self.void_button.setToolTip(
            self.tr("Mark the selected administration as entered in error: kept, never counted")
        )
        self.void_button.setEnabled(False)
        self.void_button.clicked.connect(self._void_clicked)
        self.model.modelReset.connect(self._selection_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def selected(self) -> AdministrationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, administration_id: int) -> None:
        for n in range(self.model.rowCount()):
            if self.model.row_at(n).id == administration_id:
                self.table.selectRow(n)
                return

    def _selection_changed(self, *_: QObject) -> None:
        chosen = self.selected()
        self.void_button.setEnabled(chosen is not None and chosen.voided_at is None)

    def _void_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.voided_at is None:
            self.void_requested.emit(chosen)

    def clear(self) -> None:
        self.model.clear()
        self.chart.clear()
