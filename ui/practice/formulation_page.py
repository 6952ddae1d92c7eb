"""The formulation sections (S&R order) in the workspace's own section fields."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from ui.widgets.formulation_parts import sections_box
from ui.widgets.page import wrapped_label


class FormulationSectionsPage(QWidget):
    """`sections()` gives the non-empty sections by key, as the attempt stores them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setAccessibleName(self.tr("Formulation sections"))
        inner = QWidget()
        inner_column = QVBoxLayout(inner)
        self.box = sections_box(inner)
        inner_column.addWidget(self.box)
        inner_column.addStretch(1)
        area.setWidget(inner)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            wrapped_label(
                self.tr(
                    "Write each section in your own words. The feedback only checks that a "
                    "section the case needs is written; your supervisor reads what it says."
                ),
                self,
            )
        )
        column.addWidget(area, 1)

    def sections(self) -> dict[str, str]:
        return {key: text for key, text in self.box.value().items() if text}

    def clear(self) -> None:
        self.box.clear()
