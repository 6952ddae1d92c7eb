"""Note search results: client name, session number, date and a short excerpt per hit."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.models.rows import RIGHT, Column, RowsModel
from workbench.domain.caseload import NoteHit

MISSING = "—"

NOTE_HIT_COLUMNS: tuple[Column[NoteHit], ...] = (
    Column("Name", lambda h: h.display_name),
    Column(
        "Session",
        lambda h: MISSING if h.session_number is None else str(h.session_number),
        lambda h: h.session_number or 0,
        RIGHT,
    ),
    Column("Date", lambda h: h.held_on or MISSING, lambda h: h.held_on or ""),
    Column("Excerpt", lambda h: h.excerpt),
)


class NoteHitsModel(RowsModel[NoteHit]):
    """One row per matching note, best match first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(NOTE_HIT_COLUMNS, parent)
