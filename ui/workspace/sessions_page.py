"""Sessions: the list, the structured note (autosaved drafts), signing, addenda, process notes."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_models import SessionsModel, attendance_label, local_date
from ui.session import EPISODE, MEASURES, RISK, SESSIONS, VaultSession
from ui.workspace.base import WorkspacePage
from ui.workspace.form_drafts import FormDraftKeeper
from ui.workspace.note_editor import ProcessNotesPanel, SessionNotePane
from ui.workspace.session_drafts import DraftKeeper
from workbench.domain.notes import Note
from workbench.errors import WorkbenchError
from workbench.protocol import techniques
from workbench.services import episodes, risk, sessions, workspace_reads
from workbench.services.form_drafts import ADDENDUM
from workbench.services.held_drafts import Body
from workbench.services.vaults import Vault
from workbench.services.workspace_reads import SessionRow

ATTENDANCE = ("attended", "cancelled", "did_not_attend")
Loaded = tuple[list[SessionRow], Any, list[workspace_reads.ProcessNote], int]


def _load(vault: Vault, episode_id: int) -> Loaded:
    profile = episodes.get_episode(vault, episode_id).contract.manual_profile
    return (
        workspace_reads.session_rows(vault, episode_id),
        techniques(profile),
        workspace_reads.process_notes(vault, episode_id),
        len(risk.open_flags(vault, episode_id)),
    )


class SessionsPage(WorkspacePage):
    """Drafts are saved ~0.8 s after typing stops; a failed save keeps the text on screen."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Sessions")
    shows = frozenset({SESSIONS, EPISODE, MEASURES, RISK})

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self.open_flags = 0  # shown in the signing question: a reminder, never a block
        self._session_id: int | None = None
        self._want_session: int | None = None
        self._focus_note = False  # a session just added: the cursor goes into its note

        self.model = SessionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setAccessibleName(self.tr("Sessions of this episode"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Date of the new session"))
        self.attendance = QComboBox(self)
        self.attendance.setAccessibleName(self.tr("Attendance of the new session"))
        for value in ATTENDANCE:
            self.attendance.addItem(attendance_label(value), value)
        self.new_button = QPushButton(self.tr("New session"), self)
        self.new_button.clicked.connect(self.new_session)

        self.heading = QLabel(self)
        self.heading.setAccessibleDescription(self.tr("Selected session"))
        self.pane = SessionNotePane(self)
        self.editor = self.pane.editor
        self.addenda = self.pane.addenda
        self.drafts = DraftKeeper(session.vault, self.editor, self.run, self)
        self.drafts.state.connect(self.pane.save_state.setText)
        self.drafts.failed.connect(self._say)
        self.pane.save_button.clicked.connect(self.drafts.stash)
        self.pane.sign_button.clicked.connect(self.sign)
        self.addenda.add_button.clicked.connect(self.add_addendum)
        # The addendum being typed under a signed note: one draft per note (ref = note id).
        self._addendum_ref: str | None = None
        self.addendum_drafts = FormDraftKeeper(
            session.vault, self.run, episode_id, ADDENDUM, self._addendum_body, self
        )
        self.addenda.text.textChanged.connect(self._addendum_edited)
        self.addendum_drafts.restored.connect(
            lambda _ref: self._say(self.tr("Draft restored: this addendum is not signed yet."))
        )
        self.addendum_drafts.failed.connect(self._say)
        self.process = ProcessNotesPanel(self)
        self.process.save_button.clicked.connect(self.save_process_note)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleDescription(self.tr("Message"))
        self._build_layout()
        self._enable(False)

    def _build_layout(self) -> None:
        new_row = QHBoxLayout()
        new_row.addWidget(self.date, 1)
        new_row.addWidget(self.attendance, 1)
        left_widget = QWidget(self)
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.table, 1)
        left.addLayout(new_row)
        left.addWidget(self.new_button)
        left_widget.setMinimumWidth(200)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.pane, self.tr("Session note"))
        self.tabs.addTab(self.process, self.tr("Process notes (kept apart)"))
        right_widget = QWidget(self)
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.heading)
        right.addWidget(self.tabs, 1)
        right.addWidget(self.notice)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 900])
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)

    # Loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        work = partial(_load, self.vault, self.episode_id)
        self.load(work, self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        rows, catalogue, process_notes, self.open_flags = loaded
        keep = self._want_session or self._session_id
        self._want_session = None
        if not self.editor.technique_boxes:
            self.editor.set_techniques(catalogue)
        self.process.show_notes(process_notes, {r.session_id: r.number for r in rows})
        self.model.set_rows(rows)
        ids = [r.session_id for r in rows]
        if rows:
            self.table.selectRow(ids.index(keep) if keep in ids else len(rows) - 1)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        self.drafts.stash()  # the draft being left goes to the vault first (serial worker)
        self._session_id = row.session_id
        state = self.tr("signed") if row.signed else self.tr("draft")
        self.heading.setText(
            self.tr("Session {0} · {1} · {2} · note {3}").format(
                row.number, local_date(row.held_on), attendance_label(row.attendance), state
            )
        )
        if row.note_id is not None:
            work = partial(sessions.get_note, self.vault, row.note_id)
            self.load(work, self._show_note, key="note")

    def _show_note(self, note: Note) -> None:
        self.drafts.show(note)
        self.pane.show_signed(note)
        self._show_addendum(note)
        self._enable(True)
        if self._focus_note and not note.signed and self.editor.fields:
            next(iter(self.editor.fields.values())).setFocus()
        self._focus_note = False

    def _show_addendum(self, note: Note) -> None:
        """The addendum field holds the draft of the signed note shown (saved before leaving)."""
        ref = str(note.id) if note.signed else None
        if ref == self._addendum_ref:
            return
        if self._addendum_ref is not None:
            self.addendum_drafts.hide(self._addendum_ref)
        with self.addendum_drafts.quiet():
            self.addenda.text.clear()
        self._addendum_ref = ref
        if ref is not None:
            self.addendum_drafts.show(ref, self._restore_addendum)

    def _addendum_body(self, _ref: str) -> Body:
        text = self.addenda.text.toPlainText()
        return {"text": text} if text.strip() else {}

    def _restore_addendum(self, body: Body) -> None:
        text = body.get("text")
        self.addenda.text.setPlainText(text if isinstance(text, str) else "")

    def _addendum_edited(self) -> None:
        if self._addendum_ref is not None:
            self.addendum_drafts.edited(self._addendum_ref)

    def _enable(self, enabled: bool) -> None:
        self.editor.setEnabled(enabled)
        self.process.save_button.setEnabled(enabled)
        if not enabled:
            self.pane.show_signed(None)

    def _say(self, text: str) -> None:
        """Show *text* on the page and in the status line (which a screen reader announces)."""
        self.notice.setText(text)
        self.message.emit(text)

    def flush(self) -> None:
        """Save every pending draft (and a typed process note) now, on this thread."""
        self.drafts.flush()
        self.addendum_drafts.flush()
        text = self.process.text.toPlainText()
        if text.strip():
            try:
                sessions.save_process_note(self.vault, self.episode_id, text, self._session_id)
            except WorkbenchError as error:
                self.show_error(error)
            else:
                self.process.text.clear()

    # Actions ---------------------------------------------------------------------------------

    def new_session(self) -> None:
        held_on = self.date.date().toString(Qt.DateFormat.ISODate)
        attendance = str(self.attendance.currentData())
        work = partial(sessions.record_session, self.vault, self.episode_id, held_on, attendance)
        self.write(work, self._session_added, {SESSIONS, EPISODE})

    def _session_added(self, ids: tuple[int, int]) -> None:
        self._want_session = ids[0]
        self._focus_note = True
        self._say(self.tr("New session recorded."))
        self.reload()

    def confirm_sign(self) -> bool:
        text = self.tr(
            "Signing locks the note: it can never be edited again, only amended with "
            "signed addenda. Sign it now?"
        )
        if self.open_flags:
            text = (
                self.tr(
                    "This client has %n open risk flag(s). A flag stays open until you sign "
                    "a risk note on the Risk page.",
                    "",
                    self.open_flags,
                )
                + "\n\n"
                + text
            )
        answer = QMessageBox.question(self, self.tr("Sign the note?"), text)
        return answer == QMessageBox.StandardButton.Yes

    def sign(self) -> None:
        if self.drafts.note_id is None or not self.confirm_sign():
            return
        note_id, body = self.drafts.take()
        work = partial(self._sign_work, note_id, body)
        self.write(work, partial(self._signed, body), {SESSIONS, EPISODE})

    def _sign_work(self, note_id: int, body: Body) -> Note:
        sessions.save_note(self.vault, note_id, body)
        sessions.sign(self.vault, note_id)
        return sessions.get_note(self.vault, note_id)

    def _signed(self, body: Body, note: Note) -> None:
        self.drafts.done(note.id, body)
        self._say(self.tr("The note is signed."))
        focus = self.window().focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            self.table.setFocus()  # from the now read-only note to the list of sessions
        self._show_note(note)
        self.reload()

    def add_addendum(self) -> None:
        if self.drafts.note_id is None:
            return
        self.addendum_drafts.stash()  # kept if signing fails; discarded with the signing otherwise
        work = partial(self._addendum_work, self.drafts.note_id, self.addenda.text.toPlainText())
        self.write(work, self._addendum_added, {SESSIONS})

    def _addendum_work(self, note_id: int, text: str) -> Note:
        sessions.add_addendum(self.vault, note_id, text)
        return sessions.get_note(self.vault, note_id)

    def _addendum_added(self, note: Note) -> None:
        self.addendum_drafts.forget(str(note.id))
        with self.addendum_drafts.quiet():
            self.addenda.text.clear()
        self._say(self.tr("Addendum signed and added."))
        self._show_note(note)
        self.reload()

    def save_process_note(self) -> None:
        text = self.process.text.toPlainText()
        if not text.strip():
            self._say(self.tr("Write the process note first."))
            return
        work = partial(
            sessions.save_process_note, self.vault, self.episode_id, text, self._session_id
        )
        self.write(work, self._process_saved, {SESSIONS})

    def _process_saved(self, _note_id: int) -> None:
        self.process.text.clear()
        self._say(self.tr("Process note saved (kept apart from the record)."))
        self.reload()

    def show_error(self, error: WorkbenchError) -> None:
        self.notice.setText(error.user_message)
        super().show_error(error)

    def clear(self) -> None:
        self.drafts.clear()
        self.addendum_drafts.clear()
        self._addendum_ref = None
        self._session_id = self._want_session = None
        self.model.clear()
        with self.addendum_drafts.quiet():
            self.pane.clear()
        self.process.clear()
        self.heading.clear()
        self.notice.clear()
        self._enable(False)
