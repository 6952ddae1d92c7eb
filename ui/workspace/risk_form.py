"""The structured risk note of ipt-reference §11.2: every judgement is the clinician's own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.models.workspace_models import flag_line, local_date
from ui.widgets.date_fields import vocab
from ui.workspace.note_editor import bold_label, text_box
from workbench.domain.notes import Note
from workbench.domain.risk import ACTIONS, NATURE_OF_THOUGHTS, RiskFlagView, RiskNote

COLUMNS = 2


def _checks(parent: QWidget, labels: Sequence[str], name: str) -> tuple[QWidget, list[QCheckBox]]:
    area = QWidget(parent)
    area.setAccessibleName(name)
    grid = QGridLayout(area)
    grid.setContentsMargins(0, 0, 0, 0)
    boxes = []
    for n, label in enumerate(labels):
        box = QCheckBox(label, area)
        grid.addWidget(box, n // COLUMNS, n % COLUMNS)
        boxes.append(box)
    return area, boxes


class RiskNoteForm(QWidget):
    """Fields only: the app never fills in, suggests or rates anything here."""

    edited = Signal()  # the clinician changed a field of the note (not the flag ticks)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 8)
        layout.addWidget(bold_label(self.tr("This note acknowledges these open flags"), self))
        self.flag_area = QWidget(self)
        self.flag_area.setAccessibleName(self.tr("Open flags this note closes"))
        self.flag_layout = QVBoxLayout(self.flag_area)
        self.flag_layout.setContentsMargins(0, 0, 0, 0)
        self.no_flags = QLabel(self.tr("No open flags."), self.flag_area)
        self.flag_layout.addWidget(self.no_flags)
        layout.addWidget(self.flag_area)
        self.flag_boxes: dict[int, QCheckBox] = {}

        nature_title = self.tr("Nature of thoughts")
        layout.addWidget(bold_label(nature_title, self))
        area, self.nature_boxes = _checks(
            self, [vocab(n) for n in NATURE_OF_THOUGHTS], nature_title
        )
        layout.addWidget(area)
        # The labels the rule's messages name (workbench.domain.risk_rule.REQUIRED_TEXT).
        self.frequency = self._field(
            layout,
            self.tr("What was asked and what the client said (frequency and recency) (required)"),
            3,
        )
        self.protective = self._field(layout, self.tr("Protective factors (required)"), 3)
        self.formulation = self._field(
            layout, self.tr("Your summary in your own words (required)"), 4
        )
        self.actions_text = self._field(layout, self.tr("Actions taken (required)"), 3)
        area, self.action_boxes = _checks(self, [vocab(a) for a in ACTIONS], self.tr("Actions"))
        layout.addWidget(area)

        follow = QHBoxLayout()
        self.follow_up_set = QCheckBox(self.tr("Follow-up date (required)"), self)
        self.follow_up = QDateEdit(QDate.currentDate(), self)
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setAccessibleName(self.tr("Follow-up date"))
        self.follow_up.setEnabled(False)
        self.follow_up_set.toggled.connect(self.follow_up.setEnabled)
        follow.addWidget(self.follow_up_set)
        follow.addWidget(self.follow_up)
        follow.addStretch(1)
        layout.addLayout(follow)
        self.save_button = QPushButton(self.tr("Sign and save risk note…"), self)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        for text in self._texts().values():
            text.textChanged.connect(self.edited)
        for check in [*self.nature_boxes, *self.action_boxes, self.follow_up_set]:
            check.toggled.connect(self.edited)
        self.follow_up.dateChanged.connect(self.edited)

    def _texts(self) -> dict[str, QPlainTextEdit]:
        return {
            "frequency_recency": self.frequency,
            "protective_factors": self.protective,
            "risk_formulation": self.formulation,
            "actions_taken": self.actions_text,
        }

    def draft(self) -> dict[str, Any]:
        """What is typed or ticked so far (empty when nothing is), for the autosaved draft."""
        body: dict[str, Any] = {k: b.toPlainText() for k, b in self._texts().items()}
        body["nature_of_thoughts"] = list(_ticked(self.nature_boxes, NATURE_OF_THOUGHTS))
        body["action_checks"] = list(_ticked(self.action_boxes, ACTIONS))
        if self.follow_up_set.isChecked():
            body["follow_up_date"] = self.follow_up.date().toString(Qt.DateFormat.ISODate)
        return {key: value for key, value in body.items() if value}

    def restore(self, body: dict[str, Any]) -> None:
        """Put a saved draft back into the fields (unknown or malformed parts are skipped)."""
        for key, text in self._texts().items():
            value = body.get(key)
            text.setPlainText(value if isinstance(value, str) else "")
        for boxes, values, key in (
            (self.nature_boxes, NATURE_OF_THOUGHTS, "nature_of_thoughts"),
            (self.action_boxes, ACTIONS, "action_checks"),
        ):
            ticked = body.get(key) or []
            for check, value in zip(boxes, values, strict=True):
                check.setChecked(value in ticked)
        day = QDate.fromString(str(body.get("follow_up_date") or ""), Qt.DateFormat.ISODate)
        self.follow_up_set.setChecked(day.isValid())
        self.follow_up.setDate(day if day.isValid() else QDate.currentDate())

    def _field(self, layout: QVBoxLayout, title: str, lines: int) -> QPlainTextEdit:
        label = bold_label(title, self)
        box = text_box(self, title, lines)
        label.setBuddy(box)
        layout.addWidget(label)
        layout.addWidget(box)
        return box

    def set_open_flags(self, flags: Sequence[RiskFlagView]) -> None:
        """One ticked checkbox per open flag; the clinician unticks what the note does not cover."""
        for box in self.flag_boxes.values():
            self.flag_layout.removeWidget(box)
            box.setParent(None)  # gone from the page now, not at the next event loop
            box.deleteLater()
        self.flag_boxes = {}
        for flag in flags:
            box = QCheckBox(flag_line(flag), self.flag_area)
            box.setChecked(True)
            self.flag_layout.addWidget(box)
            self.flag_boxes[flag.id] = box
        self.no_flags.setVisible(not flags)

    def chosen_flags(self) -> list[int]:
        return [flag_id for flag_id, box in self.flag_boxes.items() if box.isChecked()]

    def note(self) -> RiskNote:
        return RiskNote(
            risk_formulation=self.formulation.toPlainText(),
            nature_of_thoughts=_ticked(self.nature_boxes, NATURE_OF_THOUGHTS),
            frequency_recency=self.frequency.toPlainText(),
            protective_factors=self.protective.toPlainText(),
            actions_taken=self.actions_text.toPlainText(),
            action_checks=_ticked(self.action_boxes, ACTIONS),
            follow_up_date=self.follow_up.date().toString(Qt.DateFormat.ISODate)
            if self.follow_up_set.isChecked()
            else None,
        )

    def reset(self) -> None:
        for box in (self.frequency, self.protective, self.formulation, self.actions_text):
            box.clear()
        for check in [*self.nature_boxes, *self.action_boxes]:
            check.setChecked(False)
        self.follow_up_set.setChecked(False)
        self.follow_up.setDate(QDate.currentDate())
        self.set_open_flags(())


def _ticked(boxes: list[QCheckBox], values: Sequence[str]) -> tuple[str, ...]:
    return tuple(value for box, value in zip(boxes, values, strict=True) if box.isChecked())


def describe(note: Note) -> str:
    """A signed risk note as plain text, field by field, in the clinician's words."""
    body = note.body
    sig = note.signature
    thoughts = ", ".join(vocab(n) for n in body.get("nature_of_thoughts", []))
    actions = ", ".join(vocab(a) for a in body.get("action_checks", []))
    lines = [
        translate("RiskNote", "Signed by {0} on {1}").format(
            sig.signed_by if sig else "", local_date(sig.signed_at if sig else "")
        ),
        translate("RiskNote", "Nature of thoughts: {0}").format(thoughts),
        translate("RiskNote", "What was asked and what the client said: {0}").format(
            body.get("frequency_recency", "")
        ),
        translate("RiskNote", "Protective factors: {0}").format(body.get("protective_factors", "")),
        translate("RiskNote", "Your summary: {0}").format(body.get("risk_formulation", "")),
        translate("RiskNote", "Actions taken: {0}").format(body.get("actions_taken", "")),
        translate("RiskNote", "Actions: {0}").format(actions),
        translate("RiskNote", "Follow-up: {0}").format(local_date(body.get("follow_up_date"))),
    ]
    return "\n".join(lines)
