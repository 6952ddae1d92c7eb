"""Renegotiate the contract: a new number of sessions and the reason, within the profile's range."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from ui.dialogs.course_form import CourseDialog, date_field, iso
from ui.session import EPISODE, VaultSession
from workbench.domain.episode import Episode, EpisodeKind
from workbench.protocol.loader import load_profile
from workbench.services import episodes
from workbench.services.vaults import Vault


class RenegotiateDialog(CourseDialog):
    """The core refuses a count outside the manual profile's range; its message is shown."""

    def __init__(
        self, session: VaultSession, episode: Episode, held: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, self.tr("Renegotiate the contract"), parent)
        self.episode_id = episode.id
        contract = episode.contract
        frame = load_profile(contract.manual_profile).contract
        self.current = QLabel(
            self.tr("{0} sessions agreed · {1} held so far").format(
                contract.contracted_sessions, held
            ),
            self,
        )
        self.sessions = QSpinBox(self)
        self.sessions.setRange(1, 200)
        self.sessions.setValue(contract.contracted_sessions)
        self.changed_on = date_field(self, self.tr("Agreed on"))
        self.range_hint = QLabel(
            self.tr("This manual profile's acute contracts have {0}–{1} sessions.").format(
                frame.sessions_min, frame.sessions_max
            ),
            self,
        )
        self.range_hint.setWordWrap(True)
        self.add_row(self.tr("Now"), self.current)
        self.add_row(self.tr("New number of sessions"), self.sessions)
        self.add_row("", self.range_hint)
        self.range_hint.setVisible(episode.kind is not EpisodeKind.MAINTENANCE)
        self.add_row(self.tr("Agreed on"), self.changed_on)
        self.reason = self.add_text(self.tr("Reason (agreed with the client)"))
        self._held = held
        self.sessions.valueChanged.connect(self._advise)
        self._advise(self.sessions.value())

    def _advise(self, sessions: int) -> None:
        """Advice only: a count below the sessions already held is the clinician's call."""
        text = self.tr(
            "A renegotiation is explicit and agreed with the client; the course history keeps "
            "the old and new numbers and the reason."
        )
        if sessions < self._held:
            text += " " + self.tr(
                "{0} sessions are already held: with {1} the contract has no session left."
            ).format(self._held, sessions)
        self.advise(text)

    def submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.refuse(self.tr("Write the reason for the new number of sessions."))
            return
        work = partial(
            _renegotiate,
            episode_id=self.episode_id,
            sessions=self.sessions.value(),
            changed_on=iso(self.changed_on),
            reason=reason,
        )
        self.save(work, {EPISODE})


def _renegotiate(
    vault: Vault, *, episode_id: int, sessions: int, changed_on: str, reason: str
) -> None:
    episodes.renegotiate(vault, episode_id, sessions, changed_on=changed_on, reason=reason)
