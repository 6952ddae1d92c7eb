"""Choose the problem area and whom it is about, an acceptable secondary (with its person), the
dispute stage, the S&R modifier, and write down why the other areas are ruled out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.page import wrapped_label
from workbench.protocol import ManualProfile, Role

DISPUTE = "role_dispute"
RULE_OUT_LINES = 3


def _pick(combo: QComboBox, value: str | None) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def _value(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return None if data is None else str(data)


class ProblemAreaPage(QWidget):
    """Areas of the vignette's manual profile only; emits `primary_changed(area id or '')`."""

    primary_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget(self)
        self.primary = QComboBox(inner)
        self.primary.setAccessibleName(self.tr("Primary problem area"))
        self.primary_person = QComboBox(inner)
        self.primary_person.setAccessibleName(self.tr("Whom the primary area is about"))
        self.secondary = QComboBox(inner)
        self.secondary.setAccessibleName(self.tr("Secondary problem area"))
        self.secondary_person = QComboBox(inner)
        self.secondary_person.setAccessibleName(self.tr("Whom the secondary area is about"))
        self.stage = QComboBox(inner)
        self.stage.setAccessibleName(self.tr("Dispute stage"))
        self.modifier = QComboBox(inner)
        self.modifier.setAccessibleName(self.tr("Modifier"))
        self.indication = wrapped_label("", inner)
        self.indication.setAccessibleName(self.tr("What the manual says about the chosen area"))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.addRow(self.tr("&Primary problem area"), self.primary)
        self.form.addRow(self.tr("&With whom / about whom"), self.primary_person)
        self.form.addRow(self.tr("&Secondary area (optional)"), self.secondary)
        self.form.addRow(self.tr("Secondary area: with w&hom"), self.secondary_person)
        self.form.addRow(self.tr("Dispute s&tage"), self.stage)
        self.modifier_label = QLabel(self.tr("&Modifier"), inner)
        self.modifier_label.setBuddy(self.modifier)
        self.form.addRow(self.modifier_label, self.modifier)
        self.rule_out_box = QGroupBox(self.tr("Areas ruled out, and why"), inner)
        self.rule_out_form = QFormLayout(self.rule_out_box)
        self.rule_out_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.rule_outs: dict[str, QPlainTextEdit] = {}
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(
            wrapped_label(
                self.tr(
                    "Choose the one area the work will focus on: the one the onset follows and "
                    "that keeps the episode going. A secondary area is held in mind, not worked "
                    "on. Write down why a tempting area is not the focus."
                ),
                inner,
            )
        )
        column.addLayout(self.form)
        column.addWidget(self.indication)
        column.addWidget(self.rule_out_box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.profile: ManualProfile | None = None
        self.primary.currentIndexChanged.connect(self._areas_changed)
        self.secondary.currentIndexChanged.connect(self._areas_changed)

    def set_profile(self, profile: ManualProfile) -> None:
        self.profile = profile
        focus = [a for a in profile.problem_areas if a.role is Role.FOCUS]
        modifiers = [a for a in profile.problem_areas if a.role is Role.MODIFIER]
        combos = (self.primary, self.secondary, self.stage, self.modifier)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.primary.addItem(self.tr("not chosen"), None)
        self.secondary.addItem(self.tr("none"), None)
        for area in focus:
            self.primary.addItem(area.label, area.id)
            self.secondary.addItem(area.label, area.id)
        self.stage.addItem(self.tr("not chosen"), None)
        for area in profile.problem_areas:
            for stage in area.stages:
                self.stage.addItem(stage.label, stage.id)
        self.modifier.addItem(self.tr("none"), None)
        for area in modifiers:
            self.modifier.addItem(area.label, area.id)
        self.modifier.setVisible(bool(modifiers))
        self.modifier_label.setVisible(bool(modifiers))
        for combo in combos:
            combo.blockSignals(False)
        while self.rule_out_form.rowCount():
            self.rule_out_form.removeRow(0)
        self.rule_outs = {}
        for area in focus:
            edit = QPlainTextEdit(self.rule_out_box)
            edit.setAccessibleName(self.tr("Why it is not {0}").format(area.label))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * RULE_OUT_LINES + 12)
            self.rule_out_form.addRow(self.tr("Why not {0}?").format(area.label), edit)
            self.rule_outs[area.id] = edit
        self.set_people([])
        self._areas_changed()

    def set_people(self, aliases: Sequence[str]) -> None:
        """The people of the trainee's inventory, to say whom each area is about."""
        for combo in (self.primary_person, self.secondary_person):
            chosen = combo.currentText() if combo.currentData() is not None else None
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("nobody named"), None)
            for alias in aliases:
                combo.addItem(alias, alias)
            _pick(combo, chosen)
            combo.blockSignals(False)

    def choose(
        self,
        primary: str | None,
        secondary: str | None = None,
        stage: str | None = None,
        modifier: str | None = None,
    ) -> None:
        _pick(self.primary, primary)
        _pick(self.secondary, secondary)
        _pick(self.stage, stage)
        _pick(self.modifier, modifier)

    def choose_people(self, primary: str | None, secondary: str | None = None) -> None:
        _pick(self.primary_person, primary)
        _pick(self.secondary_person, secondary)

    def values(self) -> tuple[str | None, str | None, str | None, str | None]:
        """(primary, secondary, dispute stage, modifier) as chosen."""
        stage = _value(self.stage) if self.stage.isEnabled() else None
        modifier = _value(self.modifier) if self.modifier.isVisibleTo(self) else None
        return _value(self.primary), _value(self.secondary), stage, modifier

    def people_values(self) -> tuple[str | None, str | None]:
        """(whom the primary area is about, whom the secondary one is about)."""
        secondary = _value(self.secondary_person) if _value(self.secondary) else None
        return _value(self.primary_person), secondary

    def rule_out_texts(self) -> dict[str, str]:
        """Area id → why it is ruled out, for every area with something written."""
        primary = _value(self.primary)
        return {
            area: edit.toPlainText().strip()
            for area, edit in self.rule_outs.items()
            if area != primary and edit.toPlainText().strip()
        }

    def _areas_changed(self, *_: object) -> None:
        primary, secondary = _value(self.primary), _value(self.secondary)
        self.stage.setEnabled(DISPUTE in (primary, secondary))
        self.secondary_person.setEnabled(secondary is not None)
        for area_id, edit in self.rule_outs.items():
            self.rule_out_form.setRowVisible(edit, area_id != primary)
        chosen = self.profile.problem_area(primary) if self.profile and primary else None
        self.indication.setText(chosen.indication if chosen else "")
        self.primary_changed.emit(primary or "")
