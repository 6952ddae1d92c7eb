"""Table models of the client workspace: sessions, open items, measures, risk flags and notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, Qt

from ui.models.rows import RIGHT, Column, RowsModel
from workbench.domain.notes import Note
from workbench.domain.risk import RiskFlagView
from workbench.protocol import ChecklistItem
from workbench.services.workspace_reads import AdministrationRow, SessionRow

MISSING = "—"


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkspaceModels", text)


def local_date(iso: str | None) -> str:
    """An ISO date (or timestamp) in the system locale's short format; other text unchanged."""
    if not iso:
        return MISSING
    day = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    if not day.isValid():
        return iso
    if len(iso) > 10:
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
        if moment.isValid():
            return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)


def attendance_label(value: str) -> str:
    labels = {
        "attended": _t("attended"),
        "cancelled": _t("cancelled"),
        "did_not_attend": _t("did not attend"),
    }
    return labels.get(value, value.replace("_", " "))


def _note_state(row: SessionRow) -> str:
    if row.note_id is None:
        return _t("no note")
    if not row.signed:
        return _t("draft")
    if row.addenda:
        noun = _t("addendum") if row.addenda == 1 else _t("addenda")
        return f"{_t('signed')}, {row.addenda} {noun}"
    return _t("signed")


class SessionsModel(RowsModel[SessionRow]):
    """One row per session: number, date, attendance, and whether its note is signed."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[SessionRow], ...] = (
            Column(_t("Session"), lambda r: str(r.number), lambda r: r.number, RIGHT),
            Column(_t("Date"), lambda r: local_date(r.held_on), lambda r: r.held_on),
            Column(_t("Attendance"), lambda r: attendance_label(r.attendance)),
            Column(_t("Note"), _note_state),
        )
        super().__init__(columns, parent)


class OpenItemsModel(RowsModel[ChecklistItem]):
    """Checklist items still open, required first (as the core orders them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[ChecklistItem], ...] = (
            Column(_t("Level"), lambda i: _t("required") if i.required else _t("recommended")),
            Column(_t("Phase"), lambda i: i.phase.value),
            Column(_t("Still open"), lambda i: i.text),
        )
        super().__init__(columns, parent)


def _total(row: AdministrationRow) -> str:
    return _t("incomplete") if row.total is None else str(row.total)


class AdministrationsModel(RowsModel[AdministrationRow]):
    """Past administrations: date, session, instrument, total (or incomplete) and band."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[AdministrationRow], ...] = (
            Column(
                _t("Date"), lambda a: local_date(a.administered_on), lambda a: a.administered_on
            ),
            Column(
                _t("Session"),
                lambda a: MISSING if a.session_number is None else str(a.session_number),
                lambda a: a.session_number or 0,
                RIGHT,
            ),
            Column(_t("Measure"), lambda a: a.instrument),
            Column(_t("Total"), _total, lambda a: -1 if a.total is None else a.total, RIGHT),
            Column(_t("Band"), lambda a: a.band or MISSING),
        )
        super().__init__(columns, parent)


def flag_state(flag: RiskFlagView) -> str:
    return _t("open") if flag.open else _t("noted in a risk note")


class RiskFlagsModel(RowsModel[RiskFlagView]):
    """Risk flags, open first; a closed flag is "noted", never "safe"."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[RiskFlagView], ...] = (
            Column(_t("State"), flag_state),
            Column(_t("Raised"), lambda f: local_date(f.raised_at), lambda f: f.raised_at),
            Column(_t("Source"), lambda f: f.source),
        )
        super().__init__(columns, parent)


class RiskNotesModel(RowsModel[Note]):
    """Signed risk notes, newest first: when, by whom, kinds of thoughts, follow-up."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[Note], ...] = (
            Column(
                _t("Signed"), lambda n: local_date(n.signature.signed_at if n.signature else "")
            ),
            Column(_t("By"), lambda n: n.signature.signed_by if n.signature else MISSING),
            Column(
                _t("Thoughts"),
                lambda n: ", ".join(n.body.get("nature_of_thoughts", [])) or MISSING,
            ),
            Column(_t("Follow-up"), lambda n: local_date(n.body.get("follow_up_date"))),
        )
        super().__init__(columns, parent)


def flag_line(flag: RiskFlagView) -> str:
    """One open flag as the banner says it: a flag for the clinician, never advice."""
    return (
        _t("%1 — clinician review required (raised %2)")
        .replace("%1", flag.source)
        .replace("%2", local_date(flag.raised_at))
    )
