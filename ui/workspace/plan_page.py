"""Maintenance plan page: the relapse-prevention plan of ipt-reference §14.1."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.session import RECORD, VaultSession
from ui.widgets.date_fields import OptionalDate, join_lines, lines_of, text_box, vocab
from ui.widgets.page import wrapped_label
from ui.widgets.support_editor import SupportEditor
from ui.workspace.base import WorkspacePage
from workbench.domain.inventory import Person
from workbench.domain.maintenance import FOCUS, FREQUENCIES, MaintenancePlan
from workbench.errors import WorkbenchError
from workbench.services import formulation, inventory

ERROR_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"
TEXTS = ("what_we_worked_on", "what_changed", "if_warning_signs", "return_to_acute_rule")
LISTS = (
    "skills_that_helped",
    "warning_signs_symptoms",
    "warning_signs_interpersonal",
    "situations_to_plan_for",
)


@dataclass(frozen=True)
class Loaded:
    people: list[Person]
    plan: MaintenancePlan


class PlanPage(WorkspacePage):
    """What helped, early warning signs, the support circle and the ongoing care agreement."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Maintenance plan")

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self.loaded = False
        self.dirty = False
        self._loading = False
        labels = {
            "what_we_worked_on": self.tr("What we worked on"),
            "what_changed": self.tr("What changed (the patient's summary)"),
            "if_warning_signs": self.tr("If warning signs appear"),
            "return_to_acute_rule": self.tr("When to return to acute treatment"),
            "skills_that_helped": self.tr("What helped (one per line)"),
            "warning_signs_symptoms": self.tr("Warning signs: symptoms (one per line)"),
            "warning_signs_interpersonal": self.tr("Warning signs: relationships (one per line)"),
            "situations_to_plan_for": self.tr("Situations to plan for (one per line)"),
        }
        self.texts: dict[str, QPlainTextEdit] = {
            key: text_box(labels[key], self, lines=3) for key in (*TEXTS, *LISTS)
        }
        self.support = SupportEditor(self)
        self.frequency = QComboBox(self)
        self.frequency.setAccessibleName(self.tr("Session frequency"))
        for value in FREQUENCIES:
            self.frequency.addItem(vocab(value), value)
        self.duration = QSpinBox(self)
        self.duration.setAccessibleName(self.tr("Duration in months"))
        self.duration.setRange(0, 60)
        self.duration.setSpecialValueText(self.tr("not set"))
        self.duration.setSuffix(self.tr(" months"))
        self.schedule = QLineEdit(self)
        self.schedule.setAccessibleName(self.tr("Measure schedule"))
        self.review = OptionalDate(self.tr("Review on"), self)
        self.focus = QComboBox(self)
        self.focus.setAccessibleName(self.tr("Maintenance focus"))
        self.focus.addItem(self.tr("not chosen"), "")
        for value in FOCUS:
            self.focus.addItem(vocab(value), value)
        self.other_treatment = QLineEdit(self)
        self.other_treatment.setAccessibleName(self.tr("Other treatment (text only)"))

        def group(title: str, keys: tuple[str, ...]) -> QGroupBox:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            for key in keys:
                label = QLabel(labels[key], box)
                label.setBuddy(self.texts[key])
                form.addRow(label, self.texts[key])
            return box

        words = group(
            self.tr("In the patient's words"),
            ("what_we_worked_on", "what_changed", "skills_that_helped"),
        )
        signs = group(
            self.tr("Early warning signs"),
            (
                "warning_signs_symptoms",
                "warning_signs_interpersonal",
                "situations_to_plan_for",
                "if_warning_signs",
            ),
        )
        circle = QGroupBox(self.tr("My support circle"), self)
        QVBoxLayout(circle).addWidget(self.support)
        care = QGroupBox(self.tr("Ongoing care agreement"), self)
        care_column = QVBoxLayout(care)
        care_form = QFormLayout()
        care_column.addLayout(care_form)
        care_column.addStretch(1)
        care_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        care_form.addRow(self.tr("&Frequency"), self.frequency)
        care_form.addRow(self.tr("&Duration"), self.duration)
        care_form.addRow(self.tr("&Measures"), self.schedule)
        care_form.addRow(self.tr("Review"), self.review)
        care_form.addRow(self.tr("F&ocus"), self.focus)
        care_form.addRow(self.tr("Other &treatment"), self.other_treatment)
        care_form.addRow(
            wrapped_label(labels["return_to_acute_rule"], care), self.texts["return_to_acute_rule"]
        )

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.addWidget(words, 0, 0)
        grid.addWidget(signs, 1, 0)
        grid.addWidget(circle, 0, 1)
        grid.addWidget(care, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error = wrapped_label("", self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.save_button = QPushButton(self.tr("&Save plan"), self)
        self.save_button.setAccessibleName(self.tr("Save plan"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        bar = QHBoxLayout()
        bar.addStretch(0)
        bar.addWidget(self.error, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        for box in self.texts.values():
            box.textChanged.connect(self._edited)
        for signal in (
            self.frequency.currentIndexChanged,
            self.duration.valueChanged,
            self.schedule.textChanged,
            self.review.check.toggled,
            self.review.date.dateChanged,
            self.focus.currentIndexChanged,
            self.other_treatment.textChanged,
            self.support.edited,
        ):
            signal.connect(self._edited)

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    # ----- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        vault, episode = self.vault, self.episode_id

        def load() -> Loaded:
            plan = formulation.get_plan(vault, episode) or MaintenancePlan()
            return Loaded(inventory.people(vault, episode), plan)

        self.load(load, self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = True
        plan = loaded.plan
        for key in TEXTS:
            self.texts[key].setPlainText(str(getattr(plan, key)))
        for key in LISTS:
            self.texts[key].setPlainText(join_lines(getattr(plan, key)))
        self.support.set_people(loaded.people, list(plan.support_people))
        self.frequency.setCurrentIndex(max(self.frequency.findData(plan.frequency), 0))
        self.duration.setValue(plan.duration_months or 0)
        self.schedule.setText(plan.measure_schedule)
        self.review.set_value(plan.review_date)
        self.focus.setCurrentIndex(max(self.focus.findData(plan.focus), 0))
        self.other_treatment.setText(plan.other_treatment)
        self._loading = False
        self.dirty = False
        self.loaded = True

    # ----- saving ----------------------------------------------------------------------------

    def current(self) -> MaintenancePlan:
        def text(key: str) -> str:
            return self.texts[key].toPlainText().strip()

        def items(key: str) -> tuple[str, ...]:
            return lines_of(self.texts[key].toPlainText())

        return MaintenancePlan(
            what_we_worked_on=text("what_we_worked_on"),
            what_changed=text("what_changed"),
            skills_that_helped=items("skills_that_helped"),
            warning_signs_symptoms=items("warning_signs_symptoms"),
            warning_signs_interpersonal=items("warning_signs_interpersonal"),
            situations_to_plan_for=items("situations_to_plan_for"),
            if_warning_signs=text("if_warning_signs"),
            return_to_acute_rule=text("return_to_acute_rule"),
            support_people=tuple(self.support.people()),
            frequency=str(self.frequency.currentData()),
            duration_months=self.duration.value() or None,
            measure_schedule=self.schedule.text().strip(),
            review_date=self.review.value(),
            focus=str(self.focus.currentData()),
            other_treatment=self.other_treatment.text().strip(),
        )

    def save(self) -> None:
        plan, vault, episode = self.current(), self.vault, self.episode_id
        self.write(
            lambda: formulation.save_plan(vault, episode, plan),
            self._saved,
            {RECORD},
            self._refused,
        )

    def _saved(self, _: object) -> None:
        self.dirty = False
        self.error.hide()
        self.message.emit(self.tr("Maintenance plan saved."))

    def _refused(self, error: WorkbenchError) -> None:
        self.error.setText(error.user_message)
        self.error.show()
        self.show_error(error)

    # ----- contract --------------------------------------------------------------------------

    def flush(self) -> None:
        self.support.commit_edits()  # a 'Contact for' cell still being typed marks it dirty
        if not self.dirty or not self.loaded:
            return
        try:
            formulation.save_plan(self.vault, self.episode_id, self.current())
            self.dirty = False
        except WorkbenchError as error:
            self.show_error(error)

    def clear(self) -> None:
        self._loading = True
        for box in self.texts.values():
            box.clear()
        for line in (self.schedule, self.other_treatment):
            line.clear()
        self.support.clear()
        self.review.set_value(None)
        self.duration.setValue(0)
        self.error.clear()
        self.error.hide()
        self._loading = False
        self.dirty = False
        self.loaded = False
