"""The form for one important person of the interpersonal inventory (ipt-reference §7.1)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.i18n import translate
from ui.widgets.date_fields import OptionalDate, text_box, vocab
from ui.widgets.identifier_fields import IdentifierFields
from workbench.domain.inventory import (
    CONFIDING,
    CONTACT_FREQUENCIES,
    MET,
    PROBLEM_AREA_TAGS,
    RELATIONSHIPS,
    Person,
    PersonDetails,
)

TEXTS = (
    "activities",
    "good",
    "not_good",
    "patient_expectations",
    "other_expectations",
    "conflict",
    "support",
    "changed_since_onset",
    "changes_wanted",
)


def choice_box(values: tuple[str, ...], name: str, parent: QWidget) -> QComboBox:
    """A drop-down of stored vocabulary; an empty value reads 'not recorded'."""
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for value in values:
        combo.addItem(vocab(value) if value else translate("PersonForm", "not recorded"), value)
    return combo


def choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


class PersonForm(QWidget):
    """Edits one person; `value()` gives what the inventory service stores."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id: int | None = None
        self.dirty = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # long labels never clip
        self.alias = QLineEdit(self)
        self.alias.setAccessibleName(self.tr("Alias or initials"))
        self.alias.setPlaceholderText(self.tr("An alias or initials (privacy)"))
        self.relationship = choice_box(RELATIONSHIPS, self.tr("Relationship"), self)
        self.living = QCheckBox(self.tr("Living"), self)
        self.living.setAccessibleName(self.tr("Living"))
        self.died = OptionalDate(self.tr("Died on"), self)
        self.frequency = choice_box(CONTACT_FREQUENCIES, self.tr("Contact frequency"), self)
        self.contact_type = QLineEdit(self)
        self.contact_type.setAccessibleName(self.tr("Type of contact"))
        self.contact_type.setPlaceholderText(self.tr("In person, phone, online…"))
        self.texts: dict[str, QPlainTextEdit] = {}
        labels = {
            "activities": self.tr("Activities shared"),
            "good": self.tr("What is good / satisfying"),
            "not_good": self.tr("What is not good / unsatisfying"),
            "patient_expectations": self.tr("Patient's expectations of them"),
            "other_expectations": self.tr("Their expectations of the patient"),
            "conflict": self.tr("Conflict: how often, what happens, how it ends"),
            "support": self.tr("Support given and received"),
            "changed_since_onset": self.tr("Changed since symptom onset?"),
            "changes_wanted": self.tr("Changes the patient wants"),
        }
        for key in TEXTS:
            self.texts[key] = text_box(labels[key], self, lines=2)
        self.patient_met = choice_box(MET, self.tr("Patient's expectations met"), self)
        self.other_met = choice_box(MET, self.tr("Their expectations met"), self)
        self.confiding = choice_box(CONFIDING, self.tr("Confiding"), self)
        self.tags: dict[str, QCheckBox] = {}
        tag_row = QHBoxLayout()
        for tag in PROBLEM_AREA_TAGS:
            box = QCheckBox(vocab(tag), self)
            box.setAccessibleName(self.tr("Relevant to {0}").format(vocab(tag)))
            self.tags[tag] = box
            tag_row.addWidget(box)
        tag_row.addStretch(1)

        living_row = QHBoxLayout()
        living_row.addWidget(self.living)
        living_row.addWidget(self.died, 1)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.frequency)
        contact_row.addWidget(self.contact_type, 1)
        form.addRow(self.tr("&Alias"), self.alias)
        form.addRow(self.tr("&Relationship"), self.relationship)
        form.addRow(self.tr("Living or deceased"), living_row)
        form.addRow(self.tr("Contact"), contact_row)
        form.addRow(labels["activities"], self.texts["activities"])
        form.addRow(labels["good"], self.texts["good"])
        form.addRow(labels["not_good"], self.texts["not_good"])
        form.addRow(labels["patient_expectations"], self.texts["patient_expectations"])
        form.addRow(self.tr("Patient's expectations met?"), self.patient_met)
        form.addRow(labels["other_expectations"], self.texts["other_expectations"])
        form.addRow(self.tr("Their expectations met?"), self.other_met)
        form.addRow(self.tr("Confiding (can talk about problems)"), self.confiding)
        for key in ("conflict", "support", "changed_since_onset", "changes_wanted"):
            form.addRow(labels[key], self.texts[key])
        form.addRow(self.tr("Relevant to problem area"), tag_row)
        self.identifiers = IdentifierFields(
            form, self, aliases_label=self.tr("Nicknames"), places_label=self.tr("Places")
        )
        self.identifiers.edited.connect(self._edited)

        self.living.toggled.connect(self._living_changed)
        self.relationship.activated.connect(self._relationship_changed)
        self.living.setChecked(True)
        self._living_changed(True)
        for signal in (
            self.alias.textChanged,
            self.relationship.currentIndexChanged,
            self.living.toggled,
            self.died.check.toggled,
            self.died.date.dateChanged,
            self.frequency.currentIndexChanged,
            self.contact_type.textChanged,
            self.patient_met.currentIndexChanged,
            self.other_met.currentIndexChanged,
            self.confiding.currentIndexChanged,
            *(box.toggled for box in self.tags.values()),
            *(box.textChanged for box in self.texts.values()),
        ):
            signal.connect(self._edited)
        self.dirty = False

    def _edited(self, *_: object) -> None:
        self.dirty = True
        self.edited.emit()

    def _relationship_changed(self, _: int) -> None:
        if self.relationship.currentData() == "deceased":
            self.living.setChecked(False)

    def _living_changed(self, living: bool) -> None:
        self.died.setEnabled(not living)
        if living:
            self.died.set_value(None)

    def load(self, person: Person | None) -> None:
        """Show *person*, or an empty form for a new one."""
        details = person.details if person else PersonDetails()
        self.person_id = person.id if person else None
        self.alias.setText(person.alias if person else "")
        choose(self.relationship, person.relationship if person else RELATIONSHIPS[0])
        self.living.setChecked(details.living)
        self.died.set_value(details.date_of_death)
        choose(self.frequency, details.contact_frequency)
        self.contact_type.setText(details.contact_type)
        for key, box in self.texts.items():
            box.setPlainText(str(getattr(details, key)))
        choose(self.patient_met, details.patient_expectations_met)
        choose(self.other_met, details.other_expectations_met)
        choose(self.confiding, details.confiding)
        for tag, tick in self.tags.items():
            tick.setChecked(tag in details.problem_areas)
        self.identifiers.set_values(
            person.aliases if person else (), person.places if person else ()
        )
        self.dirty = False

    def value(self) -> tuple[str, str, PersonDetails]:
        """(alias, relationship, details) as typed."""
        texts = {key: box.toPlainText().strip() for key, box in self.texts.items()}
        details = PersonDetails(
            living=self.living.isChecked(),
            date_of_death=None if self.living.isChecked() else self.died.value(),
            contact_frequency=str(self.frequency.currentData()),
            contact_type=self.contact_type.text().strip(),
            patient_expectations_met=str(self.patient_met.currentData()),
            other_expectations_met=str(self.other_met.currentData()),
            confiding=str(self.confiding.currentData()),
            problem_areas=tuple(t for t, box in self.tags.items() if box.isChecked()),
            **texts,
        )
        return self.alias.text(), str(self.relationship.currentData()), details

    def clear(self) -> None:
        self.load(None)
