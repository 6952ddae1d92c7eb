"""The client workspace: one tab per page of the record, for the client's current episode."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from ui.i18n import translate
from ui.session import VaultSession
from ui.widgets.keyboard import release_tab
from ui.workspace.audit_page import AuditPage
from ui.workspace.base import WorkspacePage
from ui.workspace.form_drafts import FormDraftKeeper
from ui.workspace.formulation_page import FormulationPage
from ui.workspace.inventory_page import InventoryPage
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.overview_page import OverviewPage
from ui.workspace.plan_page import PlanPage
from ui.workspace.problem_area_page import ProblemAreaPage
from ui.workspace.risk_page import RiskPage
from ui.workspace.session_drafts import DraftKeeper
from ui.workspace.sessions_page import SessionsPage
from ui.workspace.timeline_page import TimelinePage
from workbench.services.held_drafts import UnsavedDraft

PAGES: tuple[type[WorkspacePage], ...] = (
    OverviewPage,
    SessionsPage,
    MeasuresPage,
    RiskPage,
    InventoryPage,
    TimelinePage,
    FormulationPage,
    ProblemAreaPage,
    PlanPage,
    AuditPage,
)
P = TypeVar("P", bound=WorkspacePage)


class ClientWorkspace(QTabWidget):
    """Pages are built and loaded when first shown; a change elsewhere reloads them on view."""

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.client_id, self.episode_id = client_id, episode_id
        self.setAccessibleName(self.tr("Client workspace"))
        self.setDocumentMode(True)
        self._built: dict[int, WorkspacePage] = {}
        self._stale: set[int] = set()
        for page_type in PAGES:
            # a page wider or taller than the room it gets scrolls; it never widens the window
            holder = QScrollArea(self)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.addTab(holder, translate("WorkspacePage", page_type.title))
        session.changed.connect(self._changed)
        self.currentChanged.connect(self._shown)
        self._shown(0)

    # ----- pages -----------------------------------------------------------------------------

    def page(self, index: int) -> WorkspacePage:
        """The page of tab *index*, built now if it was never shown."""
        built = self._built.get(index)
        if built is None:
            holder = self.widget(index)
            assert isinstance(holder, QScrollArea)
            built = PAGES[index](self._session, self.client_id, self.episode_id, holder)
            built.message.connect(self._session.message)
            holder.setWidget(built)
            release_tab(built)
            self._built[index] = built
            self._stale.add(index)
        return built

    @property
    def pages(self) -> list[WorkspacePage]:
        """Every page, built (tests and the accessibility walk; the app asks for one at a time)."""
        return [self.page(index) for index in range(len(PAGES))]

    def page_of(self, kind: type[P]) -> tuple[int, P]:
        """The tab index and page of type *kind*."""
        index = PAGES.index(kind)
        page = self.page(index)
        assert isinstance(page, kind)
        return index, page

    def current_page(self) -> WorkspacePage:
        return self.page(self.currentIndex())

    def _shown(self, index: int) -> None:
        if index < 0:
            return
        page = self.page(index)
        if index in self._stale:
            self._stale.discard(index)
            page.reload()

    def _changed(self, kinds: frozenset[str], origin: object) -> None:
        for index, page in self._built.items():
            if page is not origin and kinds & page.shows:
                self._stale.add(index)
        self._shown(self.currentIndex())

    # ----- lifetime --------------------------------------------------------------------------

    def flush(self) -> None:
        """Save every page's pending draft (the worker must be idle)."""
        for page in self._built.values():
            page.flush()

    def unsaved(self) -> list[UnsavedDraft]:
        """Every draft a page still holds that the vault does not have (after a failed flush)."""
        found: list[UnsavedDraft] = []
        for page in self._built.values():
            for keeper in page.findChildren(DraftKeeper):
                found += keeper.unsaved()
            for form_keeper in page.findChildren(FormDraftKeeper):
                found += form_keeper.unsaved()
        return found

    def clear(self) -> None:
        """Forget every page's patient data and drop answers still on their way."""
        self._session.changed.disconnect(self._changed)
        for page in self._built.values():
            page.release()
            page.clear()
