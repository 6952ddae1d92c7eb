"""A busy bar for the status bar that appears only when work on the task runner is slow."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.tasks import TaskRunner

SLOW_AFTER_MS = 400


class SlowWorkIndicator(QWidget):
    """Shows the running job's plain description after *delay_ms*, with Cancel when it may stop.

    Quick work never flickers a bar: nothing is shown unless the job is still running when the
    delay runs out. Jobs run one at a time, so the oldest announced job is the one shown.
    """

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, delay_ms: int = SLOW_AFTER_MS
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._jobs: dict[int, tuple[str, bool]] = {}
        self._shown: int | None = None
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(delay_ms)
        self._delay.timeout.connect(self._show_oldest)

        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # indeterminate: the core reports no fraction done
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(120)
        self.bar.setAccessibleName(self.tr("Work in progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the work in progress"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.hide()

        runner.work_started.connect(self._started)
        runner.work_ended.connect(self._ended)

    @property
    def delay_ms(self) -> int:
        return self._delay.interval()

    def set_delay(self, delay_ms: int) -> None:
        self._delay.setInterval(delay_ms)

    @property
    def shown_job(self) -> int | None:
        return self._shown

    def _started(self, job_id: int, description: str, cancellable: bool) -> None:
        self._jobs[job_id] = (description, cancellable)
        if self._shown is None and not self._delay.isActive():
            self._delay.start()

    def _ended(self, job_id: int) -> None:
        self._jobs.pop(job_id, None)
        if self._shown is not None and job_id != self._shown:
            return
        self._shown = None
        self.hide()
        if self._jobs:
            self._delay.start()  # the next job gets its own grace period
        else:
            self._delay.stop()

    def _show_oldest(self) -> None:
        if not self._jobs:
            return
        job_id = next(iter(self._jobs))
        description, cancellable = self._jobs[job_id]
        self._shown = job_id
        self.text.setText(description)
        self.bar.setAccessibleDescription(description)
        self.cancel_button.setVisible(cancellable)
        self.show()

    def cancel(self) -> None:
        """Stop the job shown (the runner discards its result and says it ended)."""
        if self._shown is not None:
            self._runner.cancel(self._shown)

    def reset(self) -> None:
        """Forget every announced job and hide (on lock, after the runner was cancelled)."""
        self._delay.stop()
        self._jobs.clear()
        self._shown = None
        self.text.clear()
        self.hide()
