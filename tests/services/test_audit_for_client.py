"""A client's audit trail lists everything recorded in their episodes, and nothing of others'."""

from __future__ import annotations

from tests.reports.course import record_course
from workbench.domain.episode import Contract
from workbench.services import audit_log, episodes, inventory
from workbench.store.vault import Vault


def test_every_kind_of_record_in_a_course_appears_in_the_clients_trail(vault: Vault) -> None:
    client = record_course(vault, sessions_held=12)
    other = episodes.add_client(vault, "Quill", "Ostrander")
    other_episode = episodes.open_episode(vault, other, Contract("WMK", 12), "2026-02-02")
    inventory.add_person(vault, other_episode, "Brother", "sibling")

    mine = audit_log.for_client(vault, client)
    entities = {e.entity for e in mine}
    expected = {
        "client", "episode", "person", "circle-snapshot", "timeline-event", "formulation",
        "goals", "session", "note", "measure", "risk-flag", "risk-note", "maintenance-plan",
        "checklist",
    }  # fmt: skip
    assert expected <= entities, expected - entities

    theirs = audit_log.for_client(vault, other)
    assert {e.entity for e in theirs} == {"client", "episode", "person"}
    assert not {e.seq for e in theirs} & {e.seq for e in mine}
