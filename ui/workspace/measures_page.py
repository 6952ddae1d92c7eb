"""Measures: administer PHQ-9/GAD-7 (official wording), enter HAM-D-17/EPDS scores, see trends."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_models import local_date
from ui.session import MEASURES, RISK, VaultSession
from ui.widgets.announce import announce
from ui.widgets.date_fields import show_number
from ui.widgets.risk_banner import RiskBanner
from ui.workspace.base import WorkspacePage
from ui.workspace.form_drafts import FormDraftKeeper
from ui.workspace.measure_form import MeasureForm, form_for
from ui.workspace.measure_history import HistoryPanel
from workbench.errors import WorkbenchError
from workbench.measures import INSTRUMENTS, Score, Trend, score
from workbench.services import measures, workspace_reads
from workbench.services.form_drafts import MEASURE
from workbench.services.vaults import Vault
from workbench.services.workspace_reads import AdministrationRow, SessionRow

HISTORY_BESIDE_WIDTH = 1100  # page width where the chart fits beside the questionnaire
Loaded = tuple[list[AdministrationRow], list[SessionRow], Trend]


def _load(vault: Vault, episode_id: int) -> Loaded:
    return (
        workspace_reads.administration_rows(vault, episode_id),
        workspace_reads.session_rows(vault, episode_id),
        measures.episode_trend(vault, episode_id),
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
            form.completed.connect(self._answered_all)
            self.forms[instrument.id] = form
            self.stack.addWidget(form)
            self.instrument.addItem(instrument.id, instrument.id)
        self.instrument.currentIndexChanged.connect(self._instrument_changed)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.session = QComboBox(self)
        self.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.session.activated.connect(self._session_chosen)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
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
        self.history = HistoryPanel(self)
        self.history.void_requested.connect(self.void)
        self.chart, self.model, self.table = (
            self.history.chart,
            self.history.model,
            self.history.table,
        )
        self.history_button = QPushButton(self.tr("C&hart and history"), self)
        self.history_button.setCheckable(True)
        self.history_button.toggled.connect(self._history_toggled)
        self.history_button.clicked.connect(self._history_clicked)
        self._history_auto = True
        self._build_layout()
        self._instrument_changed(0)
        self._fill_sessions()

    def _build_layout(self) -> None:
        chooser = QHBoxLayout()
        for text, field in (
            (self.tr("&Measure"), self.instrument),
            (self.tr("&Session"), self.session),
            (self.tr("&Date given"), self.date),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)  # the field is named by its label, for screen readers too
            chooser.addWidget(label)
            chooser.addWidget(field)
        chooser.addStretch(1)  # the chart button sits with Record: the row fits 1024 px
        self.form_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        scroll.setMinimumWidth(360)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.record_button)
        self.history.setMinimumWidth(300)
        self.history.setVisible(False)  # until the page knows its width
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 3)  # the questionnaire gets the room
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        self.setMinimumSize(480, 420)

    def _answered_all(self) -> None:
        self.record_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _history_toggled(self, _shown: bool) -> None:
        self._arrange()

    def _history_clicked(self) -> None:
        self._history_auto = False  # the clinician chose; width no longer decides

    def _arrange(self) -> None:
        """Chart and history beside the questionnaire where both fit; in a narrower page
        they take its place while the button is down, so neither is ever squeezed."""
        shown, wide = self.history_button.isChecked(), self.width() >= HISTORY_BESIDE_WIDTH
        self.history.setVisible(shown)
        self.form_scroll.setVisible(wide or not shown)
        self.history_button.setText(
            self.tr("Back to the &questionnaire")
            if shown and not wide
            else self.tr("C&hart and history")
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._history_auto:
            self.history_button.setChecked(self.width() >= HISTORY_BESIDE_WIDTH)
        self._arrange()

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
        given, self._sessions, trend = loaded
        self.model.set_rows(list(reversed(given)))
        self.chart.set_trend(trend)
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

    def confirm_incomplete(self, result: Score) -> bool:
        """Ask before recording an administration that will have no total."""
        missing = ", ".join(str(n) for n in result.missing_items)
        answer = QMessageBox.question(
            self,
            self.tr("Record an incomplete {0}?").format(result.instrument),
            self.tr(
                "Items {0} have no answer. An incomplete administration has no total and is "
                "never counted in the trend, the baseline or the outcomes. Record it anyway?"
            ).format(missing),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def record(self) -> None:
        result = self.current_score()
        if result.answered == 0:
            self.notice.setText(self.tr("Enter at least one answer before recording."))
            return
        if not result.complete and not self.confirm_incomplete(result):
            self._say(self.tr("Not recorded: the answers are still on the form."))
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
        said = self.tr("{0} recorded: {1}.").format(result.instrument, total)
        self.notice.setText(said)
        announce(self.notice, said)
        lines = [flag.banner for flag in result.risk_flags]
        self.banner.set_flags(lines, self.tr("Write a risk note on the Risk page."))
        if lines:
            announce(
                self.banner, self.tr("New risk flag: {0}").format(" ".join(lines)), urgent=True
            )
        self.drafts.forget(result.instrument)
        with self.drafts.quiet():
            self.forms[result.instrument].reset()
        self.reload()

    def ask_void_reason(self, row: AdministrationRow) -> str | None:
        """The reason for voiding *row*, or None when the clinician cancels."""
        total = self.tr("incomplete") if row.total is None else show_number(row.total)
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Void this administration?"),
            self.tr(
                "{0} of {1}, total {2}. A void administration is kept and shown struck "
                "through, but never counted again. This cannot be undone.\n\nReason:"
            ).format(row.instrument, local_date(row.administered_on), total),
        )
        return reason if ok else None

    def void(self, row: AdministrationRow) -> None:
        reason = self.ask_void_reason(row)
        if reason is None:
            return
        if not reason.strip():
            self._say(self.tr("Not voided: give a reason (for example: wrong client)."))
            return
        work = partial(measures.void, self.vault, row.id, reason)
        self.write(work, partial(self._voided, row), {MEASURES})

    def _voided(self, row: AdministrationRow, _episode_id: int) -> None:
        said = self.tr("{0} of {1} is void; it is no longer counted.").format(
            row.instrument, local_date(row.administered_on)
        )
        self._say(said)
        announce(self.notice, said)
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
        self.history.clear()
        self.banner.clear()
        self.notice.clear()
        self._fill_sessions()
        self.date.setDate(QDate.currentDate())
