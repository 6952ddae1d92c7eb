"""The Practice window: its own main window, no clinical vault opened, created or unlocked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QStackedWidget, QWidget

from ui.practice.exercise_page import ExercisePage
from ui.practice.feedback_page import FeedbackPage
from ui.practice.jobs import Scored, score_and_record, write_practice_pdf, write_progress_pdf
from ui.practice.picker_page import PickerPage
from ui.practice.progress_page import ProgressPage
from ui.tasks import TaskRunner
from workbench.errors import WorkbenchError
from workbench.practice import (
    AttemptRecord,
    PracticeStore,
    Vignette,
    VignetteError,
)
from workbench.practice.library import library
from workbench.practice.progress import progress, trainees

MIN_WIDTH, MIN_HEIGHT = 960, 640


class PracticeWindow(QMainWindow):
    """Picker → exercise → feedback, every screen under the PRACTICE banner."""

    def __init__(self, store: PracticeStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PRACTICE — fictional case · IPT Workbench"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.runner = TaskRunner(self)
        self._store = store
        self.vignettes: tuple[Vignette, ...] = ()
        self.scored: Scored | None = None
        self.picker = PickerPage(self)
        self.exercise = ExercisePage(self)
        self.feedback = FeedbackPage(self)
        self.progress = ProgressPage(self)
        self.stack = QStackedWidget(self)
        for page in (self.picker, self.exercise, self.feedback, self.progress):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.picker.start_requested.connect(self.open_case)
        self.exercise.back_requested.connect(self.show_picker)
        self.exercise.feedback_requested.connect(self.get_feedback)
        self.feedback.back_to_case.connect(lambda: self.stack.setCurrentWidget(self.exercise))
        self.feedback.back_to_cases.connect(self.show_picker)
        self.feedback.export_requested.connect(self.export_pdf)
        self.picker.progress_requested.connect(self.show_progress)
        self.progress.back_requested.connect(self.show_picker)
        self.progress.trainee_changed.connect(lambda _name: self.show_progress())
        self.progress.export_requested.connect(self.export_progress)
        self.show_picker()

    def store(self) -> PracticeStore:
        """The practice history (data_dir()/practice): opened on first use, never a vault."""
        if self._store is None:
            self._store = PracticeStore()
        return self._store

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    # ----- picker ----------------------------------------------------------------------------

    def show_picker(self) -> None:
        problems: list[str] = []
        try:
            found = library()
            self.vignettes = found.vignettes
            problems += found.problems
        except VignetteError as exc:
            self.vignettes = ()
            problems.append(exc.user_message)
        records: list[AttemptRecord] = []
        try:
            records = self.store().attempts()
        except WorkbenchError as exc:
            problems.append(exc.user_message)
        self.picker.show_cases(self.vignettes, records, "\n".join(problems))
        self.stack.setCurrentWidget(self.picker)

    def open_case(self, vignette_id: str) -> None:
        vignette = next((v for v in self.vignettes if v.id == vignette_id), None)
        if vignette is None:
            return
        if self.exercise.vignette is None or self.exercise.vignette.id != vignette.id:
            self.exercise.load(vignette)
        self.stack.setCurrentWidget(self.exercise)

    # ----- progress --------------------------------------------------------------------------

    def show_progress(self) -> None:
        """The progress view for the trainee chosen there (everyone at first)."""
        try:
            records = self.store().attempts()
        except WorkbenchError as exc:
            self.picker.message.setText(exc.user_message)
            self.picker.message.show()
            return
        chosen = self.progress.chosen_trainee()
        names = trainees(records)
        if chosen not in names:
            chosen = ""
        self.progress.set_trainees(names, chosen)
        self.progress.show_progress(progress(records, self.vignettes, chosen))
        self.progress.message.setText("")
        self.stack.setCurrentWidget(self.progress)

    def export_progress(self) -> None:
        report = self.progress.progress
        if report is None or self.runner.busy:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        target = self.ask_pdf_path(Path(folder or Path.home()) / "practice-progress.pdf")
        if target is None:
            return
        self.progress.export_button.setEnabled(False)
        self.runner.submit(
            lambda: write_progress_pdf(report, target),
            self._progress_exported,
            self._progress_export_failed,
            description=self.tr("Writing the progress PDF"),
        )

    def _progress_exported(self, written: Path) -> None:
        self.progress.export_button.setEnabled(True)
        self.progress.message.setText(self.tr("Progress PDF saved: {0}").format(written))

    def _progress_export_failed(self, error: WorkbenchError) -> None:
        self.progress.export_button.setEnabled(True)
        self.progress.message.setText(
            self.tr("The progress PDF could not be written: {0}").format(error.user_message)
        )

    # ----- feedback --------------------------------------------------------------------------

    def get_feedback(self) -> None:
        vignette = self.exercise.vignette
        if vignette is None or self.runner.busy:
            return
        try:
            store = self.store()
        except WorkbenchError as exc:
            self.exercise.show_message(exc.user_message)
            return
        attempt = self.exercise.attempt()
        self.exercise.show_message("")
        self.exercise.set_busy(True)
        self.runner.submit(
            lambda: score_and_record(store, vignette, attempt),
            self._scored,
            self._score_failed,
            description=self.tr("Scoring the practice attempt"),
        )

    def _scored(self, scored: Scored) -> None:
        self.exercise.set_busy(False)
        self.scored = scored
        if scored.record is not None:
            kept = self.tr(
                "Kept as practice attempt {0} in your practice history (not in any clinical vault)."
            ).format(scored.record.id)
        else:
            kept = scored.problem
        self.feedback.show_feedback(scored.feedback, kept)
        self.stack.setCurrentWidget(self.feedback)

    def _score_failed(self, error: WorkbenchError) -> None:
        self.exercise.set_busy(False)
        self.exercise.show_message(
            self.tr("The attempt could not be scored: {0}").format(error.user_message)
        )

    # ----- PDF -------------------------------------------------------------------------------

    def ask_pdf_path(self, suggested: Path) -> Path | None:
        """The file dialog (the edge tests replace)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export practice PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def export_pdf(self) -> None:
        scored = self.scored
        if scored is None or self.runner.busy:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        target = self.ask_pdf_path(
            Path(folder or Path.home()) / f"practice-{scored.vignette.id}.pdf"
        )
        if target is None:
            return
        self.feedback.export_button.setEnabled(False)
        self.runner.submit(
            lambda: write_practice_pdf(scored, target),
            self._exported,
            self._export_failed,
            description=self.tr("Writing the practice PDF"),
        )

    def _exported(self, written: Path) -> None:
        self.feedback.export_button.setEnabled(True)
        self.feedback.kept.setText(self.tr("Practice PDF saved: {0}").format(written))

    def _export_failed(self, error: WorkbenchError) -> None:
        self.feedback.export_button.setEnabled(True)
        self.feedback.kept.setText(
            self.tr("The practice PDF could not be written: {0}").format(error.user_message)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel_all()
        super().closeEvent(event)
