"""New client: name (or alias) and the contract of their first course of IPT, saved in one go."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.session import CLIENTS, VaultSession
from ui.widgets.date_fields import vocab
from ui.widgets.identifier_fields import IdentifierFields, start_with_identifiers
from workbench.domain.episode import FREQUENCIES, Contract, SessionFormat
from workbench.errors import WorkbenchError

PROFILES = (
    ("WMK", QT_TRANSLATE_NOOP("NewClientDialog", "WMK (Weissman, Markowitz & Klerman)")),
    ("SR", QT_TRANSLATE_NOOP("NewClientDialog", "S&R (Stuart & Robertson)")),
)


class NewClientDialog(QDialog):
    """Emits `created(client_id)` after the client and episode are saved."""

    created = Signal(int)

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # typed names never linger
        self._session = session
        self.setWindowTitle(self.tr("New client"))
        self.given = QLineEdit(self)
        self.family = QLineEdit(self)
        self.preferred = QLineEdit(self)
        self.preferred.setPlaceholderText(self.tr("optional: alias or initials"))
        self.has_dob = QCheckBox(self.tr("Record date of birth"), self)
        self.dob = QDateEdit(QDate(1985, 1, 1), self)
        self.dob.setCalendarPopup(True)
        self.dob.setEnabled(False)
        self.has_dob.toggled.connect(self.dob.setEnabled)
        self.profile = QComboBox(self)
        for key, label in PROFILES:
            self.profile.addItem(translate("NewClientDialog", label), key)
        self.sessions = QSpinBox(self)
        self.sessions.setRange(1, 200)
        self.sessions.setValue(12)  # a default to change, never an assumption of 16
        self.frequency = QComboBox(self)
        for value in FREQUENCIES:
            self.frequency.addItem(vocab(value), value)
        self.format = QComboBox(self)
        for session_format in SessionFormat:
            self.format.addItem(vocab(session_format.value), session_format.value)
        self.start = QDateEdit(QDate.currentDate(), self)
        self.start.setCalendarPopup(True)
        form = QFormLayout()
        for label, field in (
            (self.tr("Given name"), self.given),
            (self.tr("Family name"), self.family),
            (self.tr("Preferred name"), self.preferred),
            ("", self.has_dob),
            (self.tr("Date of birth"), self.dob),
            (self.tr("Manual profile"), self.profile),
            (self.tr("Contracted sessions"), self.sessions),
            (self.tr("Frequency"), self.frequency),
            (self.tr("Format"), self.format),
            (self.tr("Start date"), self.start),
        ):
            field.setAccessibleName(label or self.tr("Record date of birth"))
            form.addRow(label, field)
        self.identifiers = IdentifierFields(
            form, self, aliases_label=self.tr("Other names"), places_label=self.tr("Places")
        )
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        contract = Contract(
            manual_profile=str(self.profile.currentData()),
            contracted_sessions=self.sessions.value(),
            frequency=str(self.frequency.currentData()),
            format=SessionFormat(self.format.currentData()),
        )
        dob = self.dob.date().toString("yyyy-MM-dd") if self.has_dob.isChecked() else None
        given, family, preferred = self.given.text(), self.family.text(), self.preferred.text()
        start = self.start.date().toString("yyyy-MM-dd")
        aliases, places = self.identifiers.aliases(), self.identifiers.places()
        self.buttons.setEnabled(False)
        self._session.op(
            lambda vault: start_with_identifiers(
                vault, (given, family, contract, start, preferred, dob), aliases, places
            ),
            self._done,
            changes={CLIENTS},
            on_error=self._failed,
        )

    def _done(self, ids: object) -> None:
        assert isinstance(ids, tuple)
        self.created.emit(int(ids[0]))
        self.accept()

    def _failed(self, error: WorkbenchError) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error.user_message)

    def discard(self) -> None:
        """Forget what was typed (the vault is locking)."""
        for field in (self.given, self.family, self.preferred):
            field.clear()
        self.identifiers.clear()
        self.reject()
