"""Autosave of one kind of form draft (risk note, addendum, measure answers), debounced."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from ui.workspace.session_drafts import AUTOSAVE_MS, Run
from workbench.errors import WorkbenchError
from workbench.services import form_drafts
from workbench.services.held_drafts import Body, UnsavedDraft
from workbench.services.vaults import Vault

Apply = Callable[[Body], None]


def save_draft(
    vault: Vault, episode_id: int, kind: str, ref: str, body: Body
) -> WorkbenchError | None:
    """Save a draft; a failure comes back as a value so the caller keeps the text in the form."""
    try:
        form_drafts.save_draft(vault, episode_id, kind, ref, body)
    except WorkbenchError as error:
        return error
    return None


class FormDraftKeeper(QObject):
    """Saves a form's draft ~0.8 s after the last edit; a body leaves `pending` once stored.

    *body_of(ref)* reads the draft *ref* (e.g. an instrument id) from the form as it is now; an
    empty body drops the stored draft. The form itself is never cleared on a failed save, so
    the text stays on screen and is saved again with the next edit or `flush()`.
    """

    restored = Signal(str)  # the ref whose stored draft came back into the form
    failed = Signal(str)  # a plain sentence for a failed save

    def __init__(
        self,
        vault: Vault,
        run: Run,
        episode_id: int,
        kind: str,
        body_of: Callable[[str], Body],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.vault, self._run, self.episode_id, self.kind = vault, run, episode_id, kind
        self._body_of = body_of
        self.pending: dict[str, Body] = {}
        self.dirty: set[str] = set()
        self._shown: set[str] = set()
        self._quiet = 0
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.stash)

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Changes made by the app itself (restore, reset) are not typing: no save follows."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def edited(self, ref: str) -> None:
        if self._quiet:
            return
        self.dirty.add(ref)
        self.timer.start()

    def show(self, ref: str, apply: Apply) -> None:
        """Bring *ref*'s unsaved or stored draft into the form, once per unlock."""
        if ref in self._shown:
            return
        self._shown.add(ref)
        unsaved = self.pending.get(ref)
        if unsaved is not None:
            with self.quiet():
                apply(unsaved)
            self.dirty.add(ref)
            self.timer.start()
            self.restored.emit(ref)
            return
        work = partial(form_drafts.load_draft, self.vault, self.episode_id, self.kind, ref)
        self._run(work, partial(self._loaded, self._generation, ref, apply))

    def _loaded(self, generation: int, ref: str, apply: Apply, body: Body | None) -> None:
        if generation != self._generation or body is None or ref in self.dirty:
            return  # typed since the load began: what is on screen is newer
        if ref not in self._shown:
            return
        with self.quiet():
            apply(body)
        self.restored.emit(ref)

    def hide(self, ref: str) -> None:
        """The form no longer holds *ref* (saved first); showing it again restores it."""
        self.stash()
        self._shown.discard(ref)

    def stash(self) -> None:
        """Send every edited draft to be saved now (on the serial worker)."""
        self.timer.stop()
        for ref in sorted(self.dirty):
            body = self.pending[ref] = self._body_of(ref)
            work = partial(save_draft, self.vault, self.episode_id, self.kind, ref, body)
            self._run(work, partial(self._saved, self._generation, ref, body))
        self.dirty.clear()

    def _saved(self, generation: int, ref: str, body: Body, error: WorkbenchError | None) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self._report(error)
        elif self.pending.get(ref) is body:
            del self.pending[ref]

    def forget(self, ref: str) -> None:
        """The draft became a signed or recorded entry (the service discarded it)."""
        self.pending.pop(ref, None)
        self.dirty.discard(ref)
        if not self.dirty:
            self.timer.stop()

    def flush(self) -> None:
        """Save every edited or unsaved draft now, on this thread (the worker is idle)."""
        self.timer.stop()
        for ref in self.dirty:
            self.pending[ref] = self._body_of(ref)
        self.dirty.clear()
        for ref, body in list(self.pending.items()):
            error = save_draft(self.vault, self.episode_id, self.kind, ref, body)
            if error is not None:
                self._report(error)
            elif self.pending.get(ref) is body:
                del self.pending[ref]

    def _report(self, error: WorkbenchError) -> None:
        self.failed.emit(
            self.tr("The draft was not saved: {0} Your text is still in the form.").format(
                error.user_message
            )
        )

    def unsaved(self) -> list[UnsavedDraft]:
        """Every draft the vault does not have yet (e.g. after a failed `flush()`)."""
        bodies = dict(self.pending)
        for ref in self.dirty:
            bodies[ref] = self._body_of(ref)
        return [
            UnsavedDraft(self.kind, self.episode_id, None, ref, body)
            for ref, body in sorted(bodies.items())
        ]

    def clear(self) -> None:
        """Forget everything (before a lock, after `flush()`)."""
        self._generation += 1
        self.timer.stop()
        self.pending.clear()
        self.dirty.clear()
        self._shown.clear()
