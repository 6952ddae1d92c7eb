"""The interpersonal inventory, closeness-circle snapshots and the timeline of an episode."""

from __future__ import annotations

from workbench.domain.inventory import (
    EVENT_TYPES,
    LINE_STYLES,
    RELATIONSHIPS,
    RINGS,
    CircleSnapshot,
    Person,
    PersonDetails,
    Placement,
    TimelineEvent,
)
from workbench.errors import InvalidInput
from workbench.store import inventory, measures
from workbench.store.vault import Vault


def _check_person(alias: str, relationship: str, details: PersonDetails) -> None:
    problems = details.problems()
    if not alias.strip():
        problems.insert(0, "Give the person an alias or initials.")
    if relationship not in RELATIONSHIPS:
        problems.append(f"Relationship is one of: {', '.join(RELATIONSHIPS)}.")
    if problems:
        raise InvalidInput(" ".join(problems))


def add_person(
    vault: Vault,
    episode_id: int,
    alias: str,
    relationship: str,
    details: PersonDetails | None = None,
) -> int:
    details = details or PersonDetails(living=relationship != "deceased")
    _check_person(alias, relationship, details)
    with vault.transaction() as tx:
        person_id = inventory.add_person(
            tx, vault.now(), episode_id, alias.strip(), relationship, details
        )
        vault.audit(tx, "create", "person", person_id)
    return person_id


def update_person(
    vault: Vault, person_id: int, alias: str, relationship: str, details: PersonDetails
) -> None:
    _check_person(alias, relationship, details)
    with vault.transaction() as tx:
        inventory.update_person(tx, vault.now(), person_id, alias.strip(), relationship, details)
        vault.audit(tx, "edit", "person", person_id)


def people(vault: Vault, episode_id: int) -> list[Person]:
    with vault.reading() as conn:
        return inventory.people(conn, episode_id)


def snapshot_circle(
    vault: Vault, episode_id: int, taken_on: str, label: str, placements: list[Placement]
) -> int:
    """Record where each person sits in the closeness circle now (e.g. 'intake', 'end')."""
    for p in placements:
        if p.ring not in RINGS or p.line_style not in LINE_STYLES:
            raise InvalidInput(
                "Rings are 1 (closest) to 3; lines are supportive, conflict or deceased."
            )
    with vault.transaction() as tx:
        known = {p.id for p in inventory.people(tx, episode_id)}
        if any(p.person_id not in known for p in placements):
            raise InvalidInput("Place only people from this episode's inventory.")
        snapshot_id = inventory.add_snapshot(tx, episode_id, taken_on, label, placements)
        vault.audit(tx, "create", "circle-snapshot", snapshot_id)
    return snapshot_id


def circle_snapshots(vault: Vault, episode_id: int) -> list[CircleSnapshot]:
    with vault.reading() as conn:
        return inventory.snapshots(conn, episode_id)


def add_event(vault: Vault, episode_id: int, event: TimelineEvent) -> int:
    if event.event_type not in EVENT_TYPES:
        raise InvalidInput(f"Event type is one of: {', '.join(EVENT_TYPES)}.")
    if event.impact is not None and not 0 <= event.impact <= 10:
        raise InvalidInput("Impact is rated from 0 to 10.")
    with vault.transaction() as tx:
        event_id = inventory.add_event(tx, episode_id, event)
        vault.audit(tx, "create", "timeline-event", event_id)
    return event_id


def timeline(vault: Vault, episode_id: int) -> list[TimelineEvent]:
    """Life events with measure totals merged in as symptom markers, in date order."""
    with vault.reading() as conn:
        events = inventory.events(conn, episode_id)
        scores = measures.administrations(conn, episode_id)
    marks = [
        TimelineEvent(
            0,
            a.administered_on,
            "day",
            "measure",
            None,
            f"{a.instrument} {a.total if a.total is not None else 'incomplete'}",
            "",
        )
        for a in scores
    ]
    return sorted([*events, *marks], key=lambda e: (e.event_date, e.event_type == "measure"))
