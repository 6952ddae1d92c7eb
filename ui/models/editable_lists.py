"""Editable tables of the formulation and the plan: goals, and support people with their roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.widgets.date_fields import vocab
from workbench.domain.formulation import Goal
from workbench.domain.maintenance import SupportPerson

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
GOAL_STATUSES = ("open", "partly met", "met", "not met")


class _ListModel(QAbstractTableModel):
    """Rows of one frozen dataclass; subclasses say how columns read and write them."""

    headers: tuple[str, ...] = ()  # marked QT_TRANSLATE_NOOP("TableHeader", ...)
    editable: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == DISPLAY and horizontal and 0 <= section < len(self.headers):
            return translate("TableHeader", self.headers[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemNeverHasChildren
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in self.editable else base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (DISPLAY, EDIT, Qt.ItemDataRole.ToolTipRole):
            return self.cell(self._rows[index.row()], index.column(), role == EDIT)
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or index.column() not in self.editable:
            return False
        self._rows[index.row()] = self.changed(self._rows[index.row()], index.column(), value)
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        return True

    def cell(self, row: Any, column: int, edit: bool) -> str:
        raise NotImplementedError

    def changed(self, row: Any, column: int, value: Any) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append(self, row: Any) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(row)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def clear(self) -> None:
        self.set_rows([])


class GoalsModel(_ListModel):
    """The agreed goals: words, the problem area they serve, and how far they are met."""

    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Goal"),
        QT_TRANSLATE_NOOP("TableHeader", "Problem area"),
        QT_TRANSLATE_NOOP("TableHeader", "Status"),
    )
    editable = frozenset({0, 1, 2})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.area_labels: dict[str, str] = {}

    def cell(self, row: Goal, column: int, edit: bool) -> str:
        if column == 0:
            return row.text
        if column == 1:
            area = row.problem_area or ""
            return area if edit else self.area_labels.get(area, area)
        return row.status if edit else vocab(row.status)

    def changed(self, row: Goal, column: int, value: Any) -> Goal:
        if column == 0:
            return replace(row, text=str(value))
        if column == 1:
            return replace(row, problem_area=str(value) or None)
        return replace(row, status=str(value))

    def goals(self) -> list[Goal]:
        return list(self._rows)


class SupportModel(_ListModel):
    """Support people from the inventory and what the patient would contact each for."""

    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Person"),
        QT_TRANSLATE_NOOP("TableHeader", "Contact for"),
    )
    editable = frozenset({1})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.aliases: dict[int, str] = {}

    def cell(self, row: SupportPerson, column: int, edit: bool) -> str:
        return self.aliases.get(row.person_id, "?") if column == 0 else row.contact_for

    def changed(self, row: SupportPerson, column: int, value: Any) -> SupportPerson:
        return replace(row, contact_for=str(value))

    def people(self) -> list[SupportPerson]:
        return list(self._rows)

    def clear(self) -> None:
        self.aliases = {}
        super().clear()


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of (value, label) choices given by *choices*."""

    def __init__(
        self, choices: Callable[[], Sequence[tuple[str, str]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        for value, label in self._choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(EDIT))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), EDIT)
