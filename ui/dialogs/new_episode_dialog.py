"""Start a new acute episode on recurrence: the contract of the new course of IPT."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from ui.dialogs.course_form import CourseDialog, date_field, iso
from ui.dialogs.new_client import PROFILES
from ui.i18n import translate
from ui.session import CLIENTS, EPISODE, VaultSession
from ui.widgets.date_fields import vocab
from workbench.domain.episode import FREQUENCIES, Contract, SessionFormat
from workbench.services import course
from workbench.services.vaults import Vault


class NewEpisodeDialog(CourseDialog):
    """Open risk flags follow the client into the new episode (they are shown there)."""

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        previous: Contract,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, "", parent)
        self.setWindowTitle(self.tr("Start a new acute episode"))
        self.client_id = client_id
        self.profile = QComboBox(self)
        for key, label in PROFILES:
            self.profile.addItem(translate("NewClientDialog", label), key)
        self.profile.setCurrentIndex(max(0, self.profile.findData(previous.manual_profile)))
        self.sessions = QSpinBox(self)
        self.sessions.setRange(1, 200)
        self.sessions.setValue(12)
        self.frequency = QComboBox(self)
        for value in FREQUENCIES:
            self.frequency.addItem(vocab(value), value)
        self.frequency.setCurrentIndex(max(0, self.frequency.findData("weekly")))
        self.format = QComboBox(self)
        for session_format in SessionFormat:
            self.format.addItem(vocab(session_format.value), session_format.value)
        self.format.setCurrentIndex(max(0, self.format.findData(previous.format.value)))
        self.start = date_field(self, self.tr("Start date"))
        for label, field in (
            (self.tr("Manual profile"), self.profile),
            (self.tr("Contracted sessions"), self.sessions),
            (self.tr("Frequency"), self.frequency),
            (self.tr("Format"), self.format),
            (self.tr("Start date"), self.start),
        ):
            self.add_row(label, field)
        self.advise(
            self.tr(
                "A new episode starts once the current one has ended. Open risk flags follow "
                "the client into it."
            )
        )

    def contract(self) -> Contract:
        return Contract(
            manual_profile=str(self.profile.currentData()),
            contracted_sessions=self.sessions.value(),
            frequency=str(self.frequency.currentData()),
            format=SessionFormat(self.format.currentData()),
        )

    def submit(self) -> None:
        work = partial(
            _start, client_id=self.client_id, contract=self.contract(), start=iso(self.start)
        )
        self.save(work, {CLIENTS, EPISODE})


def _start(vault: Vault, *, client_id: int, contract: Contract, start: str) -> int:
    return course.start_new_acute_episode(vault, client_id, contract, start)
