"""The Course menu: renegotiate, end the acute phase with its review, start IPT-M, start anew."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui.dialogs.course_form import CourseDialog
from ui.dialogs.ending_review_dialog import EndingReviewDialog, FirstAndLatest
from ui.dialogs.maintenance_dialog import MaintenanceDialog
from ui.dialogs.new_episode_dialog import NewEpisodeDialog
from ui.dialogs.profile_dialog import ProfileDialog
from ui.dialogs.renegotiate_dialog import RenegotiateDialog
from ui.session import VaultSession
from workbench.domain.episode import Episode, EpisodeKind
from workbench.domain.risk import RiskFlagView
from workbench.services import clinician, course, measures, risk
from workbench.services.vaults import Vault

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


@dataclass(frozen=True)
class CourseState:
    """What the course actions need to know about the open client's current episode."""

    episode: Episode
    held: int
    open_flags: list[RiskFlagView]
    scores: list[FirstAndLatest]


def first_and_latest(vault: Vault, episode_id: int) -> list[FirstAndLatest]:
    """Per instrument given in the episode: its first and latest totals, in order of first use."""
    found: dict[str, list[int | None]] = {}
    for given in measures.administrations(vault, episode_id):
        found.setdefault(given.instrument, []).append(given.total)
    return [(name, totals[0], totals[-1], len(totals)) for name, totals in found.items()]


def read_state(vault: Vault, client_id: int) -> CourseState:
    current = course.course_history(vault, client_id)[-1]
    episode_id = current.episode.id
    flags = risk.open_flags(vault, episode_id)
    scores = first_and_latest(vault, episode_id)
    return CourseState(current.episode, current.sessions_held, flags, scores)


class CourseActions(QObject):
    """One dialog at a time, for the client whose workspace is open; every change goes
    through the session, so the caseload, chart header and pages reload."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: CourseDialog | None = None
        self.renegotiate_action = self._action(
            self.tr("&Renegotiate the contract…"), self.renegotiate,
            self.tr("Agree a new number of sessions with the client, with the reason"),
        )  # fmt: skip
        self.end_action = self._action(
            self.tr("&End the acute phase…"), self.end_acute_phase,
            self.tr("The termination (WMK) or conclusion (S&R) review, then the episode ends"),
        )  # fmt: skip
        self.maintenance_action = self._action(
            self.tr("Start &maintenance (IPT-M)…"), self.start_maintenance,
            self.tr("The maintenance contract after an ended acute episode"),
        )  # fmt: skip
        self.new_episode_action = self._action(
            self.tr("Start a &new acute episode…"), self.new_episode,
            self.tr("A new course of IPT on recurrence, after the current episode has ended"),
        )  # fmt: skip
        self.actions = (
            self.renegotiate_action,
            self.end_action,
            self.maintenance_action,
            self.new_episode_action,
        )

    def _action(self, text: str, slot: Callable[[], None], tip: str) -> QAction:
        action = QAction(text, self._window)
        action.setStatusTip(tip)
        action.setEnabled(False)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_menu(self, menu: QMenu) -> None:
        for action in self.actions:
            menu.addAction(action)

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions:
            action.setEnabled(enabled)

    # ----- the actions -----------------------------------------------------------------------

    def renegotiate(self) -> None:
        self._with_state(self._renegotiate)

    def _renegotiate(self, session: VaultSession, state: CourseState) -> None:
        if state.episode.ended:
            self._say(self.tr("This episode has ended; its contract can no longer change."))
            return
        dialog = RenegotiateDialog(session, state.episode, state.held, self._window)
        dialog.stored.connect(lambda _: self._say(self.tr("Contract renegotiated.")))
        self._open(session, dialog)

    def end_acute_phase(self) -> None:
        self._with_state(self._end)

    def _end(self, session: VaultSession, state: CourseState) -> None:
        if state.episode.ended or state.episode.kind is EpisodeKind.MAINTENANCE:
            self._say(self.tr("Only an acute episode that is still open ends with this review."))
            return
        dialog = EndingReviewDialog(
            session, state.episode, state.held, state.open_flags, self._window, state.scores
        )
        dialog.stored.connect(
            lambda _: self._say(self.tr("The acute phase has ended; the review is recorded."))
        )
        self._open(session, dialog)

    def start_maintenance(self) -> None:
        self._with_state(self._maintenance)

    def _maintenance(self, session: VaultSession, state: CourseState) -> None:
        if not state.episode.ended:
            self._say(self.tr("Start maintenance once the current episode has ended."))
            return
        dialog = MaintenanceDialog(session, state.episode.client_id, self._window)
        dialog.stored.connect(lambda _: self._started(self.tr("Maintenance (IPT-M) started.")))
        self._open(session, dialog)

    def new_episode(self) -> None:
        self._with_state(self._new_episode)

    def _new_episode(self, session: VaultSession, state: CourseState) -> None:
        if not state.episode.ended:
            self._say(self.tr("Start a new acute episode once the current episode has ended."))
            return
        client_id, contract = state.episode.client_id, state.episode.contract
        dialog = NewEpisodeDialog(session, client_id, contract, self._window)
        dialog.stored.connect(lambda _: self._started(self.tr("A new acute episode started.")))
        self._open(session, dialog)

    def edit_profile(self, *, first_time: bool = False) -> None:
        """The clinician profile dialog (Preferences, or once after a new vault was made)."""
        session = self._window.session
        if session is None or not session.is_open:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            return
        dialog = ProfileDialog(session, first_time=first_time, parent=self._window)
        dialog.stored.connect(lambda _: self._say(self.tr("Clinician profile saved.")))
        self._open(session, dialog)

    def ask_profile_if_missing(self) -> None:
        """After the first unlock of a new vault: ask once, skippable, never blocking."""
        session = self._window.session
        if session is None or not session.is_open:
            return
        session.op(
            clinician.get_profile,
            lambda profile: None if profile is not None else self.edit_profile(first_time=True),
            origin=self,
        )

    # ----- plumbing --------------------------------------------------------------------------

    def _with_state(self, then: Callable[[VaultSession, CourseState], None]) -> None:
        window = self._window
        session, view = window.session, window.view
        if self.dialog is not None:
            self.dialog.raise_()
            return
        if session is None or view is None or view.workspace is None:
            self._say(self.tr("Open a client's chart first."))
            return
        client_id = view.workspace.client_id
        session.op(
            lambda vault: read_state(vault, client_id),
            lambda state: then(session, state),
            origin=self,
        )

    def _open(self, session: VaultSession, dialog: CourseDialog) -> None:
        dialog.addAction(self._window.lock_action)  # Ctrl+L still locks while it has focus
        session.locking.connect(dialog.discard)
        dialog.finished.connect(lambda _: self._closed(session, dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, session: VaultSession, dialog: CourseDialog) -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # the session may be gone
            session.locking.disconnect(dialog.discard)
        if self.dialog is dialog:
            self.dialog = None
            self._window.activateWindow()  # keyboard shortcuts reach the window again

    def _started(self, text: str) -> None:
        """A new episode exists: the workspace shows it."""
        self._say(text)
        if self._window.view is not None:
            self._window.view.reopen_current()

    def _say(self, text: str) -> None:
        self._window.say(text)
