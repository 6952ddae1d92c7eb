"""Small edits the client workspace needs beyond the inventory service: changing a life event."""

from __future__ import annotations

from workbench.domain.inventory import EVENT_TYPES, TimelineEvent
from workbench.errors import InvalidInput
from workbench.store import workspace_edits as store
from workbench.store.vault import Vault

DATE_PRECISIONS = ("day", "month", "year")  # how exactly the patient remembers the date
SYMPTOM_MARKERS = ("episode start", "episode end")


def check_event(event: TimelineEvent) -> None:
    """Refuse an event the timeline cannot hold, with one plain sentence per problem."""
    problems = []
    if event.event_type not in EVENT_TYPES:
        problems.append(f"Event type is one of: {', '.join(EVENT_TYPES)}.")
    if event.date_precision not in DATE_PRECISIONS:
        problems.append("Date precision is day, month or year.")
    if event.impact is not None and not 0 <= event.impact <= 10:
        problems.append("Impact is rated from 0 to 10.")
    if event.symptom_marker not in (None, *SYMPTOM_MARKERS):
        problems.append("The symptom marker is episode start or episode end.")
    if problems:
        raise InvalidInput(" ".join(problems))


def update_event(vault: Vault, episode_id: int, event: TimelineEvent) -> None:
    """Change a recorded life event (not a measure total, which lives with its measure)."""
    check_event(event)
    with vault.transaction() as tx:
        store.update_event(tx, episode_id, event)
        vault.audit(tx, "edit", "timeline-event", event.id)
