"""A loaded rating form as a grid of spin boxes (one per item; "n/a" below the scale)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from workbench.services import fidelity

NOT_RATED = "n/a"


class RatingGrid(QWidget):
    """The items of the first loaded form of *kind*; `ratings()` leaves unrated items out."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = fidelity.forms(kind)[0]
        form = self.form
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        anchors = ", ".join(f"{value} = {label}" for value, label in form.anchors)
        self.scale = QLabel(self.tr("{0}. Scale: {1}.").format(form.label, anchors), self)
        self.scale.setWordWrap(True)
        layout.addRow(self.scale)
        self.boxes: dict[str, QSpinBox] = {}
        for item in form.items:
            box = QSpinBox(self)
            box.setRange(form.minimum - 1, form.maximum)  # the lowest value means "not rated"
            box.setSpecialValueText(self.tr(NOT_RATED))
            box.setValue(form.minimum - 1)
            box.setAccessibleName(item.text)
            box.setToolTip(anchors)
            label = QLabel(item.text, self)
            label.setWordWrap(True)
            label.setBuddy(box)
            layout.addRow(label, box)
            self.boxes[item.id] = box

    def ratings(self) -> dict[str, int | None]:
        unrated = self.form.minimum - 1
        return {key: box.value() for key, box in self.boxes.items() if box.value() != unrated}

    def set_ratings(self, ratings: dict[str, int | None]) -> None:
        for key, box in self.boxes.items():
            value = ratings.get(key)
            box.setValue(self.form.minimum - 1 if value is None else value)
