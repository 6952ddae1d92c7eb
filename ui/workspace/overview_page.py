"""Overview: phase and session N of M, what is still open, reminders, risk banner, measures."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_models import OpenItemsModel, flag_line, local_date
from ui.session import VaultSession
from ui.widgets.date_fields import show_number
from ui.widgets.risk_banner import RiskBanner
from ui.widgets.trend_chart import Sparkline
from ui.workspace.base import WorkspacePage
from workbench.measures import Outcome, get_instrument
from workbench.services import workspace_reads
from workbench.services.workspace_reads import MeasureSummary, Overview

TEXT_COLUMN = 2


def _label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class MeasureTile(QWidget):
    """One instrument's latest total and band, a sparkline and the outcome captions."""

    def __init__(self, instrument: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.name = _label(instrument, self, wrap=False)
        font = QFont(self.name.font())
        font.setBold(True)
        self.name.setFont(font)
        self.value = _label("", self)
        self.value.setAccessibleName(self.tr("Latest {0}").format(instrument))
        self.sparkline = Sparkline(self)
        self.caption = _label("", self)
        self.caption.setAccessibleName(self.tr("{0} response and remission").format(instrument))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
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
        when = local_date(summary.latest_on)
        if summary.latest_total is None:
            latest = self.tr("incomplete (no total; never prorated)")
        else:
            latest = self.tr("{0} · {1}").format(
                show_number(summary.latest_total), summary.latest_band
            )
        self.value.setText(latest)
        self.sparkline.set_values(summary.totals, get_instrument(self.instrument).max_total)
        given = self.tr("Last given {0}.").format(when)
        self.caption.setText(f"{given}\n{self._outcomes(summary)}")

    def _outcomes(self, summary: MeasureSummary) -> str:
        progress = summary.progress
        if progress is None:
            return self.tr("Response and remission need a baseline and a later administration.")
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


class OverviewPage(WorkspacePage):
    """Where the course stands; everything here advises, nothing blocks."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Overview")

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self.banner = RiskBanner(self)
        self.phase = _label("", self, wrap=False)
        font = QFont(self.phase.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.phase.setFont(font)
        self.phase.setAccessibleName(self.tr("Phase"))
        self.session_line = _label("", self)
        self.session_line.setAccessibleName(self.tr("Session and phase"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Sessions held of contracted"))
        self.progress.setMinimumWidth(240)
        self.progress.setMaximumWidth(320)
        self.progress.hide()

        self.items_model = OpenItemsModel(self)
        self.items_view = QTableView(self)
        self.items_view.setModel(self.items_model)
        self.items_view.setAccessibleName(self.tr("Checklist items still open, required first"))
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.setWordWrap(True)
        self.items_view.verticalHeader().hide()
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._fit_rows = QTimer(self)  # row heights follow the wrapped text once layout settles
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.items_view.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.items_model.modelReset.connect(self._fit_rows.start)
        self.items_empty = _label("", self)

        self.reminders = _label("", self)
        self.reminders.setAccessibleName(self.tr("Reminders"))
        self.tiles = {i: MeasureTile(i, self) for i in workspace_reads.OVERVIEW_INSTRUMENTS}
        self._build_layout()

    def _build_layout(self) -> None:
        heading = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(self.phase)
        text.addWidget(self.session_line)
        heading.addLayout(text, 1)
        heading.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignBottom)

        open_box = QGroupBox(self.tr("Still open (required first)"), self)
        open_layout = QVBoxLayout(open_box)
        open_layout.addWidget(self.items_empty)
        open_layout.addWidget(self.items_view, 1)

        reminder_box = QGroupBox(self.tr("Reminders (advice only; nothing is blocked)"), self)
        QVBoxLayout(reminder_box).addWidget(self.reminders)
        measure_box = QGroupBox(self.tr("Symptom measures"), self)
        measure_layout = QVBoxLayout(measure_box)
        for tile in self.tiles.values():
            measure_layout.addWidget(tile)
        side = QVBoxLayout()
        side.addWidget(reminder_box)
        side.addWidget(measure_box)
        side.addStretch(1)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        side_widget.setMinimumWidth(300)
        side_widget.setMaximumWidth(440)

        body = QHBoxLayout()
        body.addWidget(open_box, 3)
        body.addWidget(side_widget, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(heading)
        layout.addLayout(body, 1)
        self.setMinimumSize(640, 420)

    def reload(self) -> None:
        work = partial(workspace_reads.overview, self.vault, self.episode_id)
        self.load(work, self._show)

    def _show(self, overview: Overview) -> None:
        status = overview.status
        self.phase.setText(status.phase_label)
        self.session_line.setText(
            self.tr("{0} · {1}").format(status.session_label, status.phase_label)
        )
        held, contracted = overview.sessions_held, overview.contracted
        self.progress.setVisible(contracted > 0)
        self.progress.setRange(0, max(contracted, held, 1))
        self.progress.setValue(held)
        self.progress.setFormat(status.session_label)
        self.items_model.set_rows(status.open_items)
        self.items_empty.setText("" if status.open_items else self.tr("Nothing open."))
        self.items_empty.setVisible(not status.open_items)
        self.reminders.setText(
            "\n".join(f"• {r}" for r in status.reminders) or self.tr("No reminders.")
        )
        lines = [flag_line(flag) for flag in overview.open_flags]
        self.banner.set_flags(lines, self.tr("Write a risk note on the Risk page."))
        shown = {s.instrument: s for s in overview.measures}
        for instrument, tile in self.tiles.items():
            tile.show_summary(shown.get(instrument))

    def clear(self) -> None:
        self.banner.clear()
        self.phase.clear()
        self.session_line.clear()
        self.progress.hide()
        self.progress.reset()
        self.items_model.clear()
        self.items_empty.clear()
        self.reminders.clear()
        for tile in self.tiles.values():
            tile.clear()
