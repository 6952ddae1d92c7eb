"""Backups are SQLite-made, verified, one file; restores verify before they touch anything."""

from __future__ import annotations

import hashlib
import json
import random
import zipfile
from pathlib import Path

import pytest

from tests.support import PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.errors import BackupInvalid, VaultInUse, WorkbenchError, WrongPassphrase
from workbench.store.backup import make_backup, restore_backup, verify_backup_file
from workbench.store.content_hash import table_digests
from workbench.store.migrations import SCHEMA_VERSION
from workbench.store.vault import DB_NAME, Vault

NEW_PASSPHRASE = "tangerine lighthouse accordion gravel"


def _digests(folder: Path, passphrase: str = PASSPHRASE) -> dict[str, dict[str, object]]:
    with Vault.unlock(folder, passphrase) as vault, vault.reading() as conn:
        digests = table_digests(conn)
    # Each unlock appends to the audit log and bumps the change counter by design.
    return {k: v for k, v in digests.items() if k not in ("audit_log", "meta")}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(vault: Vault) -> Vault:
    fill_demo(vault, 25, seed=3)
    return vault


def test_round_trip_gives_identical_tables(filled: Vault, tmp_path: Path) -> None:
    with filled.reading() as conn:
        before = table_digests(conn)
    result = make_backup(filled, tmp_path / "weekly")
    assert result.path.name == "weekly.iptbackup"
    assert result.tables == before  # the backup's own audit entry comes after the copy
    assert _audit(filled)[-1].action == "backup"
    filled.close()
    expected = _digests(filled.folder)
    target = tmp_path / "elsewhere" / "restored"
    assert restore_backup(result.path, target, PASSPHRASE) is None
    assert _digests(target) == expected
    with Vault.unlock(target, PASSPHRASE) as restored:
        assert restored.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert restored.check_integrity().ok
        actions = [e.action for e in _audit(restored)]
        # restore_backup records its unlock and the restore; _digests only reads (its unlock is
        # recorded once a vault is checked or written); this block's check records its own.
        assert actions[-3:] == ["unlock", "restore", "unlock"]


def test_a_failed_backup_is_not_recorded_as_one(filled: Vault, tmp_path: Path) -> None:
    before = len(_audit(filled))
    with pytest.raises(WorkbenchError):
        make_backup(filled, tmp_path / "unplugged-stick" / "weekly")  # the folder is missing
    assert len(_audit(filled)) == before


def _audit(vault: Vault) -> list:  # type: ignore[type-arg]
    from workbench.store.audit import entries

    return list(reversed(entries(vault.conn)))


def test_backup_holds_no_patient_data_in_its_manifest(filled: Vault, tmp_path: Path) -> None:
    result = make_backup(filled, tmp_path / "b.iptbackup")
    with zipfile.ZipFile(result.path) as archive:
        assert sorted(archive.namelist()) == [DB_NAME, "keyslots.json", "manifest.json"]
        manifest = json.loads(archive.read("manifest.json"))
        db_head = archive.read(DB_NAME)[:16]
    assert db_head != b"SQLite format 3\x00"
    with filled.reading() as conn:
        names = [r[0] for r in conn.execute("SELECT family_name FROM clients")]
    text = json.dumps(manifest, ensure_ascii=False)
    assert not any(name in text for name in names)
    assert set(manifest) >= {"app_version", "schema_version", "tables", "database_sha256"}


def test_restore_replaces_a_vault_and_keeps_the_old_one_aside(
    filled: Vault, tmp_path: Path
) -> None:
    result = make_backup(filled, tmp_path / "b")
    with filled.transaction() as tx:
        tx.execute("DELETE FROM clients WHERE id IN (SELECT id FROM clients LIMIT 5)")
    filled.close()
    aside = restore_backup(result.path, filled.folder, PASSPHRASE)
    assert aside is not None and aside.name == "test-before-restore.iptvault"
    with Vault.unlock(filled.folder, PASSPHRASE) as vault:
        assert vault.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 25
    with Vault.unlock(aside, PASSPHRASE) as old:
        assert old.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 20


def test_backup_made_before_a_passphrase_change_opens_with_the_old_one(
    filled: Vault, tmp_path: Path
) -> None:
    old_backup = make_backup(filled, tmp_path / "old").path
    filled.change_passphrase(NEW_PASSPHRASE)
    new_backup = make_backup(filled, tmp_path / "new").path
    with pytest.raises(WrongPassphrase):
        restore_backup(old_backup, tmp_path / "r1", NEW_PASSPHRASE)
    restore_backup(old_backup, tmp_path / "r1", PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        restore_backup(new_backup, tmp_path / "r2", PASSPHRASE)
    restore_backup(new_backup, tmp_path / "r2", NEW_PASSPHRASE)


def test_restore_refuses_while_the_target_is_open(filled: Vault, tmp_path: Path) -> None:
    result = make_backup(filled, tmp_path / "b")
    live_hash = _sha(filled.db_path)
    with pytest.raises(VaultInUse):
        restore_backup(result.path, filled.folder, PASSPHRASE)
    assert _sha(filled.db_path) == live_hash


def _mutations(data: bytes, rng: random.Random) -> list[bytes]:
    cases = []
    for _ in range(12):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            pos = rng.randrange(len(damaged))
            damaged[pos] ^= 1 << rng.randrange(8)
        cases.append(bytes(damaged))
    cases += [data[: rng.randrange(len(data))] for _ in range(4)]
    cases += [data + b"junk" * 100, b"", b"PK\x03\x04" + b"\x00" * 100]
    return cases


def test_damaged_backups_are_refused_and_the_live_vault_is_untouched(
    filled: Vault, tmp_path: Path
) -> None:
    backup = make_backup(filled, tmp_path / "good").path
    filled.close()
    live_hash = _sha(filled.db_path)
    expected = _digests(filled.folder)
    live_hash = _sha(filled.db_path)
    rng = random.Random(11)
    outcomes = {"refused": 0, "identical": 0}
    for index, damaged in enumerate(_mutations(backup.read_bytes(), rng)):
        path = tmp_path / f"damaged-{index}.iptbackup"
        path.write_bytes(damaged)
        try:
            restore_backup(path, filled.folder, PASSPHRASE)
        except (BackupInvalid, WrongPassphrase):
            outcomes["refused"] += 1
            assert _sha(filled.db_path) == live_hash
        else:
            # A flip in zip padding can leave the content intact: then it must be identical.
            outcomes["identical"] += 1
            assert _digests(filled.folder) == expected
            live_hash = _sha(filled.db_path)
    assert outcomes["refused"] >= 15


def test_verify_reads_the_manifest_without_any_key(filled: Vault, tmp_path: Path) -> None:
    backup = make_backup(filled, tmp_path / "b").path
    manifest = verify_backup_file(backup)
    assert manifest["tables"]["clients"]["rows"] == 25
