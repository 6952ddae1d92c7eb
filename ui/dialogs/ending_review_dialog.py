"""End the acute phase with the termination (WMK) or conclusion (S&R) review.

An open risk flag of the client is shown here; the episode ends with it only when the clinician
ticks that it is carried forward (never silently).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from ui.dialogs.course_form import CourseDialog, choice_field, date_field, iso, lines_of
from ui.models.workspace_models import MISSING, flag_line
from ui.session import EPISODE, RECORD, RISK, VaultSession
from workbench.domain.course import NEXT_STEPS, EndingReview
from workbench.domain.episode import Episode
from workbench.domain.risk import RiskFlagView
from workbench.services import course
from workbench.services.vaults import Vault

FirstAndLatest = tuple[str, int | None, int | None, int]  # instrument, first, latest, times given


def scores_text(scores: list[FirstAndLatest]) -> str:
    """'PHQ-9: 19 → 6 (16 times)': the totals only; the clinician judges the change."""
    return "\n".join(
        QCoreApplication.translate("EndingReviewDialog", "{0}: {1} → {2} (given {3}×)").format(
            name, MISSING if first is None else first, MISSING if last is None else last, count
        )
        for name, first, last, count in scores
    )


class EndingReviewDialog(CourseDialog):
    """Progress by measures and goals, what the client did, warning signs, what comes next."""

    def __init__(
        self,
        session: VaultSession,
        episode: Episode,
        held: int,
        open_flags: list[RiskFlagView],
        parent: QWidget | None = None,
        scores: list[FirstAndLatest] | None = None,
    ) -> None:
        super().__init__(session, "", parent)
        wmk = episode.contract.manual_profile != "SR"
        self.setWindowTitle(self.tr("Termination review") if wmk else self.tr("Conclusion review"))
        self.episode_id = episode.id
        self.open_flags = open_flags
        contracted = episode.contract.contracted_sessions
        if held < contracted:  # advice only: the clinician may end earlier
            self.advise(
                self.tr("{0} of {1} contracted sessions are held. You can still end now.").format(
                    held, contracted
                )
            )
        self.scores = QLabel(scores_text(scores or []) or self.tr("No measures given"), self)
        self.add_row(self.tr("First → latest totals"), self.scores)
        self.by_measures = self.add_text(self.tr("Progress by measures"))
        self.by_measures.setPlaceholderText(
            self.tr("Change against the first scores, in your words")
        )
        self.on_goals = self.add_text(self.tr("Progress on the goals"))
        self.client_did = self.add_text(self.tr("What the client did"))
        self.client_did.setPlaceholderText(self.tr("The changes the client made themselves"))
        self.warning_signs = self.add_text(self.tr("Warning signs (one per line)"))
        self.feelings = self.add_text(self.tr("Feelings about ending"), 2)
        self.next_step = choice_field(self, self.tr("What comes next"), NEXT_STEPS)
        self.add_row(self.tr("What comes next"), self.next_step)
        self.end_date = date_field(self, self.tr("End date"))
        self.add_row(self.tr("End date"), self.end_date)
        self.flags_label = QLabel(self)
        self.flags_label.setWordWrap(True)
        self.carry = QCheckBox(self.tr("Carry the open flag forward (it stays open)"), self)
        if open_flags:
            lines = "\n".join(flag_line(flag) for flag in open_flags)
            self.flags_label.setText(
                self.tr("Still open for this client:") + "\n" + lines + "\n"
                + self.tr(
                    "Write a risk note that closes it, or carry it forward: it stays open and "
                    "is shown in the next episode."
                )
            )  # fmt: skip
            self.add_row(self.tr("Risk flags"), self.flags_label)
            self.add_row("", self.carry)
        else:
            self.flags_label.hide()
            self.carry.hide()

    def review(self) -> EndingReview:
        return EndingReview(
            progress_by_measures=self.by_measures.toPlainText().strip(),
            progress_on_goals=self.on_goals.toPlainText().strip(),
            what_the_client_did=self.client_did.toPlainText().strip(),
            warning_signs=lines_of(self.warning_signs),
            next_step=str(self.next_step.currentData()),
            feelings_about_ending=self.feelings.toPlainText().strip(),
        )

    def submit(self) -> None:
        if self.open_flags and not self.carry.isChecked():
            self.refuse(
                self.tr(
                    "A risk flag is still open. Write a risk note that closes it, or tick "
                    "“Carry the open flag forward”."
                )
            )
            return
        work = partial(
            _end,
            episode_id=self.episode_id,
            review=self.review(),
            end_date=iso(self.end_date),
            carry=bool(self.open_flags) and self.carry.isChecked(),
        )
        self.save(work, {EPISODE, RISK, RECORD})


def _end(
    vault: Vault, *, episode_id: int, review: EndingReview, end_date: str, carry: bool
) -> None:
    course.end_acute_phase(vault, episode_id, review, end_date, carry_open_flags=carry)
