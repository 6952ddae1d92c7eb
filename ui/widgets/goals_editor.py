"""The formulation's goals: agreed goals tied to a problem area, with the manual's ideas."""

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

from ui.models.editable_lists import GOAL_STATUSES, ChoiceDelegate, GoalsModel
from ui.widgets.cell_edits import commit_open_editor
from ui.widgets.date_fields import vocab
from workbench.domain.formulation import Goal
from workbench.protocol import ManualProfile

OWN_WORDS = ""


class GoalsEditor(QWidget):
    """A table of goals (text, problem area, status) with add-from-the-manual and remove."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: ManualProfile | None = None
        self.area = ""  # the primary area chosen on the form
        self.model = GoalsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setAccessibleName(self.tr("Goals"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(1, ChoiceDelegate(self._areas, self))
        self.table.setItemDelegateForColumn(
            2, ChoiceDelegate(lambda: [(s, vocab(s)) for s in GOAL_STATUSES], self)
        )
        self.suggestions = QComboBox(self)
        self.suggestions.setAccessibleName(self.tr("Goal to add"))
        self.suggestions.setMinimumContentsLength(24)
        self.add_button = QPushButton(self.tr("&Add goal"), self)
        self.add_button.setAccessibleName(self.tr("Add goal"))
        self.add_button.clicked.connect(self.add_goal)
        self.remove_button = QPushButton(self.tr("Remove goal"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected goal"))
        self.remove_button.clicked.connect(self.remove_goal)
        row = QHBoxLayout()
        row.addWidget(self.suggestions, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(row)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
        ):
            signal.connect(lambda *_: self.edited.emit())

    def _areas(self) -> list[tuple[str, str]]:
        areas = self.profile.problem_areas if self.profile else ()
        return [("", self.tr("none"))] + [(a.id, a.label) for a in areas]

    def set_profile(self, profile: ManualProfile) -> None:
        self.profile = profile
        self.model.area_labels = {a.id: a.label for a in profile.problem_areas}

    def set_area(self, area: str) -> None:
        """Offer the manual's goals for *area* (the primary problem area chosen now)."""
        self.area = area
        self.suggestions.clear()
        self.suggestions.addItem(self.tr("A goal in the patient's own words"), OWN_WORDS)
        chosen = self.profile.problem_area(area) if self.profile and area else None
        for goal in chosen.goals if chosen else ():
            self.suggestions.addItem(goal, goal)

    def add_goal(self) -> None:
        text = str(self.suggestions.currentData() or "")
        self.model.append(Goal(text, self.area or None))
        index = self.model.index(self.model.rowCount() - 1, 0)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        if not text:
            self.table.edit(index)

    def remove_goal(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())

    def commit_edits(self) -> None:
        """A goal still being typed in its cell goes into the model (and counts as an edit)."""
        commit_open_editor(self.table)

    def goals(self) -> list[Goal]:
        self.commit_edits()
        return [g for g in self.model.goals()]

    def set_goals(self, goals: list[Goal]) -> None:
        self.model.set_rows(goals)

    def clear(self) -> None:
        self.model.clear()
        self.suggestions.clear()
