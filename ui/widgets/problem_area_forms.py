"""The forms of the problem-area records: dispute (with its dated stages), grief, the role
transition grid, deficits. Each is a checkable group: unticked, the area has no record."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.widgets.date_fields import (
    OptionalDate,
    date_edit,
    join_lines,
    lines_of,
    show_date,
    text_box,
    to_iso,
    vocab,
)
from workbench.domain.inventory import Person
from workbench.domain.problem_areas import (
    DISPUTE_STAGES,
    DeficitsRecord,
    DisputeRecord,
    GriefRecord,
    StageChange,
    TransitionRecord,
)


class AreaForm(QGroupBox):
    """A checkable group of fields; `edited` on any change the clinician makes."""

    edited = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.toggled.connect(lambda _on: self.edited.emit())

    def text(self, label: str, lines: int = 2) -> QPlainTextEdit:
        box = text_box(label, self, lines)
        box.textChanged.connect(self.edited)
        self.form.addRow(label, box)
        return box

    def people_combo(self, label: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(label)
        combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.form.addRow(label, combo)
        return combo


def fill_people(combo: QComboBox, people: list[Person], chosen: int | None, none: str) -> None:
    combo.blockSignals(True)
    combo.clear()
    if none:
        combo.addItem(none, None)
    for person in people:
        combo.addItem(f"{person.alias} ({vocab(person.relationship)})", person.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
    combo.blockSignals(False)


class DisputeForm(AreaForm):
    """The other person (living, from the inventory), the stages with their dates, the wishes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Role dispute"), parent)
        self.person = self.people_combo(self.tr("The other person"))
        self.stages = QTableWidget(0, 3, self)
        self.stages.setAccessibleName(self.tr("Stage changes, oldest first"))
        self.stages.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Stage"), self.tr("Note")])
        self.stages.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.stages.verticalHeader().hide()
        self.stages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stages.setMinimumHeight(90)
        self.stages.setMaximumHeight(150)
        self.form.addRow(self.tr("Stages"), self.stages)
        self.on = date_edit(self)
        self.on.setAccessibleName(self.tr("Date of the stage change"))
        self.on.setDate(QDate.currentDate())
        self.stage = QComboBox(self)
        self.stage.setAccessibleName(self.tr("Stage"))
        for value in DISPUTE_STAGES:
            self.stage.addItem(vocab(value), value)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Note on the stage change"))
        self.note.setPlaceholderText(self.tr("what changed"))
        self.add_button = QPushButton(self.tr("Record stage"), self)
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button = QPushButton(self.tr("Remove last"), self)
        self.remove_button.clicked.connect(self.remove_last)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.on, self.stage, self.add_button, self.remove_button):
            line.addWidget(widget)
        line.addStretch(1)
        self.form.addRow(self.tr("Stage change"), row)
        self.form.addRow(self.tr("Note"), self.note)
        self.client_wants = self.text(self.tr("What the client wants"))
        self.other_wants = self.text(self.tr("What the other person wants (as the client sees it)"))
        self._changes: list[StageChange] = []

    def add_stage(self) -> None:
        change = StageChange(to_iso(self.on.date()), str(self.stage.currentData()), "")
        note = self.note.text().strip()
        self._changes.append(StageChange(change.on, change.stage, note))
        self.note.clear()
        self._show_stages()
        self.edited.emit()

    def remove_last(self) -> None:
        if self._changes:
            self._changes.pop()
            self._show_stages()
            self.edited.emit()

    def _show_stages(self) -> None:
        self.stages.setRowCount(len(self._changes))
        for row, change in enumerate(self._changes):
            for column, text in enumerate((show_date(change.on), vocab(change.stage), change.note)):
                self.stages.setItem(row, column, QTableWidgetItem(text))

    def set_value(self, record: DisputeRecord | None, living: list[Person]) -> None:
        fill_people(self.person, living, record.person_id if record else None, "")
        self._changes = list(record.stages) if record else []
        self._show_stages()
        self.client_wants.setPlainText(record.client_wants if record else "")
        self.other_wants.setPlainText(record.other_wants if record else "")
        self.setChecked(record is not None)

    def value(self) -> DisputeRecord | None:
        if not self.isChecked():
            return None
        person = self.person.currentData()
        return DisputeRecord(
            int(person) if person is not None else 0,
            tuple(self._changes),
            self.client_wants.toPlainText().strip(),
            self.other_wants.toPlainText().strip(),
        )


