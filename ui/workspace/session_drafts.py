"""Autosave of session-note drafts: debounced, on the serial worker, never dropping typed text."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTime, QTimer, Signal

from ui.workspace.note_editor import NoteEditor
from workbench.domain.notes import Note
from workbench.errors import WorkbenchError
from workbench.services import sessions
from workbench.services.held_drafts import SESSION_NOTE, Body, UnsavedDraft
from workbench.services.vaults import Vault

AUTOSAVE_MS = 800
Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]


def save_draft(vault: Vault, note_id: int, body: Body) -> WorkbenchError | None:
    """Save a draft; a failure comes back as a value so the caller keeps the text."""
    try:
        sessions.save_note(vault, note_id, body)
    except WorkbenchError as error:
        return error
    return None


class DraftKeeper(QObject):
    """Saves the editor's draft ~0.8 s after typing stops; unsaved bodies stay in `pending`.

    `note_id` is the note whose text the editor holds. A body leaves `pending` only once the
    vault has it, so a failed save (disk full, database busy) is retried, and a draft whose
    save failed comes back into the editor when its session is opened again.
    """

    state = Signal(str)  # a short sentence: saving, saved at, not saved
    failed = Signal(str)  # the full sentence for a failed save

    def __init__(self, vault: Vault, editor: NoteEditor, run: Run, parent: QObject) -> None:
        super().__init__(parent)
        self.vault, self.editor, self._run = vault, editor, run
        self.note_id: int | None = None
        self.pending: dict[int, Body] = {}
        self.dirty = False
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.stash)
        editor.edited.connect(self._edited)

    def show(self, note: Note) -> None:
        """Put *note* in the editor, unless it is the draft the editor already holds."""
        if note.id == self.note_id and not note.signed:
            return  # the editor has the newest text of this draft: never overwrite it
        self.stash()
        self.note_id = note.id
        self.editor.set_read_only(note.signed)
        unsaved = None if note.signed else self.pending.get(note.id)
        self.editor.set_body(note.body if unsaved is None else unsaved)
        if unsaved is not None:
            self.dirty = True
            self.state.emit(self.tr("Unsaved changes from before are back in the editor."))
            self.timer.start()
        elif not note.signed:
            self.state.emit(self.tr("Draft: saved automatically as you type."))

    def _edited(self) -> None:
        if self.note_id is None or self.editor.is_read_only():
            return
        self.dirty = True
        self.state.emit(self.tr("Editing… the draft is saved when you pause."))
        self.timer.start()

    def stash(self) -> None:
        """Send the shown draft to be saved now, if it changed."""
        self.timer.stop()
        if self.dirty and self.note_id is not None:
            note_id, body = self.take()
            self.state.emit(self.tr("Saving draft…"))
            work = partial(save_draft, self.vault, note_id, body)
            self._run(work, partial(self._saved, self._generation, note_id, body))

    def take(self) -> tuple[int, Body]:
        """The shown draft as it is now, kept in `pending` until saved (for signing)."""
        assert self.note_id is not None
        self.timer.stop()
        self.dirty = False
        body = self.pending[self.note_id] = self.editor.body()
        return self.note_id, body

    def done(self, note_id: int, body: Body) -> None:
        """The vault has *body*: forget it unless a newer one is pending."""
        if self.pending.get(note_id) is body:
            del self.pending[note_id]

    def _saved(
        self, generation: int, note_id: int, body: Body, error: WorkbenchError | None
    ) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self.report(error)
            return
        self.done(note_id, body)
        if note_id == self.note_id and not self.dirty:
            now = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
            self.state.emit(self.tr("Draft saved at {0}.").format(now))

    def report(self, error: WorkbenchError) -> None:
        self.state.emit(self.tr("Not saved: your text is kept in the editor."))
        self.failed.emit(
            self.tr(
                "The draft was not saved: {0} Your text is still in the editor; it is saved "
                "again when you keep typing or press Save draft now."
            ).format(error.user_message)
        )

    def flush(self) -> None:
        """Save every pending draft now, on this thread (the worker is idle)."""
        self.timer.stop()
        if self.dirty and self.note_id is not None:
            self.take()
        for note_id, body in list(self.pending.items()):
            error = save_draft(self.vault, note_id, body)
            if error is not None:
                self.report(error)
            else:
                self.done(note_id, body)

    def unsaved(self) -> list[UnsavedDraft]:
        """Every body the vault does not have yet (e.g. after a failed `flush()`)."""
        bodies = dict(self.pending)
        if self.dirty and self.note_id is not None:
            bodies[self.note_id] = self.editor.body()
        return [UnsavedDraft(SESSION_NOTE, None, n, "", body) for n, body in bodies.items()]

    def clear(self) -> None:
        self._generation += 1
        self.timer.stop()
        self.pending.clear()
        self.dirty = False
        self.note_id = None
