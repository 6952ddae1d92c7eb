"""Medication and referrals as the client reports them (recorded, never advised), and the
episode's format and adaptation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from ui.widgets.date_fields import text_box, vocab
from workbench.domain.care import DELIVERY, POPULATIONS, Adaptation, DatedEntry, MedicationRecord


def entries_text(entries: tuple[DatedEntry, ...]) -> str:
    return "\n".join(f"{entry.on} {entry.text}" for entry in entries)


def entries_of(box: QPlainTextEdit) -> tuple[DatedEntry, ...]:
    """'YYYY-MM-DD what happened', one per line; the core refuses a line without its date."""
    found = []
    for line in box.toPlainText().splitlines():
        if line.strip():
            on, _, text = line.strip().partition(" ")
            found.append(DatedEntry(on, text.strip()))
    return tuple(found)


class CareForm(QGroupBox):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Care: medication, referrals, format"), parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current = text_box(self.tr("Current medication, as the client reports it"), self, 2)
        self.prescriber = QLineEdit(self)
        self.prescriber.setAccessibleName(self.tr("Prescriber"))
        self.changes = text_box(self.tr("Changes (one per line: YYYY-MM-DD what changed)"), self)
        self.referrals = text_box(self.tr("Referrals (one per line: YYYY-MM-DD to whom)"), self)
        self.delivery = QComboBox(self)
        self.delivery.setAccessibleName(self.tr("Format"))
        for value in DELIVERY:
            self.delivery.addItem(vocab(value), value)
        self.population = QComboBox(self)
        self.population.setAccessibleName(self.tr("Adaptation"))
        for value in POPULATIONS:
            self.population.addItem(vocab(value), value)
        self.notes = text_box(self.tr("Adaptation notes (interpreter, consent, privacy)"), self, 2)
        for label, field in (
            (self.tr("Medication"), self.current),
            (self.tr("Prescriber"), self.prescriber),
            (self.tr("Medication changes"), self.changes),
            (self.tr("Referrals"), self.referrals),
            (self.tr("Format"), self.delivery),
            (self.tr("Adaptation"), self.population),
            (self.tr("Adaptation notes"), self.notes),
        ):
            form.addRow(label, field)
        for box in (self.current, self.changes, self.referrals, self.notes):
            box.textChanged.connect(self.edited)
        self.prescriber.textChanged.connect(self.edited)
        self.delivery.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.population.currentIndexChanged.connect(lambda _i: self.edited.emit())

    def set_value(self, medication: MedicationRecord | None, adaptation: Adaptation | None) -> None:
        record = medication or MedicationRecord()
        self.current.setPlainText(record.current)
        self.prescriber.setText(record.prescriber)
        self.changes.setPlainText(entries_text(record.changes))
        self.referrals.setPlainText(entries_text(record.referrals))
        chosen = adaptation or Adaptation()
        self.delivery.setCurrentIndex(max(0, self.delivery.findData(chosen.delivery)))
        self.population.setCurrentIndex(max(0, self.population.findData(chosen.population)))
        self.notes.setPlainText(chosen.notes)

    def medication(self) -> MedicationRecord:
        return MedicationRecord(
            self.current.toPlainText().strip(),
            self.prescriber.text().strip(),
            entries_of(self.changes),
            entries_of(self.referrals),
        )

    def adaptation(self) -> Adaptation:
        return Adaptation(
            str(self.delivery.currentData()),
            str(self.population.currentData()),
            self.notes.toPlainText().strip(),
        )
