"""Aliases, nicknames and places on clients, people and timeline events: stored, read back,
cleaned, refused when meaningless, audited, and kept when an event is edited elsewhere."""

from __future__ import annotations

import pytest

from workbench.domain.episode import Contract
from workbench.domain.inventory import TimelineEvent
from workbench.errors import InvalidInput, NotFound
from workbench.services import episodes, identifiers, inventory, workspace_edits
from workbench.store import audit
from workbench.store.vault import Vault


def test_identifiers_are_stored_cleaned_and_audited(vault: Vault) -> None:
    client = episodes.add_client(vault, "Ottoline", "Vasquez-Hale")
    episode = episodes.open_episode(vault, client, Contract("WMK", 12), "2026-03-02")
    person = inventory.add_person(vault, episode, "Bertrand", "partner")
    event = inventory.add_event(
        vault, episode, TimelineEvent(0, "2026-02-01", "day", "move", 5, None, "Moved house")
    )
    identifiers.set_client_identifiers(
        vault, client, aliases=["  Otti ", "otti", "Lina"], places=["Port Averill", ""]
    )
    identifiers.set_person_identifiers(vault, person, aliases=["Bert"], places=["Kilmarren"])
    identifiers.set_event_places(vault, event, ["Greyfield Cemetery"])
    record = episodes.get_client(vault, client)
    assert record.aliases == ("Otti", "Lina") and record.places == ("Port Averill",)
    [stored] = inventory.people(vault, episode)
    assert stored.aliases == ("Bert",) and stored.places == ("Kilmarren",)
    [moved] = [e for e in inventory.timeline(vault, episode) if e.event_type == "move"]
    assert moved.places == ("Greyfield Cemetery",)
    workspace_edits.update_event(vault, episode, moved)  # an edit elsewhere keeps the places
    [moved] = [e for e in inventory.timeline(vault, episode) if e.event_type == "move"]
    assert moved.places == ("Greyfield Cemetery",)
    with vault.reading() as conn:
        logged = {(e.action, e.entity) for e in audit.entries_for_client(conn, client)}
    assert {("edit", "client"), ("edit", "person"), ("edit", "timeline-event")} <= logged
    with pytest.raises(InvalidInput):
        identifiers.set_client_identifiers(vault, client, aliases=["O"], places=[])
    with pytest.raises(NotFound):
        identifiers.set_person_identifiers(vault, 9999, aliases=["X Y"], places=[])
    assert episodes.get_client(vault, client).aliases == ("Otti", "Lina")  # nothing half-saved
