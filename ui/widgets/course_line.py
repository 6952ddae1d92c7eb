"""The client's course as a line of episodes: kind, dates, sessions held, renegotiations, ending.

`CourseLine.set_course(course_history(vault, client_id))`; `clear()` before a lock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QWidget

from ui.widgets.date_fields import show_date, vocab
from workbench.domain.course import ENDING_NAMES
from workbench.domain.episode import EpisodeKind
from workbench.services.course import CourseEntry


class CourseLine(QScrollArea):
    """One chip per episode, oldest on the left; the current (last) episode in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Course of episodes"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._row_widget = QWidget(self)
        self._row = QHBoxLayout(self._row_widget)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self._row_widget)
        self.chips: list[QLabel] = []

    def chip_text(self, entry: CourseEntry) -> str:
        episode = entry.episode
        contract = episode.contract
        profile = "S&R" if contract.manual_profile == "SR" else contract.manual_profile
        if episode.kind is EpisodeKind.MAINTENANCE:
            kind = self.tr("Maintenance (IPT-M)")
        elif episode.kind is EpisodeKind.CONTINUATION:
            kind = self.tr("Continuation ({0})").format(profile)
        else:
            kind = self.tr("Acute IPT ({0})").format(profile)
        if episode.end_date:
            dates = self.tr("{0} – {1}").format(
                show_date(episode.start_date), show_date(episode.end_date)
            )
        else:
            dates = self.tr("from {0}, ongoing").format(show_date(episode.start_date))
        lines = [
            kind,
            dates,
            self.tr("{0} of {1} sessions held").format(
                entry.sessions_held, contract.contracted_sessions
            ),
        ]
        for change in entry.changes:
            lines.append(
                self.tr("renegotiated {0} → {1} on {2}").format(
                    change.old_sessions, change.new_sessions, show_date(change.changed_on)
                )
            )
        if entry.maintenance_contract is not None:
            plan = entry.maintenance_contract
            lines.append(
                self.tr("{0}, review on {1}").format(
                    vocab(plan.frequency), show_date(plan.review_date)
                )
            )
        if entry.ending_review is not None:
            ending = vocab(ENDING_NAMES.get(contract.manual_profile, "termination"))
            lines.append(self.tr("ended with the {0} review").format(ending))
            lines.append(self.tr("next: {0}").format(vocab(entry.ending_review.next_step)))
        elif episode.ended:
            lines.append(self.tr("ended"))
        return "\n".join(lines)

    def set_course(self, course: list[CourseEntry]) -> None:
        self.clear()
        for index, entry in enumerate(course):
            if index:
                arrow = QLabel("→", self._row_widget)
                arrow.setAccessibleName(self.tr("then"))
                self._row.addWidget(arrow)
            chip = QLabel(self.chip_text(entry), self._row_widget)
            chip.setAccessibleName(chip.text())  # a screen reader reads the label by its name
            chip.setFrameShape(QFrame.Shape.StyledPanel)
            chip.setMargin(6)
            chip.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if index == len(course) - 1:
                font = QFont(chip.font())
                font.setBold(True)
                chip.setFont(font)
            self._row.addWidget(chip)
            self.chips.append(chip)
        self._row.addStretch(1)

    def clear(self) -> None:
        """Forget every episode shown (before a lock)."""
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.clear()
            if widget is not None:
                widget.deleteLater()
        self.chips = []
