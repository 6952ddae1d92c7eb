"""Read-only tables of the client workspace: inventory people, timeline entries, audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from ui.models.rows import RIGHT, Column, RowsModel
from ui.widgets.date_fields import show_date, show_moment, vocab
from workbench.domain.inventory import Person, TimelineEvent
from workbench.store.audit import AuditEntry

CONTEXT = "WorkspaceTables"
MAX_CELL = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_CELL else flat[: MAX_CELL - 1] + "…"


@dataclass(frozen=True)
class PersonRow:
    """A person of the inventory and the ring they sit in now (None before any placement)."""

    person: Person
    ring: int | None


def _ring(row: PersonRow) -> str:
    return "" if row.ring is None else str(row.ring)


def _met(value: str) -> str:
    return vocab(value)


class PeopleModel(RowsModel[PersonRow]):
    """One row per important person: who, how close, and the §7.1 fields that matter at a glance."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[PersonRow], ...] = (
            Column(_tr("Alias"), lambda r: r.person.alias),
            Column(_tr("Relationship"), lambda r: vocab(r.person.relationship)),
            Column(_tr("Ring"), _ring, lambda r: r.ring or 9, RIGHT),
            Column(_tr("Confiding"), lambda r: vocab(r.person.details.confiding)),
            Column(
                _tr("Expectations met"),
                lambda r: _met(r.person.details.patient_expectations_met),
            ),
            Column(_tr("Conflict"), lambda r: _short(r.person.details.conflict)),
            Column(
                _tr("Problem areas"),
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
    return "" if row.event.impact is None else str(row.event.impact)


def _kind(row: EventRow) -> str:
    return _tr("measure total") if row.is_measure else vocab(row.event.event_type)


class EventsModel(RowsModel[EventRow]):
    """Life events and measure totals in date order (measure rows come from the measures)."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[EventRow], ...] = (
            Column(
                _tr("Date"),
                lambda r: show_date(r.event.event_date, r.event.date_precision),
                lambda r: r.event.event_date,
            ),
            Column(_tr("Type"), _kind),
            Column(
                _tr("Impact"),
                _impact,
                lambda r: -1 if r.event.impact is None else r.event.impact,
                RIGHT,
            ),
            Column(_tr("People"), lambda r: r.people),
            Column(_tr("Symptoms"), lambda r: vocab(r.event.symptom_marker or "")),
            Column(_tr("Notes"), lambda r: _short(r.event.notes)),
        )
        super().__init__(columns, parent)


class AuditModel(RowsModel[AuditEntry]):
    """Who did what to which record and when; the log holds ids and kinds, never clinical text."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[AuditEntry], ...] = (
            Column(
                _tr("When (local time)"),
                lambda e: show_moment(e.at),
                lambda e: f"{e.at}{e.seq:012d}",
            ),
            Column(_tr("Action"), lambda e: vocab(e.action)),
            Column(_tr("Record"), lambda e: vocab(e.entity)),
            Column(_tr("Record id"), lambda e: e.entity_id, lambda e: e.entity_id.zfill(12), RIGHT),
            Column(_tr("Who"), lambda e: e.actor),
        )
        super().__init__(columns, parent)
