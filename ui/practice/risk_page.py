"""The structured risk note of the clinical workspace, written for the fictional case."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from ui.widgets.page import wrapped_label
from ui.workspace.risk_form import RiskNoteForm
from workbench.domain.risk import RiskNote

RISK_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"


class PracticeRiskPage(QWidget):
    """Fields only, as in the workspace; nothing is signed, nothing leaves practice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = wrapped_label("", self)
        self.status.setAccessibleDescription(self.tr("Whether a risk note is needed"))
        self.form = RiskNoteForm()
        # Practice has no open flags to acknowledge and nothing to sign: keep only the fields.
        self.form.save_button.hide()
        self.form.flag_area.hide()
        layout = self.form.layout()
        first = layout.itemAt(0) if layout is not None else None
        caption = first.widget() if first is not None else None
        if caption is not None:
            caption.hide()  # the "acknowledges these open flags" caption
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setAccessibleName(self.tr("Risk note"))
        area.setWidget(self.form)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status)
        column.addWidget(area, 1)
        self.set_positive(False)

    def set_positive(self, positive: bool) -> None:
        """Say whether a suicide item the trainee entered is positive (never whether it is safe)."""
        if positive:
            self.status.setText(
                self.tr(
                    "A suicide item you entered is positive: complete the structured risk note "
                    "(nature and frequency of the thoughts, protective factors, your own risk "
                    "formulation, actions and follow-up)."
                )
            )
            self.status.setStyleSheet(RISK_STYLE)
        else:
            self.status.setText(
                self.tr(
                    "No suicide item you entered is positive. A zero is not an all-clear: "
                    "write a note here whenever the case calls for one."
                )
            )
            self.status.setStyleSheet("")

    def note(self) -> RiskNote | None:
        """The note as written, or None when every field is empty (no note at all)."""
        note = self.form.note()
        written = (
            note.risk_formulation.strip()
            or note.frequency_recency.strip()
            or note.protective_factors.strip()
            or note.actions_taken.strip()
            or note.nature_of_thoughts
            or note.action_checks
            or note.follow_up_date
        )
        return note if written else None
