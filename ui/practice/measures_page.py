"""Score the case's measures: item scores in the workspace's forms, then total and band."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.page import wrapped_label
from ui.workspace.measure_form import MeasureForm, form_for
from workbench.measures import get_instrument, score
from workbench.practice import MeasureEntry, Vignette

NOT_ENTERED = -1


class MeasureBlock(QGroupBox):
    """One instrument: its form, the total the trainee adds up and the band they read off."""

    changed = Signal()

    def __init__(self, instrument_id: str, parent: QWidget) -> None:
        instrument = get_instrument(instrument_id)
        super().__init__(instrument.id, parent)
        self.instrument_id = instrument.id
        self.form: MeasureForm = form_for(instrument, self)
        self.form.changed.connect(self.changed)
        self.total = QSpinBox(self)
        self.total.setRange(NOT_ENTERED, instrument.max_total)
        self.total.setSpecialValueText(self.tr("not entered"))
        self.total.setValue(NOT_ENTERED)
        self.total.setMinimumWidth(120)
        self.total.setAccessibleName(self.tr("{0} total you worked out").format(instrument.id))
        self.band = QComboBox(self)
        self.band.setAccessibleName(self.tr("{0} severity band").format(instrument.id))
        self.band.addItem(self.tr("not chosen"), None)
        for band in instrument.default_bands.bands:
            self.band.addItem(f"{band.label} ({band.low}–{band.high})", band.label)
        answer = QFormLayout()
        answer.addRow(self.tr("Your &total"), self.total)
        answer.addRow(self.tr("Severity &band"), self.band)
        column = QVBoxLayout(self)
        column.addWidget(self.form)
        column.addLayout(answer)

    def set_total(self, total: int | None) -> None:
        self.total.setValue(NOT_ENTERED if total is None else total)

    def set_band(self, label: str | None) -> None:
        self.band.setCurrentIndex(max(self.band.findData(label), 0))

    def entry(self) -> MeasureEntry:
        total = self.total.value()
        band = self.band.currentData()
        return MeasureEntry(
            tuple(self.form.responses()),
            None if total == NOT_ENTERED else total,
            None if band is None else str(band),
        )


class MeasuresEntryPage(QWidget):
    """Every measure the case gives, scored by the trainee from the item scores in the case."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks: dict[str, MeasureBlock] = {}
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(self.tr("Measures to score"))
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.area.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Enter each item as the case gives it, add up the total yourself and read "
                    "the band off the scoring rules. A positive suicide item needs a risk note."
                ),
                self,
            )
        )
        layout.addWidget(self.area, 1)

    def set_measures(self, vignette: Vignette) -> None:
        for block in self.blocks.values():
            block.setParent(None)
            block.deleteLater()
        while self.column.count():
            self.column.takeAt(0)
        self.blocks = {}
        for measure in vignette.measures:
            block = MeasureBlock(measure.instrument, self.inner)
            block.changed.connect(self.changed)
            self.column.addWidget(block)
            self.blocks[measure.instrument] = block
        self.column.addStretch(1)

    def entries(self) -> dict[str, MeasureEntry]:
        return {name: block.entry() for name, block in self.blocks.items()}

    def suicide_item_positive(self) -> bool:
        """Whether an item the trainee entered flags risk (endorsed, not merely left empty)."""
        return any(
            flag.value
            for name, block in self.blocks.items()
            for flag in score(name, block.form.responses()).risk_flags
        )
