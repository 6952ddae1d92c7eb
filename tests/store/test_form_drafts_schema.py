"""Schema v3 adds form_drafts to v1 and v2 vaults, each step after a copy of the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.store import migrations
from workbench.store.vault import Vault

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_PASSPHRASE = "fixture vault passphrase for tests only"


def _columns(vault: Vault) -> list[str]:
    return [r[1] for r in vault.conn.execute("PRAGMA table_info(form_drafts)")]


def _v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "vault_v1.iptvault"
    shutil.copytree(FIXTURES / "vault_v1.iptvault", target)
    return target


def test_v1_fixture_gains_form_drafts(tmp_path: Path) -> None:
    folder = _v1_copy(tmp_path)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        assert migrations.SCHEMA_VERSION >= 3
        assert _columns(vault) == ["episode_id", "kind", "ref", "body_json", "updated_at"]
        assert vault.conn.execute("SELECT count(*) FROM form_drafts").fetchone()[0] == 0
        assert vault.check_integrity().ok


def test_a_v2_vault_migrates_to_v3_after_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _v1_copy(tmp_path)
    monkeypatch.setattr(migrations, "STEPS", migrations.STEPS[:2])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        assert not _columns(vault)  # a plain v2 vault
    monkeypatch.undo()
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        assert vault.conn.execute("PRAGMA user_version").fetchone()[0] == (
            migrations.SCHEMA_VERSION
        )
        assert _columns(vault)
    assert (folder / "caseload.db.before-v3").is_file()


def test_kind_is_checked_and_episode_must_exist(tmp_path: Path) -> None:
    folder = _v1_copy(tmp_path)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        episode_id = vault.conn.execute("SELECT min(id) FROM episodes").fetchone()[0]
        with pytest.raises(Exception, match="CHECK"), vault.transaction() as tx:
            tx.execute(
                "INSERT INTO form_drafts VALUES (?, 'letter', '', '{}', 'now')", (episode_id,)
            )
        with pytest.raises(Exception, match="FOREIGN KEY"), vault.transaction() as tx:
            tx.execute("INSERT INTO form_drafts VALUES (999999, 'measure', 'PHQ-9', '{}', 'now')")
