"""Goals: the clinical goals editor, offering the manual's goals for the area the trainee picks."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from ui.widgets.goals_editor import GoalsEditor
from ui.widgets.page import wrapped_label
from workbench.domain.formulation import Goal
from workbench.protocol import ManualProfile


class GoalsPage(QWidget):
    """`goal_refs()` turns the manual goals chosen into the AREA:N the attempt scores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: ManualProfile | None = None
        self.area = QComboBox(self)
        self.area.setAccessibleName(self.tr("Offer the manual's goals for this area"))
        self.area.currentIndexChanged.connect(self._area_changed)
        self.editor = GoalsEditor(self)
        self.editor.table.hideColumn(2)  # a goal's status belongs to real therapy, not practice
        top = QFormLayout()
        top.addRow(self.tr("Manual's goals &for"), self.area)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            wrapped_label(
                self.tr(
                    "Add the goals this case's work aims at. The drop-down offers the manual's "
                    "goals; goals in your own words are kept for your supervisor but not scored."
                ),
                self,
            )
        )
        column.addLayout(top)
        column.addWidget(self.editor, 1)

    def set_profile(self, profile: ManualProfile) -> None:
        self.profile = profile
        self.editor.set_profile(profile)
        self.editor.set_goals([])
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("no area (own words only)"), "")
        for area in profile.problem_areas:
            self.area.addItem(area.label, area.id)
        self.area.blockSignals(False)
        self._area_changed()

    def follow_primary(self, area: str) -> None:
        """Offer the goals of the primary area the trainee just chose."""
        self.area.setCurrentIndex(max(self.area.findData(area), 0))

    def add_manual_goal(self, area: str, number: int) -> None:
        """Add goal *number* (from 1) of *area*, as choosing it in the drop-down and Add does."""
        self.follow_primary(area)
        self.editor.suggestions.setCurrentIndex(number)  # index 0 is "own words"
        self.editor.add_button.click()

    def _area_changed(self, *_: object) -> None:
        self.editor.set_area(str(self.area.currentData() or ""))

    def goal_refs(self) -> tuple[str, ...]:
        return tuple(ref for ref in (self._ref(g) for g in self.editor.goals()) if ref)

    def _ref(self, goal: Goal) -> str | None:
        area = self.profile.problem_area(goal.problem_area or "") if self.profile else None
        if area is None or goal.text not in area.goals:
            return None
        return f"{area.id}:{area.goals.index(goal.text) + 1}"
