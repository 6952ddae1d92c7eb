"""Overview at a glance: focus, goals, next session, latest scores with change, open risk and
the next required checklist items (finished phases folded); a new client can start session 1."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_models import OpenItemsModel, flag_line, local_date
from ui.session import EPISODE, SESSIONS, VaultSession
from ui.widgets.announce import announce
from ui.widgets.course_line import CourseLine
from ui.widgets.date_fields import show_number
from ui.widgets.risk_banner import RiskBanner
from ui.workspace.base import WorkspacePage
from ui.workspace.measure_tile import MeasureTile
from workbench.errors import WorkbenchError
from workbench.services import course, glance, sessions, workspace_reads
from workbench.services.glance import SHOWN_ITEMS, Glance, PhaseLine

TEXT_COLUMN = 2
SHOWN_GOALS = 3


def _label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


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
        self.phase = _bold(_label("", self, wrap=False), 1.4)
        self.session_line = _label("", self)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Sessions held of contracted"))
        self.progress.setMinimumWidth(200)
        self.progress.setMaximumWidth(320)
        self.progress.hide()
        # Values are plain labels next to their field names: their text is what is read.
        self.focus = _label("", self)
        self.goals = _label("", self)
        self.next_session = _label("", self)
        self.start_button = QPushButton(self.tr("&Start session 1 today"), self)
        self.start_button.setToolTip(self.tr("Record session 1 as held today, with a draft note"))
        self.start_button.clicked.connect(self.start_first_session)
        self.start_button.hide()
        self.risk_line = _label("", self)
        self.tiles = {i: MeasureTile(i, self) for i in workspace_reads.OVERVIEW_INSTRUMENTS}
        self.required = _label("", self)
        self.reminders = _label("", self)
        self.notice = _label("", self)
        self.items_model = OpenItemsModel(self)
        self.items_view = QTableView(self)
        self.items_view.setModel(self.items_model)
        self.items_view.setAccessibleName(self.tr("Every checklist item still open"))
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.setWordWrap(True)
        self.items_view.verticalHeader().hide()
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.items_model.modelReset.connect(self.items_view.resizeRowsToContents)
        self.items_view.setMinimumHeight(240)
        self.items_view.hide()
        self.all_items_button = QPushButton(self.tr("Show &every open item"), self)
        self.all_items_button.setCheckable(True)
        self.all_items_button.toggled.connect(self._show_all_items)
        self.course = CourseLine(self)
        self._build_layout()

    def _build_layout(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(self.phase, 1)
        heading.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        self.session_line.hide()  # the progress bar and the chart header say it already

        facts = QGroupBox(self.tr("At a glance"), self)
        grid = QGridLayout(facts)
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Focus"), self.focus),
            (self.tr("Goals"), self.goals),
            (self.tr("Next session"), self.next_session),
            (self.tr("Open risk"), self.risk_line),
        ]
        for n, (name, value) in enumerate(rows):
            grid.addWidget(_bold(_label(name, facts, wrap=False)), n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, n, 1)
        grid.addWidget(self.start_button, len(rows), 1, Qt.AlignmentFlag.AlignLeft)
        scores = QGroupBox(self.tr("Latest scores"), self)
        score_layout = QVBoxLayout(scores)
        for tile in self.tiles.values():
            score_layout.addWidget(tile)
        left = QVBoxLayout()
        left.addWidget(facts)
        left.addWidget(scores)
        left.addStretch(1)

        checklist = QGroupBox(self.tr("Next required items"), self)
        check_layout = QVBoxLayout(checklist)
        check_layout.addWidget(self.required)
        check_layout.addWidget(self.all_items_button, 0, Qt.AlignmentFlag.AlignLeft)
        check_layout.addWidget(self.items_view, 1)
        reminder_box = QGroupBox(self.tr("Reminders (advice only; nothing is blocked)"), self)
        QVBoxLayout(reminder_box).addWidget(self.reminders)
        right = QVBoxLayout()
        right.addWidget(checklist, 1)
        right.addWidget(reminder_box)

        content = QWidget(self)
        body = QHBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        scroll = QScrollArea(self)  # a short window scrolls; nothing is ever squeezed
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(heading)
        layout.addWidget(self.course)  # the course as a line of episodes
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        self.setMinimumSize(560, 420)

    def reload(self) -> None:
        self.load(partial(glance.glance, self.vault, self.episode_id), self._show)
        history = partial(course.course_history, self.vault, self.client_id)
        self.load(history, self.course.set_course, "course")

    def _show(self, seen: Glance) -> None:
        overview = seen.overview
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
        self.focus.setText(seen.focus or self.tr("Not chosen yet (Formulation page)."))
        self.goals.setText(self._goals(seen.goals))
        self.next_session.setText(self._next(seen))
        self.start_button.setVisible(seen.not_started)
        flags = [flag_line(flag) for flag in overview.open_flags]
        self.risk_line.setText(
            self.tr("{0} open flag(s): see the banner above.").format(show_number(len(flags)))
            if flags
            else self.tr("No open flag.")
        )
        self.banner.set_flags(flags, self.tr("Write a risk note on the Risk page."))
        shown = {s.instrument: s for s in overview.measures}
        for instrument, tile in self.tiles.items():
            tile.show_summary(shown.get(instrument))
        self.required.setText(self._required(seen.phases, seen.not_started))
        self.items_model.set_rows(status.open_items)
        self.all_items_button.setVisible(bool(status.open_items))
        self.reminders.setText(
            "\n".join(f"• {r}" for r in status.reminders) or self.tr("No reminders.")
        )

    def _goals(self, goals: tuple[str, ...]) -> str:
        if not goals:
            return self.tr("None recorded yet (Formulation page).")
        lines = [f"• {g}" for g in goals[:SHOWN_GOALS]]
        if len(goals) > SHOWN_GOALS:
            lines.append(self.tr("and {0} more").format(show_number(len(goals) - SHOWN_GOALS)))
        return "\n".join(lines)

    def _next(self, seen: Glance) -> str:
        due = local_date(seen.next_due)
        if seen.not_started:
            return self.tr("Session 1 is not recorded yet (course starts {0}).").format(due)
        contracted = seen.overview.contracted
        number = (
            self.tr("Session {0} of {1}").format(seen.next_number, contracted)
            if contracted > 0
            else self.tr("Session {0}").format(seen.next_number)
        )
        return self.tr("{0} · due around {1} ({2})").format(number, due, seen.frequency)

    def _required(self, phases: tuple[PhaseLine, ...], not_started: bool) -> str:
        if not phases:
            return (
                self.tr("The checklist starts with session 1.")
                if not_started
                else self.tr("Nothing open.")
            )
        lines: list[str] = []
        budget = SHOWN_ITEMS  # the next few, earliest phase first
        for line in phases:
            if line.done:  # a finished phase folds into one line
                lines.append(self.tr("✓ {0}: every required item done").format(line.label))
                continue
            lines.append(
                self.tr("{0}: {1} required open").format(
                    line.label, show_number(len(line.required_open))
                )
            )
            shown = line.required_open[:budget]
            budget -= len(shown)
            lines += [f"   • {text}" for text in shown]
            if len(line.required_open) > len(shown):
                more = show_number(len(line.required_open) - len(shown))
                lines.append("   " + self.tr("and {0} more required").format(more))
        recommended = sum(line.recommended_open for line in phases)
        if recommended:
            lines.append(self.tr("{0} recommended item(s) open.").format(show_number(recommended)))
        return "\n".join(lines)

    def _show_all_items(self, shown: bool) -> None:
        self.items_view.setVisible(shown)
        self.all_items_button.setText(
            self.tr("Hide the full list") if shown else self.tr("Show &every open item")
        )

    def start_first_session(self) -> None:
        today = QDate.currentDate().toString(Qt.DateFormat.ISODate)
        work = partial(sessions.record_session, self.vault, self.episode_id, today)
        self.start_button.setEnabled(False)
        self.write(work, self._started, {SESSIONS, EPISODE}, on_error=self._start_failed)

    def _started(self, _ids: tuple[int, int]) -> None:
        self.start_button.setEnabled(True)
        said = self.tr("Session 1 recorded for today; write its note on the Sessions page.")
        self.notice.setText(said)
        self.message.emit(said)
        announce(self.notice, said)
        self.reload()

    def _start_failed(self, error: WorkbenchError) -> None:
        self.start_button.setEnabled(True)
        self.notice.setText(error.user_message)
        self.show_error(error)

    def clear(self) -> None:
        self.banner.clear()
        self.course.clear()
        for label in (
            self.phase,
            self.session_line,
            self.focus,
            self.goals,
            self.next_session,
            self.risk_line,
            self.required,
            self.reminders,
            self.notice,
        ):
            label.clear()
        self.start_button.hide()
        self.progress.hide()
        self.progress.reset()
        self.items_model.clear()
        for tile in self.tiles.values():
            tile.clear()
