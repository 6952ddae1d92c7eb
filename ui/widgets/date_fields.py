"""Dates in the system locale, an optional date field, and small form helpers for the workspace."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from ui.widgets.note_field import NoteField

ISO = Qt.DateFormat.ISODate
VOCABULARY_CONTEXT = "vocabulary"  # the words are marked in ui/models/vocabulary.py


def vocab(value: str) -> str:
    """A stored vocabulary word (relationship, event type...) in the user's language."""
    return QCoreApplication.translate(VOCABULARY_CONTEXT, value) if value else ""


def show_number(value: int) -> str:
    """A count or total in the system locale's digits and grouping."""
    return QLocale().toString(value)


def to_qdate(iso: str | None) -> QDate:
    """An ISO date (or year-month, or year) as a QDate; invalid when missing or malformed."""
    if not iso:
        return QDate()
    text = iso[:10]
    for suffix in ("", "-01", "-01-01"):
        found = QDate.fromString(text + suffix, ISO)
        if found.isValid():
            return found
    return QDate()


def to_iso(date: QDate) -> str:
    return date.toString(ISO)


def show_date(iso: str | None, precision: str = "day") -> str:
    """A stored date in the system locale: a short date, a month and year, or a year."""
    date = to_qdate(iso)
    if not date.isValid():
        return iso or ""
    locale = QLocale()
    if precision == "year":
        return locale.toString(date, "yyyy")
    if precision == "month":
        return locale.toString(date, "MMM yyyy")
    return locale.toString(date, QLocale.FormatType.ShortFormat)


def show_moment(iso_utc: str) -> str:
    """A UTC timestamp (2026-11-22T10:00:00Z) in local time, in the system locale."""
    moment = QDateTime.fromString(iso_utc, ISO)
    if not moment.isValid():
        return iso_utc
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar, in the locale's short format with a four-digit year."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    edit.setDisplayFormat(fmt)
    edit.setDate(QDate.currentDate())
    edit.setMinimumWidth(120)
    return edit


class OptionalDate(QWidget):
    """A date that may be left unset: a check box turns the date field on."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.check.setAccessibleName(label)
        self.date = date_edit(self)
        self.date.setAccessibleName(label)
        self.date.setEnabled(False)
        self.check.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.date)
        row.addStretch(1)
        self.setFocusProxy(self.check)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def value(self) -> str | None:
        return to_iso(self.date.date()) if self.check.isChecked() else None

    def set_value(self, iso: str | None) -> None:
        date = to_qdate(iso)
        self.check.setChecked(date.isValid())
        self.date.setDate(date if date.isValid() else QDate.currentDate())


def text_box(name: str, parent: QWidget | None = None, lines: int = 3) -> QPlainTextEdit:
    """A multi-line field that Tab leaves (keyboard navigation), about *lines* lines tall."""
    box = NoteField(parent)
    box.setAccessibleName(name)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setMinimumHeight(height)
    box.setMaximumHeight(height + box.fontMetrics().lineSpacing() * 2)
    return box


def lines_of(text: str) -> tuple[str, ...]:
    """One item per non-empty line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def join_lines(items: Iterable[str]) -> str:
    return "\n".join(items)
