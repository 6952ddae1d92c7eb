"""Fidelity records from the desktop: a session's adherence self-rating and the case summary
for supervision (clinician's paragraph, diagnosis as recorded, sick role, questions)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QScrollArea, QWidget

from ui.dialogs.record_dialog import RecordDialog
from ui.session import EPISODE, SESSIONS, VaultSession
from ui.widgets.date_fields import OptionalDate, show_date, text_box
from ui.widgets.rating_grid import RatingGrid
from workbench.domain.fidelity import CaseSummary, SessionRating
from workbench.services import episodes, fidelity
from workbench.services.vaults import Vault

SessionChoices = tuple[list[tuple[int, int, str, str]], dict[int, SessionRating]]


def load_sessions(vault: Vault, client_id: int) -> SessionChoices:
    """The current course's sessions and the self-ratings already given, by session id."""
    episode = episodes.current_episode(vault, client_id)
    rated = {r.session_id: r for r in fidelity.session_ratings(vault, episode.id)}
    return episodes.sessions(vault, episode.id), rated


class SessionRatingDialog(RecordDialog):
    """Rate one session of the current course on the shipped adherence self-rating form."""

    def __init__(
        self, session: VaultSession, client_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, self.tr("Session adherence self-rating"), parent)
        self.resize(640, 620)
        self._rated: dict[int, SessionRating] = {}
        self.session_choice = QComboBox(self.inputs)
        self.session_choice.setAccessibleName(self.tr("Session"))
        self.session_choice.currentIndexChanged.connect(self._session_changed)
        self.form.addRow(self.tr("&Session:"), self.session_choice)
        self.grid = RatingGrid("self-rating", self.inputs)
        scroll = QScrollArea(self.inputs)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        scroll.setMinimumHeight(300)
        self.form.addRow(scroll)
        self.deviations = text_box(self.tr("Deviations from the protocol, and why"), self.inputs)
        self.form.addRow(self.tr("&Deviations and why:"), self.deviations)
        self.recorded = QCheckBox(self.tr("The session was recorded"), self.inputs)
        self.reviewed = QCheckBox(self.tr("I reviewed the recording"), self.inputs)
        self.form.addRow(self.tr("Recording:"), self.recorded)
        self.form.addRow("", self.reviewed)
        self.load(lambda vault: load_sessions(vault, client_id))

    def loaded(self, value: SessionChoices) -> None:
        held, self._rated = value
        self.session_choice.clear()
        for session_id, number, day, _attendance in held:
            mark = self.tr(" (rated)") if session_id in self._rated else ""
            label = self.tr("Session {0}, {1}").format(number, show_date(day)) + mark
            self.session_choice.addItem(label, session_id)
        self.session_choice.setCurrentIndex(self.session_choice.count() - 1)
        if not held:
            self.show_message(self.tr("No sessions recorded in this course yet."))
            self.save_button.setEnabled(False)

    def _session_changed(self, _index: int) -> None:
        previous = self._rated.get(self.session_choice.currentData())
        self.grid.set_ratings(previous.ratings if previous else {})
        self.deviations.setPlainText(previous.deviations if previous else "")
        self.recorded.setChecked(bool(previous and previous.recorded))
        self.reviewed.setChecked(bool(previous and previous.recording_reviewed))

    def save(self) -> None:
        session_id = self.session_choice.currentData()
        if session_id is None:
            return
        rating = SessionRating(
            session_id=int(session_id),
            form_id=self.grid.form.id,
            ratings=self.grid.ratings(),
            deviations=self.deviations.toPlainText(),
            recorded=self.recorded.isChecked(),
            recording_reviewed=self.reviewed.isChecked(),
        )
        self.write(lambda vault: fidelity.rate_session(vault, rating), {SESSIONS})

    def clear_fields(self) -> None:
        self.session_choice.clear()
        self.deviations.setPlainText("")
        self.grid.set_ratings({})


class CaseSummaryDialog(RecordDialog):
    """The clinician's case summary for supervision, saved on the current course."""

    def __init__(
        self, session: VaultSession, client_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, self.tr("Case summary for supervision"), parent)
        self._episode_id: int | None = None
        self.summary = text_box(self.tr("Case summary"), self.inputs, lines=6)
        self.form.addRow(self.tr("Case &summary (one paragraph):"), self.summary)
        self.diagnosis = QLineEdit(self.inputs)
        self.diagnosis.setAccessibleName(self.tr("Diagnosis as recorded"))
        self.diagnosis.setPlaceholderText(self.tr("as written in the record, with its code"))
        self.form.addRow(self.tr("&Diagnosis as recorded:"), self.diagnosis)
        self.sick_role = OptionalDate(self.tr("Sick role given on"), self.inputs)
        self.form.addRow(self.tr("Sick role:"), self.sick_role)
        self.questions = text_box(self.tr("Questions for supervision"), self.inputs, lines=4)
        self.form.addRow(self.tr("&Questions for supervision (one a line):"), self.questions)

        def read(vault: Vault) -> tuple[int, CaseSummary]:
            episode = episodes.current_episode(vault, client_id)
            return episode.id, fidelity.case_summary(vault, episode.id)

        self.load(read)

    def loaded(self, value: tuple[int, CaseSummary]) -> None:
        self._episode_id, summary = value
        self.summary.setPlainText(summary.summary)
        self.diagnosis.setText(summary.diagnosis)
        self.sick_role.set_value(summary.sick_role_given_on)
        self.questions.setPlainText(summary.questions)
        self.summary.setFocus()

    def save(self) -> None:
        episode_id = self._episode_id
        if episode_id is None:
            return
        summary = CaseSummary(
            summary=self.summary.toPlainText().strip(),
            diagnosis=self.diagnosis.text().strip(),
            sick_role_given_on=self.sick_role.value(),
            questions=self.questions.toPlainText().strip(),
        )
        self.write(lambda vault: fidelity.save_case_summary(vault, episode_id, summary), {EPISODE})

    def clear_fields(self) -> None:
        for box in (self.summary, self.questions):
            box.setPlainText("")
        self.diagnosis.setText("")
