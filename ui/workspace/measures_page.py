"""Measures: administer PHQ-9/GAD-7 (official wording), enter HAM-D-17/EPDS scores, see trends."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_models import AdministrationsModel, local_date
from ui.session import MEASURES, RISK, VaultSession
from ui.widgets.date_fields import show_number
from ui.widgets.risk_banner import RiskBanner
from ui.widgets.trend_chart import Series, TrendChart
from ui.workspace.base import WorkspacePage
from ui.workspace.form_drafts import FormDraftKeeper
from ui.workspace.measure_form import MeasureForm, form_for
from workbench.errors import WorkbenchError
from workbench.measures import INSTRUMENTS, Score, score
from workbench.services import measures, workspace_reads
from workbench.services.form_drafts import MEASURE
from workbench.services.vaults import Vault
from workbench.services.workspace_reads import AdministrationRow, SessionRow

CHARTED = ("PHQ-9", "GAD-7")
PHQ9_CUTS = (5, 10, 15, 20)  # GAD-7 shares 5/10/15 (ipt-reference §10.1, §10.2)
Loaded = tuple[list[AdministrationRow], list[SessionRow]]


def _load(vault: Vault, episode_id: int) -> Loaded:
    return (
        workspace_reads.administration_rows(vault, episode_id),
        workspace_reads.session_rows(vault, episode_id),
    )


class MeasuresPage(WorkspacePage):
    """Nothing is scored here but through workbench.measures; nothing here advises."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Measures")

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self._sessions: list[SessionRow] = []
        self.instrument = QComboBox(self)
        self.instrument.setAccessibleName(self.tr("Measure"))
        self.stack = QStackedWidget(self)
        self.forms: dict[str, MeasureForm] = {}
        # Answers entered but not yet recorded: one draft per instrument (ref = instrument id).
        self.drafts = FormDraftKeeper(
            session.vault, self.run, episode_id, MEASURE, lambda ref: self.forms[ref].draft(), self
        )
        self.drafts.restored.connect(self._draft_restored)
        self.drafts.failed.connect(self._say)
        for instrument in INSTRUMENTS.values():
            form = form_for(instrument, self.stack)
            form.changed.connect(self._update_score)
            form.changed.connect(partial(self.drafts.edited, instrument.id))
            self.forms[instrument.id] = form
            self.stack.addWidget(form)
            self.instrument.addItem(instrument.id, instrument.id)
        self.instrument.currentIndexChanged.connect(self._instrument_changed)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Date given"))
        self.session = QComboBox(self)
        self.session.setAccessibleName(self.tr("Session"))
        self.session.activated.connect(self._session_chosen)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Total and band"))
        font = QFont(self.result.font())
        font.setBold(True)
        self.result.setFont(font)
        self.clear_button = QPushButton(self.tr("Clear answers"), self)
        self.clear_button.clicked.connect(lambda: self.form.reset())
        self.record_button = QPushButton(self.tr("Record"), self)
        self.record_button.clicked.connect(self.record)
        self.banner = RiskBanner(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Message"))
        self.chart = TrendChart(self)
        self.model = AdministrationsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Past administrations, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._build_layout()
        self._instrument_changed(0)
        self._fill_sessions()

    def _build_layout(self) -> None:
        chooser = QFormLayout()
        chooser.addRow(self.tr("&Measure"), self.instrument)
        chooser.addRow(self.tr("&Session"), self.session)
        chooser.addRow(self.tr("&Date given"), self.date)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.record_button)
        left_widget = QWidget(self)
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(chooser)
        left.addWidget(scroll, 1)
        left.addLayout(buttons)
        left.addWidget(self.banner)
        left.addWidget(self.notice)
        left_widget.setMinimumWidth(480)
        right_widget = QSplitter(Qt.Orientation.Vertical, self)
        right_widget.addWidget(self.chart)
        right_widget.addWidget(self.table)
        right_widget.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)  # the form must fit its four answer columns
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        self.setMinimumSize(820, 520)

    @property
    def form(self) -> MeasureForm:
        return self.forms[str(self.instrument.currentData())]

    def _instrument_changed(self, _index: int) -> None:
        for form in self.forms.values():  # the scroll area sizes to the shown form only
            shown = form is self.form
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            form.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(self.form)
        self.stack.adjustSize()
        self._update_score()

    def current_score(self) -> Score:
        form = self.form
        return score(form.instrument.id, form.responses(), difficulty=form.difficulty())

    def _update_score(self) -> None:
        result = self.current_score()
        instrument = self.form.instrument
        if result.complete:
            text = self.tr("Total {0} of {1} · {2}").format(
                show_number(result.total or 0), show_number(instrument.max_total), result.band
            )
            if instrument.bands_configurable:  # bands not standardised: say which set
                text += f" ({result.band_set})"
            self.result.setText(text)
        elif result.answered == 0:
            self.result.setText(self.tr("No answers yet."))
        else:
            missing = ", ".join(str(n) for n in result.missing_items)
            self.result.setText(
                self.tr("Incomplete: no total (never prorated). Unanswered: {0}").format(missing)
            )

    def _fill_sessions(self) -> None:
        self.session.clear()
        self.session.addItem(self.tr("No session"), None)
        for row in self._sessions:
            label = self.tr("Session {0} · {1}").format(row.number, local_date(row.held_on))
            self.session.addItem(label, row.session_id)
        self.session.setCurrentIndex(self.session.count() - 1)
        self._session_chosen(self.session.currentIndex())

    def _session_chosen(self, index: int) -> None:
        if 0 < index <= len(self._sessions):  # the measure was given on that session's day
            day = QDate.fromString(self._sessions[index - 1].held_on, Qt.DateFormat.ISODate)
            self.date.setDate(day)

    def reload(self) -> None:
        work = partial(_load, self.vault, self.episode_id)
        self.load(work, self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        given, self._sessions = loaded
        self.model.set_rows(list(reversed(given)))
        series = [Series(name, _points(given, name)) for name in CHARTED]
        marks = [(s.number, s.held_on) for s in self._sessions]
        self.chart.set_data(series, marks, maximum=INSTRUMENTS["PHQ-9"].max_total, cuts=PHQ9_CUTS)
        chosen = self.session.currentData()
        self._fill_sessions()
        if chosen is not None and (at := self.session.findData(chosen)) >= 0:
            self.session.setCurrentIndex(at)
            self._session_chosen(at)
        for instrument_id, form in self.forms.items():
            self.drafts.show(instrument_id, form.restore)

    def _draft_restored(self, instrument_id: str) -> None:
        """Show the form whose unrecorded answers came back, and say so."""
        self.instrument.setCurrentIndex(self.instrument.findData(instrument_id))
        self._update_score()
        self._say(self.tr("Draft restored: {0} answers not recorded yet.").format(instrument_id))

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.message.emit(text)

    def record(self) -> None:
        result = self.current_score()
        if result.answered == 0:
            self.notice.setText(self.tr("Enter at least one answer before recording."))
            return
        form = self.form
        self.drafts.stash()  # kept if recording fails; discarded with the recording otherwise
        work = partial(
            measures.record,
            self.vault,
            self.episode_id,
            form.instrument.id,
            form.responses(),
            administered_on=self.date.date().toString(Qt.DateFormat.ISODate),
            session_id=self.session.currentData(),
            difficulty=form.difficulty(),
        )
        self.write(work, self._recorded, {MEASURES, RISK})

    def _recorded(self, recorded: measures.Recorded) -> None:
        result = recorded.score
        total = self.tr("incomplete") if result.total is None else show_number(result.total)
        self.notice.setText(self.tr("{0} recorded: {1}.").format(result.instrument, total))
        lines = [flag.banner for flag in result.risk_flags]
        self.banner.set_flags(lines, self.tr("Write a risk note on the Risk page."))
        self.drafts.forget(result.instrument)
        with self.drafts.quiet():
            self.forms[result.instrument].reset()
        self.reload()

    def show_error(self, error: WorkbenchError) -> None:
        self.notice.setText(error.user_message)
        super().show_error(error)

    def flush(self) -> None:
        """Save answers entered but not recorded now (before a lock or close)."""
        self.drafts.flush()

    def clear(self) -> None:
        self._sessions = []
        self.drafts.clear()
        with self.drafts.quiet():
            for form in self.forms.values():
                form.reset()
        self.model.clear()
        self.chart.clear()
        self.banner.clear()
        self.notice.clear()
        self._fill_sessions()
        self.date.setDate(QDate.currentDate())


def _points(given: list[AdministrationRow], instrument: str) -> tuple[tuple[str, int], ...]:
    """(date, total) of the complete administrations of *instrument*."""
    return tuple(
        (a.administered_on, a.total)
        for a in given
        if a.instrument == instrument and a.total is not None
    )
