"""The client workspace: one tab per page of the record, for the client's current episode."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.i18n import translate
from ui.tasks import TaskRunner
from ui.workspace.audit_page import AuditPage
from ui.workspace.base import WorkspacePage
from ui.workspace.form_drafts import FormDraftKeeper
from ui.workspace.formulation_page import FormulationPage
from ui.workspace.inventory_page import InventoryPage
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.overview_page import OverviewPage
from ui.workspace.plan_page import PlanPage
from ui.workspace.risk_page import RiskPage
from ui.workspace.session_drafts import DraftKeeper, UnsavedDraft
from ui.workspace.sessions_page import SessionsPage
from ui.workspace.timeline_page import TimelinePage
from workbench.store.vault import Vault

PAGES: tuple[type[WorkspacePage], ...] = (
    OverviewPage,
    SessionsPage,
    MeasuresPage,
    RiskPage,
    InventoryPage,
    TimelinePage,
    FormulationPage,
    PlanPage,
    AuditPage,
)


class ClientWorkspace(QTabWidget):
    """Pages load lazily when first shown; a save on one page refreshes the others on view."""

    message = Signal(str)

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.client_id, self.episode_id = client_id, episode_id
        self.setAccessibleName(self.tr("Client workspace"))
        self.setDocumentMode(True)
        self.pages: list[WorkspacePage] = []
        self._stale: set[int] = set()
        for index, page_type in enumerate(PAGES):
            page = page_type(vault, runner, client_id, episode_id, self)
            page.message.connect(self.message)
            page.changed.connect(lambda index=index: self._others_stale(index))
            self.addTab(page, translate("WorkspacePage", page.title))
            self.pages.append(page)
            self._stale.add(index)
        self.currentChanged.connect(self._load_if_stale)
        self._load_if_stale(0)

    def _others_stale(self, saved_on: int) -> None:
        self._stale.update(i for i in range(len(self.pages)) if i != saved_on)

    def _load_if_stale(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self.pages[index].reload()

    def flush(self) -> None:
        """Save every page's pending draft (the worker must be idle)."""
        for page in self.pages:
            page.flush()

    def unsaved(self) -> list[UnsavedDraft]:
        """Every draft a page still holds that the vault does not have (after a failed flush)."""
        found: list[UnsavedDraft] = []
        for page in self.pages:
            for keeper in page.findChildren(DraftKeeper):
                found += keeper.unsaved()
            for form_keeper in page.findChildren(FormDraftKeeper):
                found += form_keeper.unsaved()
        return found

    def clear(self) -> None:
        """Forget every page's patient data (before a lock)."""
        for page in self.pages:
            page.clear()
