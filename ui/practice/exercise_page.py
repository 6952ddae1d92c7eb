"""The exercise: read the case, then build the attempt step by step with the workspace's tools."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.practice.area_page import ProblemAreaPage
from ui.practice.banner import PracticeBanner
from ui.practice.case_page import CasePage
from ui.practice.choices_page import ChoicesPage
from ui.practice.formulation_page import FormulationSectionsPage
from ui.practice.goals_page import GoalsPage
from ui.practice.measures_page import MeasuresEntryPage
from ui.practice.people_page import PeoplePage
from ui.practice.risk_page import PracticeRiskPage
from ui.practice.timeline_page import TimelineTagsPage
from ui.widgets.page import wrapped_label
from workbench.practice import Attempt, Vignette, blank_attempt
from workbench.protocol import load_profile, techniques

ERROR_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"


class ExercisePage(QWidget):
    """Emits `feedback_requested()` and `back_requested()`; `attempt()` reads every step."""

    feedback_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vignette: Vignette | None = None
        self.banner = PracticeBanner(self)
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        self.case = CasePage(self)
        self.people = PeoplePage(self)
        self.timeline = TimelineTagsPage(self)
        self.measures = MeasuresEntryPage(self)
        self.area = ProblemAreaPage(self)
        self.goals = GoalsPage(self)
        self.choices = ChoicesPage(self)
        self.formulation = FormulationSectionsPage(self)
        self.risk = PracticeRiskPage(self)
        self.steps: list[tuple[str, QWidget]] = [
            (self.tr("1. Read the case"), self.case),
            (self.tr("2. People and circle"), self.people),
            (self.tr("3. Timeline"), self.timeline),
            (self.tr("4. Measures"), self.measures),
            (self.tr("5. Problem area"), self.area),
            (self.tr("6. Goals"), self.goals),
            (self.tr("7. Strategies and techniques"), self.choices),
            (self.tr("8. Formulation"), self.formulation),
            (self.tr("9. Risk note"), self.risk),
        ]
        self.step_list = QListWidget(self)
        self.step_list.setAccessibleName(self.tr("Steps of the exercise"))
        self.stack = QStackedWidget(self)
        for title, page in self.steps:
            self.step_list.addItem(title)
            self.stack.addWidget(page)
        self.step_list.setFixedWidth(self.step_list.sizeHintForColumn(0) + 28)
        self.step_list.currentRowChanged.connect(self._step_shown)
        self.area.primary_changed.connect(self.goals.follow_primary)
        self.measures.changed.connect(self._measures_changed)

        self.trainee = QLineEdit(self)
        self.trainee.setAccessibleName(self.tr("Your name (printed on the practice PDF)"))
        self.trainee.setPlaceholderText(self.tr("Optional"))
        self.trainee.setMinimumWidth(180)
        self.trainee.setMaximumWidth(280)
        self.message = wrapped_label("", self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.back_button = QPushButton(self.tr("All cases"), self)
        self.back_button.setAccessibleName(self.tr("Back to the list of cases"))
        self.back_button.clicked.connect(self.back_requested)
        self.feedback_button = QPushButton(self.tr("&Get feedback"), self)
        self.feedback_button.setAccessibleName(self.tr("Get feedback on this attempt"))
        self.feedback_button.clicked.connect(self.feedback_requested)

        middle = QHBoxLayout()
        middle.addWidget(self.step_list)
        middle.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.trainee)
        bottom.addWidget(name_label)
        bottom.addWidget(self.trainee)
        bottom.addWidget(self.feedback_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(self.banner)
        column.addWidget(self.heading)
        column.addLayout(middle, 1)
        column.addWidget(self.message)
        column.addLayout(bottom)

    def load(self, vignette: Vignette) -> None:
        """Start a fresh attempt on *vignette*: the given people pre-filled, nothing chosen."""
        self.vignette = vignette
        profile = load_profile(vignette.profile)
        start = blank_attempt(vignette)
        self.heading.setText(self.tr("Case {0}: {1}").format(vignette.id, vignette.title))
        self.case.show_case(vignette)
        self.people.set_people(
            start.people, {p.alias for p in vignette.people if p.given and not p.living}
        )
        self.timeline.set_events(vignette)
        self.measures.set_measures(vignette)
        self.area.set_profile(profile)
        self.goals.set_profile(profile)
        self.choices.set_catalogue(profile, techniques(profile.id))
        self.formulation.clear()
        self.risk.form.reset()
        self._measures_changed()
        self.show_message("")
        self.set_busy(False)
        self.go_to(0)

    def go_to(self, step: int) -> None:
        self.step_list.setCurrentRow(step)

    def step_count(self) -> int:
        return len(self.steps)

    def attempt(self) -> Attempt:
        assert self.vignette is not None
        primary, secondary, stage, modifier = self.area.values()
        primary_person, secondary_person = self.area.people_values()
        return Attempt(
            vignette=self.vignette.id,
            trainee=self.trainee.text().strip(),
            people=self.people.entries(),
            timeline_tags=self.timeline.tags(),
            measures=self.measures.entries(),
            primary_area=primary,
            secondary_area=secondary,
            dispute_stage=stage,
            modifier=modifier,
            goals=self.goals.goal_refs(),
            strategies=self.choices.strategies.ticked(),
            techniques=self.choices.techniques.ticked(),
            formulation=self.formulation.sections(),
            risk_note=self.risk.note(),
            primary_person=primary_person,
            secondary_person=secondary_person,
            rule_outs=self.area.rule_out_texts(),
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.feedback_button.setEnabled(not busy)
        self.feedback_button.setText(self.tr("Scoring…") if busy else self.tr("&Get feedback"))

    def _step_shown(self, row: int) -> None:
        if self.stack.widget(row) is self.area:
            self.area.set_people([entry.alias for entry in self.people.entries()])
        self.stack.setCurrentIndex(row)

    def _measures_changed(self) -> None:
        self.risk.set_positive(self.measures.suicide_item_positive())
