"""Start IPT-M after the acute phase: frequency, duration, review date, the return-to-acute rule."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QSpinBox, QWidget

from ui.dialogs.course_form import CourseDialog, choice_field, date_field, iso
from ui.session import CLIENTS, EPISODE, RECORD, VaultSession
from workbench.domain.course import MAINTENANCE_FREQUENCIES, MaintenanceContract
from workbench.services import course
from workbench.services.vaults import Vault


class MaintenanceDialog(CourseDialog):
    """The maintenance contract; the plan carries its frequency, review date and rule."""

    def __init__(
        self, session: VaultSession, client_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, "", parent)
        self.setWindowTitle(self.tr("Start maintenance (IPT-M)"))
        self.client_id = client_id
        self.frequency = choice_field(self, self.tr("Frequency"), MAINTENANCE_FREQUENCIES)
        self.frequency.setCurrentIndex(MAINTENANCE_FREQUENCIES.index("monthly"))
        self.add_row(self.tr("Frequency"), self.frequency)
        self.duration = QSpinBox(self)
        self.duration.setRange(1, 60)
        self.duration.setValue(12)
        self.duration.setSuffix(self.tr(" months"))
        self.add_row(self.tr("Duration"), self.duration)
        self.sessions = QSpinBox(self)
        self.sessions.setRange(1, 200)
        self.sessions.setValue(12)
        self.add_row(self.tr("Sessions agreed"), self.sessions)
        self.start = date_field(self, self.tr("Start date"))
        self.add_row(self.tr("Start date"), self.start)
        self.review_date = date_field(
            self, self.tr("Review date"), QDate.currentDate().addMonths(6)
        )
        self.add_row(self.tr("Review date"), self.review_date)
        self.rule = self.add_text(self.tr("Rule for returning to acute treatment"))
        self.rule.setPlaceholderText(
            self.tr("Your own rule, agreed with the client; the maintenance plan prints it")
        )
        self.advise(
            self.tr(
                "IPT-M starts once the acute episode has ended. The people of the inventory "
                "and the maintenance plan are carried into it."
            )
        )

    def contract(self) -> MaintenanceContract:
        return MaintenanceContract(
            frequency=str(self.frequency.currentData()),
            duration_months=self.duration.value(),
            review_date=iso(self.review_date),
            return_to_acute_rule=self.rule.toPlainText().strip(),
            sessions=self.sessions.value(),
        )

    def submit(self) -> None:
        work = partial(
            _start, client_id=self.client_id, contract=self.contract(), start=iso(self.start)
        )
        self.save(work, {CLIENTS, EPISODE, RECORD})


def _start(vault: Vault, *, client_id: int, contract: MaintenanceContract, start: str) -> int:
    return course.start_maintenance(vault, client_id, contract, start)
