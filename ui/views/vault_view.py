"""The unlocked vault: the caseload beside the open client's header and workspace, kept current."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ui.session import SUMMARY_KINDS, VaultSession
from ui.settings import AppSettings
from ui.views.caseload import CaseloadPage
from ui.views.chart_header import ChartHeaderBar
from ui.views.workspace_view import ClientWorkspace
from ui.workspace.sessions_page import SessionsPage
from workbench.services import episodes
from workbench.services.chart_header import ChartHeader, chart_header
from workbench.services.held_drafts import UnsavedDraft

CASELOAD_WIDTH = 430  # px: name, phase, session, PHQ-9 and risk flags in view at 1024 px


class VaultView(QSplitter):
    """Selecting a client opens their chart; any change reloads the caseload row and header."""

    client_opened = Signal(bool)  # whether a client's workspace is open now
    status_changed = Signal(str)  # the status line: "session N of M · phase" of the open chart
    message = Signal(str)

    def __init__(
        self, session: VaultSession, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("caseloadSplitter")
        self.setChildrenCollapsible(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its handle is moved by mouse only
        self._session = session
        self._settings = settings
        self.workspace: ClientWorkspace | None = None
        self.chart: ChartHeader | None = None  # the open chart's header, once read
        self.caseload = CaseloadPage(session)
        self.header = ChartHeaderBar()
        self._right = QStackedWidget()
        self._right.addWidget(
            QLabel(
                self.tr("Select a client in the list to open their chart."),
                alignment=Qt.AlignmentFlag.AlignCenter,
            )
        )
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        column.addWidget(self._right, 1)
        self.addWidget(self.caseload)
        self.addWidget(right)
        self.setStretchFactor(0, 0)  # a narrower window narrows the chart, not the list
        self.setStretchFactor(1, 1)
        self.setSizes([CASELOAD_WIDTH, 1280 - CASELOAD_WIDTH])
        settings.restore_splitter(self)
        self.splitterMoved.connect(lambda _pos, _index: settings.save_splitter(self))
        self.setFocusProxy(self.caseload)  # focus on the view lands in the caseload's filter
        self._focus_on_open = False  # Enter in the list: focus the chart once it is open
        self.caseload.selection_changed.connect(self._selection_changed)
        self.caseload.open_requested.connect(self.enter_client)
        session.changed.connect(self._changed)

    # ----- opening a chart -------------------------------------------------------------------

    def open_client(self, client_id: int, tab: int = 0) -> None:
        """Select *client_id* in the caseload (when listed) and open their chart on *tab*."""
        self.caseload.select_client(client_id)
        self._session.op(
            lambda vault: episodes.current_episode(vault, client_id),
            lambda episode: self._open_workspace(client_id, episode.id, tab),
            on_error=lambda error: self.message.emit(error.user_message),
        )

    def enter_client(self, client_id: int) -> None:
        """Open *client_id*'s chart (when not open yet) and move the focus into it."""
        if self.workspace is not None and self.workspace.client_id == client_id:
            self.focus_workspace()
            return
        self._focus_on_open = True
        self.open_client(client_id)

    def focus_workspace(self) -> None:
        """Focus the open chart's tabs (arrows pick a tab, Tab goes into the page)."""
        if self.workspace is not None:
            self.workspace.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection_changed(self, has_client: bool) -> None:
        client = self.caseload.selected_client()
        if not has_client or client is None:
            return
        if self.workspace is not None and self.workspace.client_id == client.id:
            return
        self.open_client(client.id)

    def _open_workspace(self, client_id: int, episode_id: int, tab: int = 0) -> None:
        if self.workspace is not None and self.workspace.client_id == client_id:
            if tab:
                self.workspace.setCurrentIndex(tab)
            self._focus_if_asked()
            return  # already open (a selection and an explicit open both asked)
        if self.workspace is not None and self.workspace.client_id != client_id:
            self.workspace.flush()
            if self.workspace.unsaved():  # e.g. a full disk: the text stays on screen
                self.message.emit(
                    self.tr(
                        "What you typed for this client could not be saved yet, so their "
                        "workspace stays open. Free some disk space, then choose the other "
                        "client again."
                    )
                )
                self.caseload.select_client(self.workspace.client_id)
                return
        self.drop_workspace()
        workspace = ClientWorkspace(self._session, client_id, episode_id)
        self._right.addWidget(workspace)
        self._right.setCurrentWidget(workspace)
        self.workspace = workspace
        if tab:
            workspace.setCurrentIndex(tab)
        self.client_opened.emit(True)
        self._refresh_header()
        self._focus_if_asked()

    def _focus_if_asked(self) -> None:
        if self._focus_on_open:
            self._focus_on_open = False
            self.focus_workspace()

    def _changed(self, kinds: frozenset[str], _origin: object) -> None:
        if kinds & SUMMARY_KINDS:
            self.caseload.refresh()
        self._refresh_header()

    def _refresh_header(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        client_id = workspace.client_id
        self._session.latest(
            (self, "header"),
            lambda vault: chart_header(vault, client_id),
            partial(self._show_header, workspace),
            on_error=lambda error: self.message.emit(error.user_message),
        )

    def _show_header(self, workspace: ClientWorkspace, header: ChartHeader) -> None:
        if workspace is self.workspace:
            self.chart = header
            self.header.show_header(header)
            self.client_opened.emit(True)
            self.status_changed.emit(self.tr("{0} · {1}").format(header.session, header.phase))

    def reopen_current(self) -> None:
        """Show the open client's current episode (after a new one started), on the same tab."""
        if self.workspace is None:
            return
        client_id, tab = self.workspace.client_id, self.workspace.currentIndex()
        self._session.op(
            lambda vault: episodes.current_episode(vault, client_id),
            lambda episode: self._reopen(client_id, episode.id, tab),
            on_error=lambda error: self.message.emit(error.user_message),
        )

    def _reopen(self, client_id: int, episode_id: int, tab: int) -> None:
        workspace = self.workspace
        if workspace is None or workspace.client_id != client_id:
            return
        if workspace.episode_id == episode_id:
            return
        workspace.flush()
        if workspace.unsaved():  # the text stays on screen rather than being lost
            self.message.emit(
                self.tr("What you typed could not be saved yet; the new episode opens later.")
            )
            return
        self.drop_workspace()
        self._open_workspace(client_id, episode_id, tab)

    # ----- actions on the open chart ---------------------------------------------------------

    def new_session(self) -> None:
        """Show the Sessions page and record a session with a draft note."""
        if self.workspace is None:
            return
        index, page = self.workspace.page_of(SessionsPage)
        self.workspace.setCurrentIndex(index)
        page.new_session()

    def client_for_actions(self) -> tuple[int | None, str]:
        """The client that Export and New session apply to, and how to name them: the open
        chart, else the caseload's selection."""
        chart, open_id = self.chart, self.workspace.client_id if self.workspace else None
        if chart is not None and chart.client_id == open_id:
            return chart.client_id, f"{chart.name} ({chart.code})"
        client = self.caseload.selected_client()
        if client is not None:
            return client.id, f"{client.display_name} ({client.code})"
        if self.workspace is not None:
            return self.workspace.client_id, ""
        return None, ""

    # ----- lifetime --------------------------------------------------------------------------

    def drop_workspace(self) -> list[UnsavedDraft]:
        """Save drafts, forget the data and destroy the open chart (the worker is idle);
        returns the drafts that could not be saved."""
        if self.workspace is None:
            return []
        workspace, self.workspace = self.workspace, None
        self.chart = None
        self.header.clear()
        self.client_opened.emit(False)
        self.status_changed.emit("")
        try:
            workspace.flush()
        finally:
            unsaved = workspace.unsaved()
            workspace.clear()
            workspace.deleteLater()
        return unsaved

    def clear(self) -> list[UnsavedDraft]:
        """Before a lock: save what can be saved, forget everything shown; returns the rest."""
        self._session.changed.disconnect(self._changed)
        self._settings.save_splitter(self)
        unsaved = self.drop_workspace()
        self.caseload.clear()
        self.caseload.blockSignals(True)  # nothing reacts to its rows going away with it
        return unsaved
