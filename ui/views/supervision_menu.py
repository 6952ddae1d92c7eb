"""The Client menu's supervision entries: the supervision pack, a session's adherence
self-rating, the case summary and a supervision meeting record."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from ui.session import VaultSession

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


def _action(parent: QObject, text: str, slot: Callable[[], None], *, tip: str) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


OpenDialog = Callable[[VaultSession, int | None, QWidget], QDialog]


class SupervisionMenu(QObject):
    """Adds its actions to *menu*; one dialog at a time; a lock closes it (it listens itself)."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: QDialog | None = None
        menu.addSeparator()
        self.rating_action = _action(
            window, self.tr("&Rate session adherence…"),
            partial(self._open, self._rating, needs_client=True),
            tip=self.tr("Your adherence self-rating for a session of the open client"),
        )  # fmt: skip
        self.summary_action = _action(
            window, self.tr("Case s&ummary…"),
            partial(self._open, self._summary, needs_client=True),
            tip=self.tr("Case summary, diagnosis as recorded, sick role and questions"),
        )  # fmt: skip
        self.meeting_action = _action(
            window, self.tr("Supervision &meeting…"),
            partial(self._open, self._meeting, needs_client=False),
            tip=self.tr("Record a supervision meeting: supervisor, cases, ratings, actions"),
        )  # fmt: skip
        self.pack_action = _action(
            window, self.tr("Supervision &pack…"),
            partial(self._open, self._pack, needs_client=False),
            tip=self.tr("Several clients' supervisor reports in one de-identified PDF"),
        )  # fmt: skip
        self.actions_ = (
            self.rating_action,
            self.summary_action,
            self.meeting_action,
            self.pack_action,
        )
        for action in self.actions_:
            action.setEnabled(False)
            menu.addAction(action)

    def set_unlocked(self, unlocked: bool) -> None:
        for action in self.actions_:
            action.setEnabled(unlocked)

    @staticmethod
    def _rating(session: VaultSession, client_id: int | None, parent: QWidget) -> QDialog:
        from ui.dialogs.fidelity_dialogs import SessionRatingDialog  # loaded when first used

        assert client_id is not None
        return SessionRatingDialog(session, client_id, parent)

    @staticmethod
    def _summary(session: VaultSession, client_id: int | None, parent: QWidget) -> QDialog:
        from ui.dialogs.fidelity_dialogs import CaseSummaryDialog

        assert client_id is not None
        return CaseSummaryDialog(session, client_id, parent)

    @staticmethod
    def _meeting(session: VaultSession, client_id: int | None, parent: QWidget) -> QDialog:
        from ui.dialogs.meeting_dialog import MeetingDialog

        return MeetingDialog(session, client_id, parent)

    @staticmethod
    def _pack(session: VaultSession, client_id: int | None, parent: QWidget) -> QDialog:
        from ui.dialogs.pack_dialog import PackDialog

        dialog = PackDialog(session, client_id, parent)
        session.locking.connect(dialog.discard)
        dialog.finished.connect(lambda _r: session.locking.disconnect(dialog.discard))
        return dialog

    def _open(self, make: OpenDialog, *, needs_client: bool) -> None:
        window, session, view = self._window, self._window.session, self._window.view
        if session is None or not session.is_open or view is None or self.dialog is not None:
            return
        client_id = view.client_for_actions()[0]
        if needs_client and client_id is None:
            window.say(self.tr("Open or select a client first."))
            return
        dialog = make(session, client_id, window)
        dialog.addAction(window.lock_action)  # Ctrl+L still locks while it has focus
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
