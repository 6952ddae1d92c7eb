"""Table models of the client workspace: sessions, open items, measures, risk flags and notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, Qt

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.models.rows import RIGHT, Column, RowsModel
from ui.widgets.date_fields import show_number, vocab
from workbench.domain.notes import Note
from workbench.domain.risk import RiskFlagView
from workbench.protocol import ChecklistItem
from workbench.services.workspace_reads import AdministrationRow, SessionRow

MISSING = "—"


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
        "attended": translate("WorkspaceModels", "attended"),
        "cancelled": translate("WorkspaceModels", "cancelled"),
        "did_not_attend": translate("WorkspaceModels", "did not attend"),
    }
    return labels.get(value, value.replace("_", " "))


def _note_state(row: SessionRow) -> str:
    if row.note_id is None:
        return translate("WorkspaceModels", "no note")
    if not row.signed:
        return translate("WorkspaceModels", "draft")
    if row.addenda:
        if row.addenda == 1:
            return translate("WorkspaceModels", "signed, 1 addendum")
        return QCoreApplication.translate("WorkspaceModels", "signed, %n addenda", "", row.addenda)
    return translate("WorkspaceModels", "signed")


class SessionsModel(RowsModel[SessionRow]):
    """One row per session: number, date, attendance, and whether its note is signed."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[SessionRow], ...] = (
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Session"),
                lambda r: show_number(r.number),
                lambda r: r.number,
                RIGHT,
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Date"),
                lambda r: local_date(r.held_on),
                lambda r: r.held_on,
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Attendance"),
                lambda r: attendance_label(r.attendance),
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Note"), _note_state),
        )
        super().__init__(columns, parent)


class OpenItemsModel(RowsModel[ChecklistItem]):
    """Checklist items still open, required first (as the core orders them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[ChecklistItem], ...] = (
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Level"),
                lambda i: (
                    translate("WorkspaceModels", "required")
                    if i.required
                    else translate("WorkspaceModels", "recommended")
                ),
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Phase"), lambda i: vocab(i.phase.value)),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Still open"), lambda i: i.text),
        )
        super().__init__(columns, parent)


def _total(row: AdministrationRow) -> str:
    return (
        translate("WorkspaceModels", "incomplete") if row.total is None else show_number(row.total)
    )


class AdministrationsModel(RowsModel[AdministrationRow]):
    """Past administrations: date, session, instrument, total (or incomplete) and band."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[AdministrationRow], ...] = (
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Date"),
                lambda a: local_date(a.administered_on),
                lambda a: a.administered_on,
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Session"),
                lambda a: MISSING if a.session_number is None else show_number(a.session_number),
                lambda a: a.session_number or 0,
                RIGHT,
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Measure"), lambda a: a.instrument),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Total"),
                _total,
                lambda a: -1 if a.total is None else a.total,
                RIGHT,
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Band"), lambda a: a.band or MISSING),
        )
        super().__init__(columns, parent)


def flag_state(flag: RiskFlagView) -> str:
    return (
        translate("WorkspaceModels", "open")
        if flag.open
        else translate("WorkspaceModels", "noted in a risk note")
    )


def flag_course(flag: RiskFlagView, episode_id: int) -> str:
    """Where the flag stands in the course, seen from *episode_id*: raised in an earlier
    episode, carried forward when an episode ended with it open."""
    parts = []
    if episode_id and flag.episode_id and flag.episode_id != episode_id:
        parts.append(translate("WorkspaceModels", "raised in an earlier episode"))
    if flag.carried_forward:
        parts.append(
            translate("WorkspaceModels", "carried forward on %1").replace(
                "%1", local_date(flag.carried_forward)
            )
        )
    return "; ".join(parts)


class RiskFlagsModel(RowsModel[RiskFlagView]):
    """The client's risk flags, open first, each with its place in the course as seen from
    *episode_id*; a closed flag is "noted", never "safe"."""

    def __init__(self, parent: QObject | None = None, *, episode_id: int = 0) -> None:
        columns: tuple[Column[RiskFlagView], ...] = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "State"), flag_state),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Raised"),
                lambda f: local_date(f.raised_at),
                lambda f: f.raised_at,
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Source"), lambda f: f.source),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Course"), lambda f: flag_course(f, episode_id)
            ),
        )
        super().__init__(columns, parent)


class RiskNotesModel(RowsModel[Note]):
    """Signed risk notes, newest first: when, by whom, kinds of thoughts, follow-up."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[Note], ...] = (
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Signed"),
                lambda n: local_date(n.signature.signed_at if n.signature else ""),
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "By"),
                lambda n: n.signature.signed_by if n.signature else MISSING,
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Thoughts"),
                lambda n: (
                    ", ".join(vocab(t) for t in n.body.get("nature_of_thoughts", [])) or MISSING
                ),
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Follow-up"),
                lambda n: local_date(n.body.get("follow_up_date")),
            ),
        )
        super().__init__(columns, parent)


def flag_line(flag: RiskFlagView) -> str:
    """One open flag as the banner says it: a flag for the clinician, never advice."""
    return (
        translate("WorkspaceModels", "%1 — clinician review required (raised %2)")
        .replace("%1", flag.source)
        .replace("%2", local_date(flag.raised_at))
    )
