"""Session notes: draft -> signed (locked, hashed) -> signed addenda; process notes apart."""

from __future__ import annotations

import pytest

from workbench.errors import InvalidInput, SignedNoteLocked
from workbench.services import sessions
from workbench.services.caseload import find_notes
from workbench.store import audit
from workbench.store.vault import Vault


def test_a_session_note_goes_from_draft_to_signed_to_addenda(vault: Vault, episode: int) -> None:
    _, note_id = sessions.record_session(vault, episode, "2026-03-02")
    sessions.save_note(vault, note_id, {"check_in": "Slept badly", "techniques": ["role_play"]})
    digest = sessions.sign(vault, note_id)
    note = sessions.get_note(vault, note_id)
    assert note.signed and note.signature is not None
    assert note.signature.signed_by == "Dr Ada Example" and note.signature.content_hash == digest
    with pytest.raises(SignedNoteLocked):
        sessions.save_note(vault, note_id, {"check_in": "changed afterwards"})
    with pytest.raises(SignedNoteLocked):
        sessions.sign(vault, note_id)
    addendum = sessions.add_addendum(vault, note_id, "Mother's name corrected to initials.")
    note = sessions.get_note(vault, note_id)
    assert note.body["check_in"] == "Slept badly"
    assert [a.id for a in note.addenda] == [addendum] and note.addenda[0].signed
    actions = [e.action for e in audit.entries(vault.conn, limit=3)]
    assert actions == ["sign", "sign", "edit"]  # addendum, note, draft; refusals left no entry
    assert audit.verify_chain(vault.conn) == []


def test_session_numbers_count_up_and_notes_are_searchable(vault: Vault, episode: int) -> None:
    for day in ("2026-03-02", "2026-03-09", "2026-03-16"):
        _, note_id = sessions.record_session(vault, episode, day)
        sessions.save_note(vault, note_id, {"mood_event_link": f"allotment visit {day}"})
    hits = find_notes(vault, "allotment")
    assert sorted(h.session_number for h in hits) == [1, 2, 3]


def test_bad_input_is_refused_with_a_plain_message(vault: Vault, episode: int) -> None:
    _, note_id = sessions.record_session(vault, episode, "2026-03-02")
    with pytest.raises(InvalidInput, match="Unknown note sections"):
        sessions.save_note(vault, note_id, {"diagnosis_by_app": "x"})
    with pytest.raises(SignedNoteLocked):
        sessions.add_addendum(vault, note_id, "addendum on a draft")
    with pytest.raises(InvalidInput):
        sessions.add_addendum(vault, note_id, "   ")


def test_process_notes_are_kept_apart_and_not_searchable(vault: Vault, episode: int) -> None:
    session_id, _ = sessions.record_session(vault, episode, "2026-03-02")
    sessions.save_process_note(vault, episode, "countertransference zebrafish", session_id)
    assert find_notes(vault, "zebrafish") == []


def test_techniques_come_from_the_profile_catalogue(vault: Vault, episode: int) -> None:
    _, note_id = sessions.record_session(vault, episode, "2026-03-02")
    with pytest.raises(InvalidInput, match="problem_solving"):
        sessions.save_note(vault, note_id, {"techniques": ["problem_solving"]})  # S&R only
    sessions.save_note(vault, note_id, {"techniques": ["clarification", "role_play"]})


def test_a_new_client_starts_with_an_episode_in_one_action(vault: Vault) -> None:
    from workbench.domain.episode import Contract
    from workbench.services import episodes

    client, episode = episodes.start_client(
        vault, "Rocío", "Muñoz", Contract("SR", 10), "2026-02-02", date_of_birth="1990-05-01"
    )
    assert episodes.current_episode(vault, client).id == episode
    assert episodes.get_episode(vault, episode).contract.contracted_sessions == 10
    with pytest.raises(InvalidInput):
        episodes.start_client(vault, " ", "", Contract("SR", 10), "2026-02-02")
    with pytest.raises(InvalidInput):
        episodes.start_client(vault, "A", "B", Contract("XYZ", 0), "2026-02-02")
