"""Note search results: client name, session number, date and a short excerpt per hit."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.rows import RIGHT, Column, RowsModel
from ui.widgets.date_fields import show_date, show_number
from workbench.domain.caseload import NoteHit

MISSING = "—"

NOTE_HIT_COLUMNS: tuple[Column[NoteHit], ...] = (
    Column(QT_TRANSLATE_NOOP("TableHeader", "Name"), lambda h: h.display_name),
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Session"),
        lambda h: MISSING if h.session_number is None else show_number(h.session_number),
        lambda h: h.session_number or 0,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Date"),
        lambda h: show_date(h.held_on) if h.held_on else MISSING,
        lambda h: h.held_on or "",
    ),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Excerpt"), lambda h: h.excerpt),
)


class NoteHitsModel(RowsModel[NoteHit]):
    """One row per matching note, best match first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(NOTE_HIT_COLUMNS, parent)
