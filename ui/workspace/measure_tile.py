"""One instrument on the overview: latest total and band, the change, a sparkline, outcomes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ui.models.workspace_models import local_date
from ui.widgets.date_fields import show_number
from ui.widgets.trend_chart import Sparkline
from workbench.measures import Outcome, get_instrument
from workbench.services.workspace_reads import MeasureSummary


def _label(text: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def signed(change: int) -> str:
    """+3, −2 (a real minus sign) or ±0."""
    if change == 0:
        return "±0"
    return ("+" if change > 0 else "−") + show_number(abs(change))


class MeasureTile(QWidget):
    """Labels keep their own text (what a screen reader reads); the name says which measure."""

    def __init__(self, instrument: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.name = _label(instrument, self, wrap=False)
        font = QFont(self.name.font())
        font.setBold(True)
        self.name.setFont(font)
        self.value = _label("", self)
        self.sparkline = Sparkline(self)
        self.sparkline.setAccessibleName(self.tr("{0} totals over time").format(instrument))
        self.caption = _label("", self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.value, 0, 1)
        grid.addWidget(self.sparkline, 0, 2)
        grid.addWidget(self.caption, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.clear()

    def show_summary(self, summary: MeasureSummary | None) -> None:
        if summary is None:
            self.value.setText(self.tr("Not given in this episode yet."))
            self.sparkline.clear()
            self.caption.clear()
            return
        if summary.latest_total is None:
            latest = self.tr("incomplete (no total; never prorated)")
        else:
            latest = self.tr("{0} · {1}").format(
                show_number(summary.latest_total), summary.latest_band
            )
        self.value.setText(latest)
        self.sparkline.set_values(summary.totals, get_instrument(self.instrument).max_total)
        lines = [self.tr("Last given {0}.").format(local_date(summary.latest_on))]
        if len(summary.totals) >= 2:
            change = self.tr("{0} since the one before").format(
                signed(summary.totals[-1] - summary.totals[-2])
            )
            progress = summary.progress
            if progress is not None and progress.baseline is not None:
                change += self.tr("; {0} since the baseline ({1})").format(
                    signed(summary.totals[-1] - progress.baseline),
                    show_number(progress.baseline),
                )
            lines.append(change + ".")
        lines.append(self._outcomes(summary))
        self.caption.setText("\n".join(lines))

    def _outcomes(self, summary: MeasureSummary) -> str:
        progress = summary.progress
        if progress is None:
            return self.tr(
                "Response and remission need a complete baseline and a later administration."
            )
        lines = [self._outcome(progress.response)]
        if progress.remission is not None:
            lines.append(self._outcome(progress.remission))
        return "\n".join(lines)

    def _outcome(self, outcome: Outcome) -> str:
        if outcome.reason:
            return self.tr("{0}: {1}").format(outcome.caption, outcome.reason)
        return outcome.caption

    def clear(self) -> None:
        self.value.clear()
        self.caption.clear()
        self.sparkline.clear()
