"""Parts of the formulation form: rule-outs (WMK), the short-form statement, S&R sections."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.widgets.date_fields import OptionalDate, text_box, vocab
from ui.widgets.page import wrapped_label
from workbench.domain.formulation import AGREEMENT, AREA_LABELS, RULED_OUT_FOR_DEFICITS, SR_SECTIONS


class TextsBox(QGroupBox):
    """A titled group of labelled multi-line fields, read and written as a dict."""

    def __init__(self, title: str, fields: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(title, parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, label in fields:
            self.texts[key] = text_box(label, self, lines=2)
            caption = QLabel(label, self)
            caption.setBuddy(self.texts[key])
            form.addRow(caption, self.texts[key])

    def value(self) -> dict[str, str]:
        return {key: box.toPlainText().strip() for key, box in self.texts.items()}

    def set_value(self, values: dict[str, Any]) -> None:
        for key, box in self.texts.items():
            box.setPlainText(str(values.get(key, "")))

    def clear(self) -> None:
        for box in self.texts.values():
            box.clear()


def ruled_out_box(parent: QWidget) -> TextsBox:
    """WMK: choosing interpersonal deficits asks why the acute problem areas were ruled out."""
    fields = [
        (area, translate("FormulationParts", "Why not {0}?").format(vocab(AREA_LABELS[area])))
        for area in RULED_OUT_FOR_DEFICITS
    ]
    title = translate("FormulationParts", "Why were the other problem areas ruled out?")
    return TextsBox(title, fields, parent)


def sections_box(parent: QWidget) -> TextsBox:
    """S&R: the biopsychosocial/cultural/spiritual sections, in order."""
    fields = [(key, vocab(title)) for key, title in SR_SECTIONS]
    return TextsBox(translate("FormulationParts", "Formulation sections (S&&R)"), fields, parent)


class StatementBox(QGroupBox):
    """The WMK short-form statement and the button that drafts one from what is recorded."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(translate("StatementBox", "Short-form statement (WMK)"), parent)
        self.statement = text_box(self.tr("Short-form statement"), self, lines=4)
        self.suggest_button = QPushButton(self.tr("S&uggest a draft sentence"), self)
        self.suggest_button.setAccessibleName(self.tr("Suggest a draft sentence"))
        note = wrapped_label(
            self.tr(
                "The draft keeps [gaps] visible. Edit it into your own words; "
                "nothing is saved until you press Save."
            ),
            self,
        )
        row = QHBoxLayout()
        row.addWidget(self.suggest_button)
        row.addWidget(note, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.statement)
        column.addLayout(row)


class SharedBox(QGroupBox):
    """When the formulation was shared, whether the patient agreed, and their own words."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(translate("SharedBox", "With the patient"), parent)
        self.shared_on = OptionalDate(self.tr("Shared with the patient on"), self)
        self.agreement = QComboBox(self)
        self.agreement.setAccessibleName(self.tr("Patient's agreement"))
        self.agreement.addItem(self.tr("not recorded"), None)
        for value in AGREEMENT:
            self.agreement.addItem(vocab(value), value)
        self.patient_words = text_box(self.tr("The patient's own words"), self, lines=3)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Shared"), self.shared_on)
        form.addRow(self.tr("&Agreement"), self.agreement)
        form.addRow(self.tr("Patient's own &words"), self.patient_words)

    def clear(self) -> None:
        self.shared_on.set_value(None)
        self.agreement.setCurrentIndex(0)
        self.patient_words.clear()
