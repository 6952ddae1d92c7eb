"""Risk: flags (open first), the structured risk note that closes them, past signed notes."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_models import RiskFlagsModel, RiskNotesModel, flag_course, flag_line
from ui.session import RISK, VaultSession
from ui.widgets.risk_banner import RiskBanner
from ui.workspace.base import WorkspacePage
from ui.workspace.form_drafts import FormDraftKeeper
from ui.workspace.note_editor import bold_label, text_box
from ui.workspace.risk_form import RiskNoteForm, describe
from workbench.domain.notes import Note
from workbench.domain.risk import RiskFlagView
from workbench.errors import WorkbenchError
from workbench.services import risk
from workbench.services.form_drafts import RISK_NOTE
from workbench.services.vaults import Vault

Loaded = tuple[list[RiskFlagView], list[Note]]


def _load(vault: Vault, episode_id: int) -> Loaded:
    return risk.flags(vault, episode_id), risk.risk_notes(vault, episode_id)


def course_flag_line(flag: RiskFlagView, episode_id: int) -> str:
    """The banner's line for an open flag, with where it came from in the course."""
    course = flag_course(flag, episode_id)
    return f"{flag_line(flag)} — {course}" if course else flag_line(flag)


def open_first(flags: list[RiskFlagView]) -> list[RiskFlagView]:
    """Open flags first, each group newest first."""
    newest = sorted(flags, key=lambda f: (f.raised_at, f.id), reverse=True)
    return sorted(newest, key=lambda f: not f.open)


def _table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class RiskPage(WorkspacePage):
    """Records and shows; it never rates risk, advises, or calls anything safe."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Risk")

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self.banner = RiskBanner(self, always_show_notice=True)
        self.flags_model = RiskFlagsModel(self, episode_id=episode_id)
        self.flags_table = _table(self, self.flags_model, self.tr("Risk flags, open first"))
        self.notes_model = RiskNotesModel(self)
        self.notes_table = _table(self, self.notes_model, self.tr("Signed risk notes"))
        self.notes_table.selectionModel().currentRowChanged.connect(self._note_chosen)
        self.note_text = text_box(self, self.tr("Selected risk note"), lines=6, grow=True)
        self.note_text.setReadOnly(True)
        self.form = RiskNoteForm(self)
        self.form.save_button.clicked.connect(self.save)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleDescription(self.tr("Message"))
        # One risk-note draft per episode (ref ''); the flag ticks follow the open flags instead.
        self.drafts = FormDraftKeeper(
            session.vault, self.run, episode_id, RISK_NOTE, lambda _ref: self.form.draft(), self
        )
        self.form.edited.connect(lambda: self.drafts.edited(""))
        self.drafts.restored.connect(
            lambda _ref: self._say(self.tr("Draft restored: this risk note is not signed yet."))
        )
        self.drafts.failed.connect(self._say)
        self._build_layout()

    def _build_layout(self) -> None:
        left_widget = QWidget(self)
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(bold_label(self.tr("Risk flags"), self))
        left.addWidget(self.flags_table, 2)
        left.addWidget(bold_label(self.tr("Signed risk notes (newest first)"), self))
        left.addWidget(self.notes_table, 2)
        left.addWidget(self.note_text, 3)
        left_widget.setMinimumWidth(220)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right_widget = QWidget(self)
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(bold_label(self.tr("Write a risk note"), self))
        right.addWidget(scroll, 1)
        right.addWidget(self.notice)
        right_widget.setMinimumWidth(300)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def reload(self) -> None:
        work = partial(_load, self.vault, self.episode_id)
        self.load(work, self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        flags, notes = loaded
        ordered = open_first(flags)
        self.flags_model.set_rows(ordered)
        still_open = [f for f in ordered if f.open]
        self.banner.set_flags([course_flag_line(f, self.episode_id) for f in still_open])
        self.form.set_open_flags(still_open)
        self.notes_model.set_rows(notes)
        self.note_text.clear()
        if notes:
            self.notes_table.selectRow(0)
        self.drafts.show("", self.form.restore)

    def _note_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.note_text.setPlainText(describe(self.notes_model.row_at(current.row())))

    def confirm_save(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Sign the risk note?"),
            self.tr("The risk note is signed when saved and can never be changed. Save it now?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        note = self.form.note()
        problems = note.problems()
        if problems:
            self._say(" ".join(problems))
            return
        if not self.confirm_save():
            return
        flag_ids = self.form.chosen_flags()
        self.drafts.stash()  # kept if signing fails; discarded with the signing otherwise
        work = partial(risk.write_risk_note, self.vault, self.episode_id, note, flag_ids)
        self.write(work, partial(self._saved, len(flag_ids)), {RISK})

    def _saved(self, closed: int, _note_id: int) -> None:
        self.drafts.forget("")
        with self.drafts.quiet():
            self.form.reset()
        self._say(
            self.tr("Risk note signed; it closed %n flag(s).", "", closed)
            if closed
            else self.tr("Risk note signed.")
        )
        self.reload()

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.message.emit(text)

    def show_error(self, error: WorkbenchError) -> None:
        self.notice.setText(error.user_message)
        super().show_error(error)

    def flush(self) -> None:
        """Save the risk note being written now (before a lock or close)."""
        self.drafts.flush()

    def clear(self) -> None:
        self.drafts.clear()
        self.banner.clear()
        self.flags_model.clear()
        self.notes_model.clear()
        self.note_text.clear()
        with self.drafts.quiet():
            self.form.reset()
        self.notice.clear()
