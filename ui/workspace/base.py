"""What every workspace page does: load off the UI thread, save drafts, forget data on lock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.session import ALL_KINDS, VaultSession
from workbench.errors import WorkbenchError
from workbench.services.vaults import Vault


class WorkspacePage(QWidget):
    """Base of the pages in the client workspace.

    Reads go through `load()` (latest answer wins), changes through `write()` (one change notice
    per operation, so the caseload, status line and other pages reload). Both run on the
    session's serial worker; results arrive on the UI thread.
    `clear()` must drop every piece of patient data the page shows (called before a lock);
    `flush()` saves pending drafts synchronously (called on lock/close, when the worker is idle).
    """

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Page")  # subclasses mark theirs the same way
    shows: frozenset[str] = ALL_KINDS  # the change kinds that make the page stale
    message = Signal(str)  # a plain sentence for the status bar (errors included)

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_session = session
        self.client_id = client_id
        self.episode_id = episode_id
        self.setAccessibleName(translate("WorkspacePage", self.title))

    @property
    def vault(self) -> Vault:
        return self.vault_session.vault

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run *work* on the serial worker, in order; errors become a message."""
        self.vault_session.db.submit(work, on_done, self.show_error)

    def load(self, work: Callable[[], Any], on_done: Callable[[Any], None], key: str = "") -> None:
        """Read for the page: only the newest answer per *key* is shown."""
        self.vault_session.latest(
            (self, key), lambda _vault: work(), on_done, on_error=self.show_error
        )

    def write(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        changes: Iterable[str],
        on_error: Callable[[WorkbenchError], None] | None = None,
    ) -> None:
        """Change the vault; on success every view showing *changes* reloads (not this page)."""
        self.vault_session.op(
            lambda _vault: work(),
            on_done,
            changes=changes,
            origin=self,
            on_error=on_error or self.show_error,
        )

    def release(self) -> None:
        """The page is going away: answers still on their way are dropped."""
        self.vault_session.release(self)

    def show_error(self, error: WorkbenchError) -> None:
        self.message.emit(error.user_message)

    def reload(self) -> None:
        """Fetch what the page shows (override)."""

    def flush(self) -> None:
        """Save pending drafts now (override where the page has drafts)."""

    def clear(self) -> None:
        """Forget every piece of patient data on the page (override)."""
