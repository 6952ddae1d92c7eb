"""Read-only tables of the client workspace: inventory people, timeline entries, audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.models.rows import RIGHT, Column, RowsModel
from ui.widgets.date_fields import show_date, show_moment, show_number, vocab
from workbench.domain.inventory import Person, TimelineEvent
from workbench.services.vaults import AuditEntry

MAX_CELL = 60


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_CELL else flat[: MAX_CELL - 1] + "…"


@dataclass(frozen=True)
class PersonRow:
    """A person of the inventory and the ring they sit in now (None before any placement)."""

    person: Person
    ring: int | None


def _ring(row: PersonRow) -> str:
    return "" if row.ring is None else show_number(row.ring)


def _met(value: str) -> str:
    return vocab(value)


class PeopleModel(RowsModel[PersonRow]):
    """One row per important person: who, how close, and the §7.1 fields that matter at a glance."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[PersonRow], ...] = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "Alias"), lambda r: r.person.alias),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Relationship"),
                lambda r: vocab(r.person.relationship),
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Ring"), _ring, lambda r: r.ring or 9, RIGHT),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Confiding"),
                lambda r: vocab(r.person.details.confiding),
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Expectations met"),
                lambda r: _met(r.person.details.patient_expectations_met),
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Conflict"),
                lambda r: _short(r.person.details.conflict),
            ),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Problem areas"),
                lambda r: ", ".join(vocab(a) for a in r.person.details.problem_areas),
            ),
        )
        super().__init__(columns, parent)

    def person_id(self, row: int) -> int:
        return self.row_at(row).person.id


@dataclass(frozen=True)
class EventRow:
    """A timeline entry with the aliases of the people it involves."""

    event: TimelineEvent
    people: str

    @property
    def is_measure(self) -> bool:
        return self.event.event_type == "measure"


def _impact(row: EventRow) -> str:
    return "" if row.event.impact is None else show_number(row.event.impact)


def _kind(row: EventRow) -> str:
    return (
        translate("WorkspaceTables", "measure total")
        if row.is_measure
        else vocab(row.event.event_type)
    )


class EventsModel(RowsModel[EventRow]):
    """Life events and measure totals in date order (measure rows come from the measures)."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[EventRow], ...] = (
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Date"),
                lambda r: show_date(r.event.event_date, r.event.date_precision),
                lambda r: r.event.event_date,
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Type"), _kind),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Impact"),
                _impact,
                lambda r: -1 if r.event.impact is None else r.event.impact,
                RIGHT,
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "People"), lambda r: r.people),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Symptoms"),
                lambda r: vocab(r.event.symptom_marker or ""),
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Notes"), lambda r: _short(r.event.notes)),
        )
        super().__init__(columns, parent)


class AuditModel(RowsModel[AuditEntry]):
    """Who did what to which record and when; the log holds ids and kinds, never clinical text."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[AuditEntry], ...] = (
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "When (local time)"),
                lambda e: show_moment(e.at),
                lambda e: f"{e.at}{e.seq:012d}",
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Action"), lambda e: vocab(e.action)),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Record"), lambda e: vocab(e.entity)),
            Column(
                QT_TRANSLATE_NOOP("TableHeader", "Record id"),
                lambda e: e.entity_id,
                lambda e: e.entity_id.zfill(12),
                RIGHT,
            ),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Who"), lambda e: e.actor),
        )
        super().__init__(columns, parent)
