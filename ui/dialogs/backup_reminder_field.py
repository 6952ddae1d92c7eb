"""The Preferences field for how many days after the last verified backup the app reminds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from ui.settings import BACKUP_REMINDER_DAYS_RANGE, AppSettings


def backup_reminder_field(settings: AppSettings, parent: QWidget) -> tuple[QLabel, QSpinBox]:
    """A labelled spin box holding the saved number of days (saved by the dialog on OK)."""
    days = QSpinBox(parent)
    days.setRange(*BACKUP_REMINDER_DAYS_RANGE)
    days.setValue(settings.backup_reminder_days())
    days.setSuffix(QCoreApplication.translate("PreferencesDialog", " days"))
    days.setAccessibleName(
        QCoreApplication.translate(
            "PreferencesDialog", "Remind me to back up when the last backup is this many days old"
        )
    )
    label = QLabel(
        QCoreApplication.translate("PreferencesDialog", "&Remind to back up after"), parent
    )
    label.setBuddy(days)
    return label, days
