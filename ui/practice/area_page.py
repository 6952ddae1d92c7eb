"""Choose the problem area, an acceptable secondary, the dispute stage and (S&R) the modifier."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.page import wrapped_label
from workbench.protocol import ManualProfile, Role

DISPUTE = "role_dispute"


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
        self.primary = QComboBox(self)
        self.primary.setAccessibleName(self.tr("Primary problem area"))
        self.secondary = QComboBox(self)
        self.secondary.setAccessibleName(self.tr("Secondary problem area"))
        self.stage = QComboBox(self)
        self.stage.setAccessibleName(self.tr("Dispute stage"))
        self.modifier = QComboBox(self)
        self.modifier.setAccessibleName(self.tr("Modifier"))
        self.indication = wrapped_label("", self)
        self.indication.setAccessibleName(self.tr("What the manual says about the chosen area"))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.addRow(self.tr("&Primary problem area"), self.primary)
        self.form.addRow(self.tr("&Secondary area (optional)"), self.secondary)
        self.form.addRow(self.tr("Dispute s&tage"), self.stage)
        self.modifier_label = QLabel(self.tr("&Modifier"), self)
        self.modifier_label.setBuddy(self.modifier)
        self.form.addRow(self.modifier_label, self.modifier)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            wrapped_label(
                self.tr(
                    "Choose the one area the work will focus on: the one the onset follows and "
                    "that keeps the episode going. A secondary area is held in mind, not worked on."
                ),
                self,
            )
        )
        column.addLayout(self.form)
        column.addWidget(self.indication)
        column.addStretch(1)
        self.profile: ManualProfile | None = None
        self.primary.currentIndexChanged.connect(self._areas_changed)
        self.secondary.currentIndexChanged.connect(self._areas_changed)

    def set_profile(self, profile: ManualProfile) -> None:
        self.profile = profile
        focus = [a for a in profile.problem_areas if a.role is Role.FOCUS]
        modifiers = [a for a in profile.problem_areas if a.role is Role.MODIFIER]
        for combo in (self.primary, self.secondary, self.stage, self.modifier):
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
        for combo in (self.primary, self.secondary, self.stage, self.modifier):
            combo.blockSignals(False)
        self._areas_changed()

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

    def values(self) -> tuple[str | None, str | None, str | None, str | None]:
        """(primary, secondary, dispute stage, modifier) as chosen."""
        stage = _value(self.stage) if self.stage.isEnabled() else None
        modifier = _value(self.modifier) if self.modifier.isVisibleTo(self) else None
        return _value(self.primary), _value(self.secondary), stage, modifier

    def _areas_changed(self, *_: object) -> None:
        primary, secondary = _value(self.primary), _value(self.secondary)
        self.stage.setEnabled(DISPUTE in (primary, secondary))
        area = self.profile.problem_area(primary) if self.profile and primary else None
        self.indication.setText(area.indication if area else "")
        self.primary_changed.emit(primary or "")
