"""The clinician profile: who signs the PDFs, and the crisis text and contacts the plan carries."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.dialogs.course_form import CourseDialog
from ui.session import VaultSession
from workbench.domain.clinician import ClinicianProfile, CrisisContact
from workbench.services import clinician
from workbench.services.vaults import Vault


class ProfileDialog(CourseDialog):
    """Loads the saved profile, saves it in the vault. *first_time*: asked after the vault was
    made; "Later" skips it (the plan then says that no crisis contacts were set)."""

    def __init__(
        self, session: VaultSession, *, first_time: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, "", parent)
        self.setWindowTitle(self.tr("Clinician profile"))
        self.name = QLineEdit(self)
        self.credentials = QLineEdit(self)
        self.credentials.setPlaceholderText(self.tr("e.g. MSc, registered psychotherapist"))
        self.organisation = QLineEdit(self)
        self.contact = QLineEdit(self)
        for label, field in (
            (self.tr("Name"), self.name),
            (self.tr("Credentials"), self.credentials),
            (self.tr("Organisation"), self.organisation),
            (self.tr("Contact"), self.contact),
        ):
            self.add_row(label, field)
        self.crisis_text = self.add_text(self.tr("Crisis text for the patient's plan"), 4)
        self.crisis_text.setPlaceholderText(
            self.tr("Your own (or your organisation's) wording; the app adds none")
        )
        self.contacts = QTableWidget(0, 2, self)
        self.contacts.setHorizontalHeaderLabels([self.tr("Service or person"), self.tr("How")])
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.verticalHeader().hide()
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("Add contact"), self)
        self.add_button.clicked.connect(lambda: self.add_contact("", ""))
        self.remove_button = QPushButton(self.tr("Remove contact"), self)
        self.remove_button.clicked.connect(self._remove_contact)
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.add_row(self.tr("Crisis contacts"), self.contacts)
        self.add_row("", buttons)
        self.advise(
            self.tr(
                "Kept inside the vault. Your name signs notes and PDFs; the patient's plan "
                "carries your crisis text and contacts."
            )
        )
        if first_time:
            later = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            assert later is not None
            later.setText(self.tr("Later"))
            self.advise(
                self.tr(
                    "Who are you, as your notes and reports should name you? You can skip "
                    "this and set it later in Preferences; until then the patient's plan says "
                    "that no crisis contacts were set."
                )
            )
        self.buttons.setEnabled(False)
        session.op(clinician.get_profile, self._loaded, on_error=self.refuse)

    def _loaded(self, profile: ClinicianProfile | None) -> None:
        self.buttons.setEnabled(True)
        if profile is None:
            return
        self.name.setText(profile.name)
        self.credentials.setText(profile.credentials)
        self.organisation.setText(profile.organisation)
        self.contact.setText(profile.contact)
        self.crisis_text.setPlainText(profile.crisis_text)
        for person in profile.crisis_contacts:
            self.add_contact(person.name, person.how)

    def add_contact(self, name: str, how: str) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        first = QTableWidgetItem(name)
        self.contacts.setItem(row, 0, first)
        self.contacts.setItem(row, 1, QTableWidgetItem(how))
        if not name:
            self.contacts.setCurrentCell(row, 0)
            self.contacts.editItem(first)

    def _remove_contact(self) -> None:
        row = self.contacts.currentRow()
        if row >= 0:
            self.contacts.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.contacts.item(row, column)
        return item.text().strip() if item is not None else ""

    def profile(self) -> ClinicianProfile:
        contacts = tuple(
            CrisisContact(self._cell(row, 0), self._cell(row, 1))
            for row in range(self.contacts.rowCount())
            if self._cell(row, 0) or self._cell(row, 1)
        )
        return ClinicianProfile(
            name=self.name.text().strip(),
            credentials=self.credentials.text().strip(),
            organisation=self.organisation.text().strip(),
            contact=self.contact.text().strip(),
            crisis_text=self.crisis_text.toPlainText().strip(),
            crisis_contacts=contacts,
        )

    def submit(self) -> None:
        if self.contacts.state() == QAbstractItemView.State.EditingState:
            self.contacts.setCurrentCell(-1, -1)  # the cell being typed is committed first
        profile = self.profile()
        self.save(lambda vault: _save(vault, profile), ())


def _save(vault: Vault, profile: ClinicianProfile) -> None:
    clinician.save_profile(vault, profile)
