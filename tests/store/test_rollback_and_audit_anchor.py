"""Rollback and audit-log cuts are noticed at every unlock and by verify until accepted."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import NewVault
from tests.support import PASSPHRASE
from workbench.errors import BackupInvalid
from workbench.services import vault_health
from workbench.store import audit, clients
from workbench.store.backup import make_backup, restore_backup
from workbench.store.connection import Connection, open_database
from workbench.store.vault import ACCEPTED_AS_IS, DB_NAME, Vault


def _edit(vault: Vault, n: int) -> None:
    for i in range(n):
        with vault.transaction() as tx:
            cid = clients.add_client(tx, vault.now(), given_name="Ada", family_name=f"Quill{i}")
            vault.audit(tx, "create", "client", cid)


def _closed_with_history(new_vault: NewVault) -> tuple[Path, bytes]:
    vault, _ = new_vault()
    _edit(vault, 14)
    key = vault.data_key()
    vault.close()
    return vault.folder, key


def test_a_database_rollback_warns_at_every_unlock_until_accepted(new_vault: NewVault) -> None:
    vault, _ = new_vault()
    _edit(vault, 2)
    vault.close()
    old = (vault.folder / DB_NAME).read_bytes()
    with Vault.unlock(vault.folder, PASSPHRASE) as again:
        _edit(again, 3)
    (vault.folder / DB_NAME).write_bytes(old)

    for _ in range(3):  # not consumed by an unlock, nor by writing past the old counter
        with Vault.unlock(vault.folder, PASSPHRASE) as stale:
            assert stale.stale_warning is not None
            notice = vault_health.freshness_notice(stale)
            assert notice is not None and notice.kind == vault_health.ROLLBACK
            _edit(stale, 4)
    with Vault.unlock(vault.folder, PASSPHRASE) as stale:
        vault_health.acknowledge_freshness(stale)
        assert vault_health.freshness_notice(stale) is None
        accepted = audit.entries(stale.conn, limit=1)[0]
        assert (accepted.action, accepted.entity_id) == ("edit", ACCEPTED_AS_IS)
    with Vault.unlock(vault.folder, PASSPHRASE) as fresh:
        assert fresh.stale_warning is None and fresh.warnings == []


def test_a_whole_folder_rollback_is_noticed(new_vault: NewVault, tmp_path: Path) -> None:
    vault, _ = new_vault()
    _edit(vault, 2)
    vault.close()
    shutil.copytree(vault.folder, tmp_path / "old-folder")
    with Vault.unlock(vault.folder, PASSPHRASE) as again:
        _edit(again, 2)
    shutil.rmtree(vault.folder)
    shutil.copytree(tmp_path / "old-folder", vault.folder)  # database and freshness.json together
    with Vault.unlock(vault.folder, PASSPHRASE) as stale:
        assert stale.stale_warning is not None


def _tamper(folder: Path, key: bytes, change: Callable[[Connection], None]) -> None:
    """What someone with the key and a SQL prompt could do: drop the guards, edit the log."""
    conn = open_database(folder / DB_NAME, key)
    try:
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DROP TRIGGER audit_log_no_update")
        change(conn)
    finally:
        conn.close()


def _cut(n: int | None) -> Callable[[Connection], None]:
    def change(conn: Connection) -> None:
        if n is None:
            conn.execute("DELETE FROM audit_log")
        else:
            top = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
            conn.execute("DELETE FROM audit_log WHERE seq > ?", (top - n,))

    return change


def _rewrite(conn: Connection) -> None:
    """A chain rebuilt from scratch with another actor: every link and hash consistent."""
    rows = conn.execute(
        "SELECT seq, at, action, entity, entity_id FROM audit_log ORDER BY seq"
    ).fetchall()
    conn.execute("DELETE FROM audit_log")
    prev = audit.GENESIS
    for seq, at, action, entity, entity_id in rows:
        digest = audit._digest(prev, seq, at, "someone else", action, entity, entity_id)
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, "someone else", action, entity, entity_id, prev, digest),
        )
        prev = digest


@pytest.mark.parametrize(
    "change",
    [_cut(1), _cut(10), _cut(None), _rewrite],
    ids=["cut-1", "cut-10", "delete-all", "rewrite"],
)
def test_audit_log_cuts_and_rewrites_are_detected(
    new_vault: NewVault, change: Callable[[Connection], None]
) -> None:
    folder, key = _closed_with_history(new_vault)
    _tamper(folder, key, change)
    for _ in range(2):  # at every unlock, and by verify
        with Vault.unlock(folder, PASSPHRASE) as vault:
            assert vault.audit_warning is not None
            report = vault.check_integrity()
            assert not report.ok and report.audit_problems
            assert not report.damaged  # the pages are fine: this is not damage
            _edit(vault, 1)  # later entries do not hide it
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault_health.acknowledge_freshness(vault)
        assert vault.check_integrity().ok


def test_backups_carry_the_head_and_a_restore_resets_what_is_expected(
    new_vault: NewVault, tmp_path: Path
) -> None:
    vault, _ = new_vault()
    _edit(vault, 2)
    backup = make_backup(vault, tmp_path / "b").path
    _edit(vault, 3)
    vault.close()
    with zipfile.ZipFile(backup) as archive:
        head = json.loads(archive.read("manifest.json"))["head"]
    assert head["change_seq"] > 0 and head["audit_count"] > 0 and len(head["mac"]) == 64

    restore_backup(backup, vault.folder, PASSPHRASE)
    with Vault.unlock(vault.folder, PASSPHRASE) as restored:
        assert restored.warnings == []  # restoring on purpose is not a rollback


def test_a_backup_whose_head_was_edited_is_refused(new_vault: NewVault, tmp_path: Path) -> None:
    vault, _ = new_vault()
    _edit(vault, 2)
    backup = make_backup(vault, tmp_path / "b").path
    vault.close()
    forged = tmp_path / "forged.iptbackup"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(forged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                doc = json.loads(data)
                doc["head"]["change_seq"] += 100
                data = json.dumps(doc).encode()
            target.writestr(item, data)
    with pytest.raises(BackupInvalid):
        restore_backup(forged, tmp_path / "elsewhere", PASSPHRASE)


def test_the_record_follows_the_database_while_it_is_open(
    new_vault: NewVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash (no lock, no close) still leaves a recent record: later rollbacks are seen."""
    from workbench.store import freshness
    from workbench.store import vault as vault_module

    monkeypatch.setattr(vault_module, "RECORD_EVERY_S", 0.0)
    vault, _ = new_vault()
    _edit(vault, 3)
    records = freshness.records(vault.folder, vault.data_key(), vault.vault_id)
    assert len(records) == 2  # the vault folder's and the app's own
    assert {r.head for r in records} == {freshness.head_of(vault.conn)}
