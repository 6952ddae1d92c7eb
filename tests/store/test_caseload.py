"""Caseload queries: name search, note search (FTS5), phases, signed notes, one action = one tx."""

from __future__ import annotations

import pytest

from tests.support import PASSPHRASE
from workbench.domain.phase import Phase
from workbench.errors import SignedNoteLocked
from workbench.store import clients, episodes, notes
from workbench.store.vault import Vault


def _client_with_sessions(
    vault: Vault, given: str, family: str, held: int, contracted: int = 12, profile: str = "WMK"
) -> int:
    with vault.transaction() as tx:
        now = vault.now()
        cid = clients.add_client(tx, now, given_name=given, family_name=family)
        eid = episodes.add_episode(
            tx,
            now,
            cid,
            kind="acute",
            manual_profile=profile,
            contracted_sessions=contracted,
            start_date="2026-03-02",
        )
        for n in range(1, held + 1):
            sid = episodes.add_session(tx, now, eid, n, f"2026-03-{n + 1:02d}")
            notes.add_note(
                tx, now, eid, {"check_in": f"week {n} with the allotment group"}, session_id=sid
            )
    return cid


def test_name_search_ignores_case_accents_and_script(vault: Vault) -> None:
    _client_with_sessions(vault, "Éva", "Kovács", 2)
    _client_with_sessions(vault, "Ελένη", "Οικονόμου", 1)
    _client_with_sessions(vault, "Ольга", "Белова", 0)
    with vault.reading() as conn:
        assert [c.display_name for c in clients.list_clients(conn, "kovacs")] == ["Éva Kovács"]
        assert [c.display_name for c in clients.list_clients(conn, "ΕΛΕΝΗ")] == ["Ελένη Οικονόμου"]
        assert [c.display_name for c in clients.list_clients(conn, "бел")] == ["Ольга Белова"]
        assert clients.list_clients(conn, "%") == []
        assert len(clients.list_clients(conn)) == 3


def test_session_n_of_m_and_phase_come_from_the_episode(vault: Vault) -> None:
    _client_with_sessions(vault, "Rory", "Hollis", 0)
    _client_with_sessions(vault, "Maisie", "Carrow", 2)
    _client_with_sessions(vault, "Declan", "Fenwick", 6)
    _client_with_sessions(vault, "Toby", "Oakley", 11)
    _client_with_sessions(vault, "Priya", "Marlowe", 11, profile="SR")
    with vault.reading() as conn:
        rows = {c.display_name: c for c in clients.list_clients(conn)}
    assert rows["Rory Hollis"].phase is Phase.NOT_STARTED
    assert rows["Maisie Carrow"].phase is Phase.INITIAL
    assert rows["Maisie Carrow"].session_label == "session 2 of 12"
    assert rows["Declan Fenwick"].phase is Phase.MIDDLE
    assert rows["Toby Oakley"].phase is Phase.TERMINATION
    assert rows["Priya Marlowe"].phase is Phase.CONCLUSION


def test_note_search_uses_the_index_and_tolerates_any_input(vault: Vault) -> None:
    cid = _client_with_sessions(vault, "Callum", "Daventry", 3)
    with vault.reading() as conn:
        hits = clients.search_notes(conn, "ALLOTMENT grou")
        assert {h.client_id for h in hits} == {cid}
        assert all("allotment" in h.excerpt for h in hits)
        plan = " ".join(
            str(r)
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT rowid FROM note_search WHERE note_search MATCH 'x'"
            )
        )
        assert "VIRTUAL TABLE INDEX" in plan
        for nasty in ('"', "NEAR(", "*", "a OR", "-", "\x00", "'; DROP TABLE notes; --"):
            clients.search_notes(conn, nasty)  # never raises


def test_signed_notes_are_locked(vault: Vault) -> None:
    _client_with_sessions(vault, "Fiona", "Bellamy", 1)
    with vault.reading() as conn:
        (note_id,) = [r[0] for r in conn.execute("SELECT id FROM notes")]
    with vault.transaction() as tx:
        digest = notes.sign_note(tx, vault.now(), note_id, "Dr Test")
    assert len(digest) == 64
    with pytest.raises(SignedNoteLocked), vault.transaction() as tx:
        notes.update_note(tx, vault.now(), note_id, {"check_in": "changed"})
    with pytest.raises(SignedNoteLocked), vault.transaction() as tx:
        notes.sign_note(tx, vault.now(), note_id, "Dr Test")


def test_a_failed_action_leaves_no_trace(vault: Vault) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), vault.transaction() as tx:
        now = vault.now()
        cid = clients.add_client(tx, now, given_name="Nathan", family_name="Pemberton")
        eid = episodes.add_episode(
            tx,
            now,
            cid,
            kind="acute",
            manual_profile="WMK",
            contracted_sessions=8,
            start_date="2026-01-01",
        )
        notes.add_note(tx, now, eid, {"check_in": "zebracrossing"})
        raise Boom
    with vault.reading() as conn:
        assert clients.list_clients(conn) == []
        assert clients.search_notes(conn, "zebracrossing") == []


def test_stale_file_is_noticed(vault: Vault) -> None:
    folder = vault.folder
    vault.close()
    old = (folder / "caseload.db").read_bytes()
    with Vault.unlock(folder, PASSPHRASE) as again:
        for n in range(3):
            _client_with_sessions(again, "Old", f"Copy{n}", 0)
    (folder / "caseload.db").write_bytes(old)  # a sync tool puts an older copy back
    with Vault.unlock(folder, PASSPHRASE) as stale:
        assert stale.stale_warning is not None
