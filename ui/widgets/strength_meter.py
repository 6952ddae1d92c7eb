"""A live passphrase strength meter: words and a bar, scored by the core off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.tasks import TaskRunner
from ui.widgets.page import wrapped_label
from workbench.errors import WorkbenchError
from workbench.services.vaults import Strength, strength

DEBOUNCE_MS = 250
CONTEXT = "StrengthMeter"
LEVELS = (
    QT_TRANSLATE_NOOP("StrengthMeter", "very weak"),
    QT_TRANSLATE_NOOP("StrengthMeter", "weak"),
    QT_TRANSLATE_NOOP("StrengthMeter", "fair"),
    QT_TRANSLATE_NOOP("StrengthMeter", "strong"),
    QT_TRANSLATE_NOOP("StrengthMeter", "very strong"),
)
EMPTY = Strength(0, False, "")
Evaluate = Callable[[str], Strength]


class StrengthMeter(QWidget):
    """Call `set_passphrase` on every edit; `evaluated(Strength)` follows once typing pauses.

    Scoring a long passphrase can take a second (see workbench.store.passphrase.strength), so it
    runs on the meter's own worker, only for the latest text, after a short pause in typing.
    """

    evaluated = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        evaluate: Evaluate = strength,
    ) -> None:
        super().__init__(parent)
        self._evaluate = evaluate
        self._runner = TaskRunner(self)
        self._text = ""
        self._verdict: Strength | None = EMPTY
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start)

        self.bar = QProgressBar(self)
        self.bar.setRange(0, len(LEVELS) - 1)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = wrapped_label("", self)
        self.label.setObjectName("strengthText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.setAccessibleName(self.tr("Passphrase strength"))
        self._show(EMPTY)

    @property
    def verdict(self) -> Strength | None:
        """The score of the text now typed, or None while it is still being scored."""
        return self._verdict

    @property
    def pending(self) -> bool:
        return self._verdict is None

    def set_passphrase(self, text: str) -> None:
        self._text = text
        if not text:
            self._timer.stop()
            self._verdict = EMPTY
            self._show(EMPTY)
            self.evaluated.emit(EMPTY)
            return
        self._verdict = None
        self._timer.start()

    def _start(self) -> None:
        if self._runner.busy:  # the running job's result is stale; _done starts the next one
            return
        text = self._text
        self._runner.submit(partial(self._evaluate, text), partial(self._done, text), self._failed)

    def _done(self, text: str, verdict: Strength) -> None:
        if text != self._text:
            if self._text and not self._timer.isActive():
                self._start()
            return
        self._verdict = verdict
        self._show(verdict)
        self.evaluated.emit(verdict)

    def _failed(self, _error: WorkbenchError) -> None:
        self._verdict = EMPTY
        self._show(EMPTY)
        self.evaluated.emit(EMPTY)

    def _show(self, verdict: Strength) -> None:
        if not self._text:
            text = self.tr("Strength: nothing typed yet.")
            self.bar.setValue(0)
        else:
            level = translate(CONTEXT, LEVELS[max(0, min(verdict.score, len(LEVELS) - 1))])
            self.bar.setValue(verdict.score)
            if verdict.acceptable:
                text = self.tr("Strength: {0}. Long enough and hard to guess.").format(level)
            else:
                text = self.tr("Strength: {0}. {1}").format(level, verdict.hint).strip()
        self.label.setText(text)
        self.bar.setAccessibleDescription(text)
        self.setAccessibleDescription(text)
