"""Feedback on one attempt: score, what was identified and missed, distractors, errors, risk."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.practice.banner import PracticeBanner
from ui.widgets.page import wrapped_label
from workbench.practice import Feedback, Finding, Mark

HARD_FAIL_STYLE = "color: #ffffff; background: #a4262c; padding: 8px; border-radius: 3px;"
HARD_FAIL_FRAME = (
    "QFrame#hardFail { background: #a4262c; border-radius: 3px; }"
    " QFrame#hardFail QLabel { color: #ffffff; background: transparent; }"
)
MARK_WORDS = {
    Mark.IDENTIFIED: QT_TRANSLATE_NOOP("FeedbackPage", "Identified"),
    Mark.MISSED: QT_TRANSLATE_NOOP("FeedbackPage", "Missed"),
    Mark.DISTRACTOR: QT_TRANSLATE_NOOP("FeedbackPage", "Distractor"),
    Mark.ERROR: QT_TRANSLATE_NOOP("FeedbackPage", "Scoring error"),
    Mark.OFF_FOCUS: QT_TRANSLATE_NOOP("FeedbackPage", "Off focus"),
    Mark.NOTE: QT_TRANSLATE_NOOP("FeedbackPage", "Note"),
    Mark.HARD_FAIL: QT_TRANSLATE_NOOP("FeedbackPage", "HARD FAILURE"),
    Mark.STEP_MISSING: QT_TRANSLATE_NOOP("FeedbackPage", "REQUIRED STEP MISSING"),
}
FAILING = (Mark.HARD_FAIL, Mark.STEP_MISSING)


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class FindingView(QFrame):
    """One finding: its mark and label, the question to ask (distractors) and the why."""

    def __init__(self, finding: Finding, parent: QWidget) -> None:
        super().__init__(parent)
        self.finding = finding
        mark = translate("FeedbackPage", MARK_WORDS[finding.mark])
        points = self.tr(" ({0:+d})").format(finding.points) if finding.points else ""
        self.headline = _bold(
            wrapped_label(self.tr("{0}: {1}{2}").format(mark, finding.label, points), self)
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 2, 0, 6)
        column.setSpacing(2)
        column.addWidget(self.headline)
        self.question: QLabel | None = None
        if finding.question:
            self.question = wrapped_label(
                self.tr("Question to ask yourself: {0}").format(" ".join(finding.question.split())),
                self,
            )
            self.question.setAccessibleDescription(self.tr("Question to ask yourself"))
            column.addWidget(self.question)
        self.why: QLabel | None = None
        if finding.why:
            self.why = wrapped_label(
                self.tr("Why: {0}").format(" ".join(finding.why.split())), self
            )
            column.addWidget(self.why)
        self.manual: QLabel | None = None
        if finding.manual or (finding.where and finding.mark is not Mark.IDENTIFIED):
            text = (
                self.tr("What the manual says ({0}): {1}").format(finding.where, finding.manual)
                if finding.manual
                else self.tr("Read: {0}").format(finding.where)
            )
            self.manual = wrapped_label(text, self)
            self.manual.setAccessibleName(self.tr("What the manual says, and where"))
            column.addWidget(self.manual)
        if finding.mark in FAILING:
            self.setObjectName("hardFail")
            self.setStyleSheet(HARD_FAIL_FRAME)
            column.setContentsMargins(10, 8, 10, 8)


class FeedbackPage(QWidget):
    """Emits `back_to_case()`, `back_to_cases()` and `export_requested()`."""

    back_to_case = Signal()
    back_to_cases = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feedback: Feedback | None = None
        self.banner = PracticeBanner(self)
        self.heading = _bold(wrapped_label("", self), 1.3)
        self.score = _bold(wrapped_label("", self), 1.1)
        self.score.setAccessibleDescription(self.tr("Score"))
        self.risk = wrapped_label("", self)
        self.risk.setAccessibleDescription(self.tr("Risk check"))
        self.counts = wrapped_label("", self)
        self.kept = wrapped_label("", self)
        self.kept.setAccessibleName(self.tr("Practice history"))
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(self.tr("Feedback by section"))
        self.inner = QWidget()
        self.sections = QVBoxLayout(self.inner)
        self.area.setWidget(self.inner)
        self.findings: list[FindingView] = []

        self.case_button = QPushButton(self.tr("Back to the &case"), self)
        self.case_button.setAccessibleName(self.tr("Back to the exercise on this case"))
        self.case_button.clicked.connect(self.back_to_case)
        self.cases_button = QPushButton(self.tr("All cases"), self)
        self.cases_button.setAccessibleName(self.tr("Back to the list of cases"))
        self.cases_button.clicked.connect(self.back_to_cases)
        self.export_button = QPushButton(self.tr("&Export practice PDF…"), self)
        self.export_button.setAccessibleName(self.tr("Export the practice PDF for your supervisor"))
        self.export_button.clicked.connect(self.export_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cases_button)
        buttons.addWidget(self.case_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(self.banner)
        column.addWidget(self.heading)
        column.addWidget(self.score)
        column.addWidget(self.risk)
        column.addWidget(self.counts)
        column.addWidget(self.area, 1)
        column.addWidget(self.kept)
        column.addLayout(buttons)

    def show_feedback(self, feedback: Feedback, kept: str) -> None:
        self.feedback = feedback
        locale = QLocale()
        self.heading.setText(
            self.tr("Feedback · case {0}: {1}").format(
                feedback.vignette_id, feedback.vignette_title
            )
        )
        percent = locale.toString(feedback.percent, "f", 1)
        if feedback.caps:
            percent = self.tr("{0} %, capped from {1}").format(
                percent, locale.toString(feedback.raw_percent, "f", 1)
            )
        self.score.setText(
            self.tr("{0} of {1} points ({2} %) · pass mark {3} % · {4}").format(
                locale.toString(feedback.score),
                locale.toString(feedback.max_score),
                percent,
                locale.toString(feedback.pass_percent),
                self._result(feedback),
            )
        )
        self.risk.setText(self.tr("Risk check: {0}").format(feedback.risk_summary))
        self.risk.setStyleSheet("" if feedback.risk_passed else HARD_FAIL_STYLE)
        self.counts.setText(
            self.tr(
                "Identified {0} · missed {1} · distractors chosen {2} · measure scoring errors {3}"
            ).format(
                locale.toString(len(feedback.identified)),
                locale.toString(len(feedback.missed)),
                locale.toString(len(feedback.distractors)),
                locale.toString(len(feedback.measure_errors)),
            )
        )
        self.kept.setText(kept)
        self._fill(feedback)
        self.area.verticalScrollBar().setValue(0)

    def _result(self, feedback: Feedback) -> str:
        if not feedback.risk_passed:
            return self.tr("not passed: the risk check failed")
        if not feedback.primary_correct:
            return self.tr("not passed: primary problem area")
        if feedback.caps:
            return self.tr("not passed: a required step is missing")
        return self.tr("passed") if feedback.passed else self.tr("not passed")

    def _fill(self, feedback: Feedback) -> None:
        while self.sections.count():
            item = self.sections.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.findings = []
        # Hard failures first: a missing risk note outranks every point elsewhere.
        ordered = sorted(
            feedback.sections,
            key=lambda s: not any(f.mark in FAILING for f in s.findings),
        )
        for section in ordered:
            box = QGroupBox(
                self.tr("{0} — {1} of {2}").format(
                    section.title, section.points, section.max_points
                ),
                self.inner,
            )
            box.setAccessibleName(section.title)
            column = QVBoxLayout(box)
            for finding in section.findings:
                view = FindingView(finding, box)
                column.addWidget(view)
                self.findings.append(view)
            self.sections.addWidget(box)
        self.sections.addStretch(1)

    def texts(self) -> list[str]:
        """Every line shown for the findings (for tests and screen readers' checks)."""
        out = []
        for view in self.findings:
            out.append(view.headline.text())
            for extra in (view.question, view.why, view.manual):
                if extra is not None:
                    out.append(extra.text())
        return out
