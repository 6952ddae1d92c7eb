"""What every workspace page does: load off the UI thread, save drafts, forget data on lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.tasks import TaskRunner
from workbench.errors import WorkbenchError
from workbench.store.vault import Vault


class WorkspacePage(QWidget):
    """Base of the pages in the client workspace.

    Every vault call goes through `run()` (the serial worker); results arrive on the UI thread.
    `clear()` must drop every piece of patient data the page shows (called before a lock);
    `flush()` saves pending drafts synchronously (called on lock/close, when the worker is idle).
    """

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Page")  # subclasses mark theirs the same way
    changed = Signal()  # the page saved something other pages may show
    message = Signal(str)  # a plain sentence for the status bar (errors included)

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.runner = runner
        self.client_id = client_id
        self.episode_id = episode_id
        self.setAccessibleName(translate("WorkspacePage", self.title))

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run *work* on the serial worker; errors become a message, never a traceback."""
        self.runner.submit(work, on_done, self.show_error)

    def show_error(self, error: WorkbenchError) -> None:
        self.message.emit(error.user_message)

    def reload(self) -> None:
        """Fetch what the page shows (override)."""

    def flush(self) -> None:
        """Save pending drafts now (override where the page has drafts)."""

    def clear(self) -> None:
        """Forget every piece of patient data on the page (override)."""
