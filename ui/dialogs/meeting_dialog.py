"""A supervision meeting record: date, supervisor's name, cases discussed, ratings on the
loaded supervisor form, agreed actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from ui.dialogs.record_dialog import RecordDialog
from ui.session import RECORD, VaultSession
from ui.widgets.date_fields import date_edit, text_box, to_iso
from ui.widgets.rating_grid import RatingGrid
from workbench.domain.caseload import ClientSummary
from workbench.domain.fidelity import SupervisionMeeting
from workbench.services import caseload, fidelity

CLIENT_ROLE = Qt.ItemDataRole.UserRole


class MeetingDialog(RecordDialog):
    """Record one supervision meeting; the open client (if any) is ticked as discussed."""

    def __init__(
        self, session: VaultSession, chosen: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, self.tr("Supervision meeting"), parent)
        self.resize(640, 680)
        self._chosen = chosen
        self.held_on = date_edit(self.inputs)
        self.held_on.setAccessibleName(self.tr("Meeting date"))
        self.form.addRow(self.tr("&Date:"), self.held_on)
        self.supervisor = QLineEdit(self.inputs)
        self.supervisor.setAccessibleName(self.tr("Supervisor's name"))
        self.form.addRow(self.tr("&Supervisor:"), self.supervisor)
        self.cases = QListWidget(self.inputs)
        self.cases.setAccessibleName(self.tr("Cases discussed"))
        self.cases.setMinimumHeight(110)
        self.form.addRow(self.tr("&Cases discussed:"), self.cases)
        self.grid = RatingGrid("supervisor", self.inputs)
        self.form.addRow(self.grid)
        self.actions_box = text_box(self.tr("Agreed actions"), self.inputs, lines=4)
        self.form.addRow(self.tr("&Agreed actions:"), self.actions_box)
        self.load(caseload.find_clients)

    def loaded(self, value: list[ClientSummary]) -> None:
        for client in value:
            item = QListWidgetItem(f"{client.code}  {client.display_name}", self.cases)
            item.setData(CLIENT_ROLE, client.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = client.id == self._chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.supervisor.setFocus()

    def chosen_ids(self) -> tuple[int, ...]:
        items = (self.cases.item(i) for i in range(self.cases.count()))
        return tuple(
            int(item.data(CLIENT_ROLE))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def save(self) -> None:
        ratings = self.grid.ratings()
        meeting = SupervisionMeeting(
            held_on=to_iso(self.held_on.date()),
            supervisor=self.supervisor.text(),
            client_ids=self.chosen_ids(),
            form_id=self.grid.form.id,
            ratings=ratings,
            agreed_actions=self.actions_box.toPlainText(),
        )
        self.write(lambda vault: fidelity.record_meeting(vault, meeting), {RECORD})

    def clear_fields(self) -> None:
        self.cases.clear()
        self.supervisor.setText("")
        self.actions_box.setPlainText("")
