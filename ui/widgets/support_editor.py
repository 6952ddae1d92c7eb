"""The plan's support circle: people picked from the inventory and what to contact each for."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.editable_lists import SupportModel
from ui.widgets.cell_edits import commit_open_editor
from workbench.domain.inventory import Person
from workbench.domain.maintenance import SupportPerson


class SupportEditor(QWidget):
    """A table of support people; 'Contact for' is edited in place (F2 or double-click)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SupportModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setAccessibleName(self.tr("Support people"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(110)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Person from the inventory"))
        self.person.setMinimumContentsLength(14)
        self.add_button = QPushButton(self.tr("Add to the &circle"), self)
        self.add_button.setAccessibleName(self.tr("Add support person"))
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected support person"))
        self.remove_button.clicked.connect(self.remove_person)
        row = QHBoxLayout()
        row.addWidget(self.person, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(row)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(lambda *_: self.edited.emit())

    def set_people(self, people: list[Person], chosen: list[SupportPerson]) -> None:
        self.model.aliases = {p.id: p.alias for p in people}
        self.model.set_rows(chosen)
        self.person.clear()
        for person in people:
            self.person.addItem(person.alias, person.id)
        self.add_button.setEnabled(bool(people))

    def add_person(self) -> None:
        person_id = self.person.currentData()
        if person_id is None or person_id in {s.person_id for s in self.model.people()}:
            return
        self.model.append(SupportPerson(int(person_id)))
        index = self.model.index(self.model.rowCount() - 1, 1)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_person(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())

    def commit_edits(self) -> None:
        """A 'Contact for' still being typed goes into the model (and counts as an edit)."""
        commit_open_editor(self.table)

    def people(self) -> list[SupportPerson]:
        self.commit_edits()
        return self.model.people()

    def clear(self) -> None:
        self.model.clear()
        self.person.clear()
