"""Preferences: idle minutes before the vault locks itself (kept outside the vault), and the
clinician profile (kept inside the open vault)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.backup_reminder_field import backup_reminder_field
from ui.settings import IDLE_MINUTES_RANGE, AppSettings


class PreferencesDialog(QDialog):
    """Saves on OK and emits `idle_minutes_changed(minutes)` so the window applies it at once."""

    idle_minutes_changed = Signal(int)
    profile_requested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(*IDLE_MINUTES_RANGE)
        self.idle_minutes.setValue(settings.idle_minutes())
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setAccessibleName(self.tr("Lock after this many idle minutes"))
        label = QLabel(self.tr("&Lock the vault after"), self)
        label.setBuddy(self.idle_minutes)
        hint = QLabel(
            self.tr(
                "Without keyboard or mouse input for this long, the vault locks itself; drafts "
                "are saved first. A shorter time protects the caseload on a shared desk."
            ),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(label, self.idle_minutes)
        form.addRow(*(reminder := backup_reminder_field(settings, self)))
        self.backup_days = reminder[1]
        self.profile_button = QPushButton(self.tr("Clinician &profile…"), self)
        self.profile_button.setToolTip(
            self.tr("Your name, credentials and crisis contacts, kept in the open vault")
        )
        self.profile_button.setEnabled(False)  # the window enables it while a vault is open
        self.profile_button.clicked.connect(self.profile_requested)
        form.addRow(self.tr("Open vault"), self.profile_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        minutes = self.idle_minutes.value()
        self._settings.set_idle_minutes(minutes)
        self._settings.set_backup_reminder_days(self.backup_days.value())
        self.idle_minutes_changed.emit(minutes)
        super().accept()
