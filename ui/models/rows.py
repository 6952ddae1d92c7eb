"""A read-only table model over a list of immutable rows, described by a tuple of columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ui.i18n import translate

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole
UNSORTED = -1
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
HEADER_CONTEXT = "TableHeader"  # headers are marked QT_TRANSLATE_NOOP("TableHeader", ...)


@dataclass(frozen=True)
class Column(Generic[Row]):
    """How one column shows a row: its header, its text and the value it sorts by.

    *header* is the English text marked with QT_TRANSLATE_NOOP("TableHeader", ...); the model
    translates it when the view asks.
    """

    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], int | str] | None = None
    align: Qt.AlignmentFlag = LEFT


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Shows rows; `set_rows` replaces them all and `clear` forgets them (used on lock).

    Sorting happens here, in Python's sort, rather than in a QSortFilterProxyModel: a proxy
    calls `data()` twice per comparison, which froze the window for seconds at 10,000 clients.
    """

    def __init__(self, columns: Sequence[Column[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] = (UNSORTED, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by *column* (-1: the order the core gave); the view calls this on header clicks."""
        self._sort = (column if 0 <= column < len(self._columns) else UNSORTED, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        before = [(self._rows[i.row()], i.column()) for i in old]
        self._rows = self._sorted(self._rows)
        position = {id(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(position[id(row)], col) for row, col in before]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[Row]) -> list[Row]:
        column, order = self._sort
        if column == UNSORTED:
            return list(rows)
        spec = self._columns[column]
        key = spec.sort_key or (lambda row: spec.text(row).casefold())
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return translate(HEADER_CONTEXT, self._columns[section].header)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