class GriefForm(AreaForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Grief"), parent)
        self.person = self.people_combo(self.tr("Who died"))
        self.died_on = OptionalDate(self.tr("Date of death"), self)
        self.died_on.check.toggled.connect(lambda _on: self.edited.emit())
        self.died_on.date.dateChanged.connect(lambda _d: self.edited.emit())
        self.form.addRow(self.tr("When"), self.died_on)
        self.anniversaries = self.text(self.tr("Anniversaries (one per line)"))
        self.avoidance = self.text(self.tr("Avoidance"))
        self.relationship = self.text(self.tr("What the relationship was"), 3)

    def set_value(self, record: GriefRecord | None, people: list[Person]) -> None:
        chosen = record.person_id if record else None
        fill_people(self.person, people, chosen, self.tr("not in the inventory"))
        self.died_on.set_value(record.died_on if record else None)
        self.anniversaries.setPlainText(join_lines(record.anniversaries) if record else "")
        self.avoidance.setPlainText(record.avoidance if record else "")
        self.relationship.setPlainText(record.relationship if record else "")
        self.setChecked(record is not None)

    def value(self) -> GriefRecord | None:
        if not self.isChecked():
            return None
        person = self.person.currentData()
        return GriefRecord(
            int(person) if person is not None else None,
            self.died_on.value(),
            lines_of(self.anniversaries.toPlainText()),
            self.avoidance.toPlainText().strip(),
            self.relationship.toPlainText().strip(),
        )


class TransitionForm(AreaForm):
    """The old/new role grid: each row sets the old beside the new."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Role transition"), parent)
        grid = QGridLayout()
        self.form.addRow(grid)
        self.boxes: dict[str, QPlainTextEdit] = {}
        cells = (
            ("old_role", self.tr("Old role"), 1, 0),
            ("new_role", self.tr("New role"), 1, 1),
            ("lost", self.tr("What is lost"), 3, 0),
            ("gained", self.tr("What is gained"), 3, 1),
            ("feelings", self.tr("Feelings about the change"), 5, 0),
            ("skills_needed", self.tr("Skills needed"), 5, 1),
            ("supports_needed", self.tr("Supports needed"), 7, 0),
        )
        for key, label, row, column in cells:
            box = text_box(label, self, 2)
            box.textChanged.connect(self.edited)
            caption = QLabel(label, self)
            caption.setBuddy(box)
            grid.addWidget(caption, row - 1, column)
            grid.addWidget(box, row, column)
            self.boxes[key] = box

    def set_value(self, record: TransitionRecord | None) -> None:
        for key, box in self.boxes.items():
            box.setPlainText(str(getattr(record, key)) if record else "")
        self.setChecked(record is not None)

    def value(self) -> TransitionRecord | None:
        if not self.isChecked():
            return None
        texts = {key: box.toPlainText().strip() for key, box in self.boxes.items()}
        return TransitionRecord(**texts)


class DeficitsForm(AreaForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Interpersonal deficits (WMK)"), parent)
        self.isolation = self.text(self.tr("Pattern of isolation"), 3)
        self.relationship = self.text(self.tr("The therapeutic relationship as a model"), 3)

    def set_value(self, record: DeficitsRecord | None) -> None:
        self.isolation.setPlainText(record.isolation_pattern if record else "")
        self.relationship.setPlainText(record.therapeutic_relationship if record else "")
        self.setChecked(record is not None)

    def value(self) -> DeficitsRecord | None:
        if not self.isChecked():
            return None
        return DeficitsRecord(
            self.isolation.toPlainText().strip(), self.relationship.toPlainText().strip()
        )
