"""Changing a timeline event: fields and people replaced, bad input and other episodes refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.domain.episode import Contract
from workbench.domain.inventory import TimelineEvent
from workbench.errors import InvalidInput, NotFound
from workbench.services import episodes, inventory, workspace_edits
from workbench.store.audit import entries
from workbench.store.vault import Vault


def test_update_event_replaces_fields_and_people(vault: Vault, episode: int) -> None:
    sister = inventory.add_person(vault, episode, "sister", "sibling")
    friend = inventory.add_person(vault, episode, "friend", "friend")
    event_id = inventory.add_event(
        vault, episode, TimelineEvent(0, "2025-11-03", "day", "move", 4, None, "moved", (sister,))
    )
    changed = TimelineEvent(
        event_id, "2025-11-01", "month", "job change", 7, "episode start", "new job", (friend,)
    )
    workspace_edits.update_event(vault, episode, changed)
    assert inventory.timeline(vault, episode) == [changed]
    with vault.reading() as conn:
        last = entries(conn, 1)[0]
    assert (last.action, last.entity, last.entity_id) == ("edit", "timeline-event", str(event_id))


def test_update_event_refuses_bad_input_and_other_episodes(vault: Vault, episode: int) -> None:
    event_id = inventory.add_event(
        vault, episode, TimelineEvent(0, "2025-11-03", "day", "move", 4, None, "")
    )
    good = TimelineEvent(event_id, "2025-11-03", "day", "move", 4, None, "")
    for bad in (
        replace(good, event_type="holiday"),
        replace(good, date_precision="week"),
        replace(good, impact=11),
        replace(good, symptom_marker="relapse"),
    ):
        with pytest.raises(InvalidInput):
            workspace_edits.update_event(vault, episode, bad)
    client = episodes.add_client(vault, "Other", "Client")
    other = episodes.open_episode(vault, client, Contract("WMK", 12), "2026-03-02")
    with pytest.raises(NotFound):
        workspace_edits.update_event(vault, other, good)
    stranger = inventory.add_person(vault, other, "stranger", "other")
    workspace_edits.update_event(vault, episode, replace(good, people=(stranger,)))
    assert inventory.timeline(vault, episode)[0].people == ()
