"""The audit log is append-only and hash-chained; verify finds any edit, gap or reorder."""

from __future__ import annotations

import pytest
import sqlcipher3

from tests.support import PASSPHRASE
from workbench.store import audit, clients
from workbench.store.vault import Vault


def _actions(vault: Vault) -> list[str]:
    return [e.action for e in reversed(audit.entries(vault.conn))]


def test_lifecycle_actions_are_recorded_without_content(vault: Vault) -> None:
    with vault.transaction() as tx:
        cid = clients.add_client(tx, vault.now(), given_name="Imogen", family_name="Quayle")
        vault.audit(tx, "create", "client", cid)
    with vault.transaction() as tx:
        clients.delete_client(tx, cid)
        vault.audit(tx, "delete", "client", cid)
    assert _actions(vault) == ["create", "create", "delete"]
    text = repr(audit.entries(vault.conn))
    assert "Imogen" not in text and "Quayle" not in text
    assert audit.verify_chain(vault.conn) == []
    folder = vault.folder
    vault.close()
    with Vault.unlock(folder, PASSPHRASE) as again:
        assert _actions(again)[-1] == "delete"  # the unlock is recorded once the vault is checked
        assert again.check_integrity().ok
        assert _actions(again)[-1] == "unlock"


def test_updates_and_deletes_are_refused_by_the_database(vault: Vault) -> None:
    for sql in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with (
            pytest.raises(sqlcipher3.IntegrityError, match="append-only"),
            vault.transaction() as tx,
        ):
            tx.execute(sql)
    assert audit.verify_chain(vault.conn) == []


def test_verify_detects_tampering_that_bypasses_the_triggers(vault: Vault) -> None:
    for n in range(4):
        with vault.transaction() as tx:
            vault.audit(tx, "edit", "client", n)
    with vault.transaction() as tx:
        tx.execute("DROP TRIGGER audit_log_no_update")
        tx.execute("DROP TRIGGER audit_log_no_delete")
        tx.execute("UPDATE audit_log SET action = 'sign' WHERE seq = 3")
        tx.execute("DELETE FROM audit_log WHERE seq = 4")
    problems = audit.verify_chain(vault.conn)
    assert "audit entry 3 was altered" in problems
    assert "audit entry 4 is missing" in problems
    assert not vault.check_integrity().ok


def test_unknown_actions_are_a_programming_error(vault: Vault) -> None:
    with pytest.raises(ValueError), vault.transaction() as tx:
        vault.audit(tx, "peek", "client", 1)


def test_a_clients_audit_trail_covers_its_records(vault: Vault) -> None:
    from workbench.domain.episode import Contract
    from workbench.services import audit_log, episodes, sessions

    mine = episodes.add_client(vault, "Olivia", "Fenwick")
    other = episodes.add_client(vault, "Callum", "Marlowe")
    ep = episodes.open_episode(vault, mine, Contract("WMK", 12), "2026-01-05")
    _, note = sessions.record_session(vault, ep, "2026-01-05")
    sessions.sign(vault, note)
    trail = [(e.action, e.entity) for e in audit_log.for_client(vault, mine)]
    assert trail == [
        ("sign", "note"),
        ("create", "session"),
        ("create", "episode"),
        ("create", "client"),
    ]
    assert [(e.action, e.entity) for e in audit_log.for_client(vault, other)] == [
        ("create", "client")
    ]
