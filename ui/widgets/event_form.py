"""The form for one life event of the timeline: date, type, impact, people, symptoms, notes."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QSpinBox,
    QWidget,
)

from ui.widgets.date_fields import date_edit, text_box, to_iso, to_qdate, vocab
from ui.widgets.identifier_fields import IdentifierFields
from workbench.domain.inventory import EVENT_TYPES, Person, TimelineEvent
from workbench.services.workspace_edits import DATE_PRECISIONS, SYMPTOM_MARKERS

NOT_RATED = -1


class EventForm(QWidget):
    """Edits one event; `value()` is what services.inventory.add_event stores."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = 0  # 0: a new event
        self.dirty = False
        self.date = date_edit(self)
        self.date.setAccessibleName(self.tr("Event date"))
        self.precision = QComboBox(self)
        self.precision.setAccessibleName(self.tr("Date precision"))
        names = (self.tr("exact day"), self.tr("month only"), self.tr("year only"))
        for value, name in zip(DATE_PRECISIONS, names, strict=True):
            self.precision.addItem(name, value)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Event type"))
        for value in EVENT_TYPES:
            self.kind.addItem(vocab(value), value)
        self.impact = QSpinBox(self)
        self.impact.setAccessibleName(self.tr("Impact, 0 to 10"))
        self.impact.setRange(NOT_RATED, 10)
        self.impact.setSpecialValueText(self.tr("not rated"))
        self.impact.setValue(NOT_RATED)
        self.people_model = QStandardItemModel(self)
        self.people = QListView(self)
        self.people.setModel(self.people_model)
        self.people.setAccessibleName(self.tr("People involved"))
        self.people.setMinimumHeight(70)
        self.people.setMaximumHeight(110)
        self.marker = QComboBox(self)
        self.marker.setAccessibleName(self.tr("Symptom marker"))
        self.marker.addItem(self.tr("none"), "")
        for value in SYMPTOM_MARKERS:
            self.marker.addItem(vocab(value), value)
        self.notes = text_box(self.tr("Event notes"), self, lines=3)

        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.precision)
        when.addStretch(1)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        date_label = QLabel(self.tr("&Date"), self)
        date_label.setBuddy(self.date)
        form.addRow(date_label, when)
        form.addRow(self.tr("&Type"), self.kind)
        form.addRow(self.tr("&Impact (patient's rating)"), self.impact)
        form.addRow(self.tr("&People"), self.people)
        form.addRow(self.tr("&Symptoms"), self.marker)
        form.addRow(self.tr("N&otes"), self.notes)
        self.where = IdentifierFields(form, self, places_label=self.tr("Places"))
        self.where.edited.connect(self._edited)
        for signal in (
            self.date.dateChanged,
            self.precision.currentIndexChanged,
            self.kind.currentIndexChanged,
            self.impact.valueChanged,
            self.marker.currentIndexChanged,
            self.notes.textChanged,
            self.people_model.itemChanged,
        ):
            signal.connect(self._edited)

    def _edited(self, *_: object) -> None:
        self.dirty = True
        self.edited.emit()

    def set_people(self, people: list[Person]) -> None:
        """Offer *people* to tick, keeping the ticks of those still there."""
        ticked = set(self.ticked())
        self.people_model.blockSignals(True)
        self.people_model.clear()
        for person in people:
            item = QStandardItem(person.alias)
            item.setData(person.id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if person.id in ticked else Qt.CheckState.Unchecked
            )
            self.people_model.appendRow(item)
        self.people_model.blockSignals(False)
        self.people.reset()

    def ticked(self) -> list[int]:
        model = self.people_model
        return [
            int(model.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(model.rowCount())
            if model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def load(self, event: TimelineEvent | None) -> None:
        """Show *event*, or an empty form for a new one (dated today)."""
        self.event_id = event.id if event else 0
        day = to_qdate(event.event_date) if event else QDate.currentDate()
        self.date.setDate(day if day.isValid() else QDate.currentDate())
        self.precision.setCurrentIndex(
            max(self.precision.findData(event.date_precision if event else "day"), 0)
        )
        self.kind.setCurrentIndex(
            max(self.kind.findData(event.event_type if event else "other"), 0)
        )
        impact = event.impact if event and event.impact is not None else NOT_RATED
        self.impact.setValue(impact)
        self.marker.setCurrentIndex(
            max(self.marker.findData((event.symptom_marker or "") if event else ""), 0)
        )
        self.notes.setPlainText(event.notes if event else "")
        self.where.set_values((), event.places if event else ())
        chosen = set(event.people) if event else set()
        for row in range(self.people_model.rowCount()):
            item = self.people_model.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.dirty = False

    def value(self) -> TimelineEvent:
        precision = str(self.precision.currentData())
        day = self.date.date()
        if precision != "day":  # store the first of the month or year the patient remembers
            day = day.addDays(1 - day.day())
            if precision == "year":
                day = day.addMonths(1 - day.month())
        impact = self.impact.value()
        return TimelineEvent(
            self.event_id,
            to_iso(day),
            precision,
            str(self.kind.currentData()),
            None if impact == NOT_RATED else impact,
            str(self.marker.currentData()) or None,
            self.notes.toPlainText().strip(),
            tuple(self.ticked()),
            self.where.places(),
        )

    def clear(self) -> None:
        self.people_model.clear()
        self.load(None)
