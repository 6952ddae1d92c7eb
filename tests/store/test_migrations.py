"""Schema ladder: released fixture vaults open; newer files are refused; a copy precedes a step."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.support import PASSPHRASE
from workbench.errors import NewerSchema
from workbench.store import migrations
from workbench.store.connection import Connection
from workbench.store.content_hash import table_digests
from workbench.store.vault import Vault

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_PASSPHRASE = "fixture vault passphrase for tests only"
RELEASED = sorted(FIXTURES.glob("vault_v*.iptvault"))
# Columns later steps add to existing tables (empty in an old vault): left out of the digest,
# so the rows an old vault held are compared as they were.
ADDED_COLUMNS = {"measure_administrations": ("voided_at", "void_reason")}


def _old_columns_digest(conn: Connection, table: str) -> dict[str, object]:
    """table_digests' digest of *table* over the columns it had before the added ones."""
    names = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    kept = ", ".join(f'"{n}"' for n in names if n not in ADDED_COLUMNS[table])
    digest, count = hashlib.sha256(), 0
    for row in conn.execute(f'SELECT {kept} FROM "{table}" ORDER BY 1, 2'):
        digest.update(repr(row).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
        count += 1
    return {"rows": count, "sha256": digest.hexdigest()}


def _copy(fixture: Path, tmp_path: Path) -> Path:
    target = tmp_path / fixture.name
    shutil.copytree(fixture, target)
    return target


@pytest.mark.parametrize("fixture", RELEASED, ids=[f.name for f in RELEASED])
def test_every_released_fixture_vault_opens_and_keeps_its_data(
    fixture: Path, tmp_path: Path
) -> None:
    manifest_path = fixture.with_name(fixture.name.replace(".iptvault", ".manifest.json"))
    manifest = json.loads(manifest_path.read_text())
    folder = _copy(fixture, tmp_path)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        assert vault.conn.execute("PRAGMA user_version").fetchone()[0] == (
            migrations.SCHEMA_VERSION
        )
        assert vault.check_integrity().ok
        with vault.reading() as conn:
            digests = table_digests(conn)
            digests |= {t: _old_columns_digest(conn, t) for t in ADDED_COLUMNS}
    for table, expected in manifest["tables"].items():
        if table not in ("audit_log", "meta"):  # unlocking appends to these by design
            assert digests[table] == expected, table
    Vault.unlock(folder, recovery_code=manifest["recovery_code"]).close()


def test_v1_fixture_exists() -> None:
    assert (FIXTURES / "vault_v1.iptvault" / "caseload.db").is_file()


def test_a_newer_schema_is_refused_without_changes(vault: Vault) -> None:
    with vault.transaction() as tx:
        tx.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    folder = vault.folder
    vault.close()
    before = (folder / "caseload.db").read_bytes()
    with pytest.raises(NewerSchema):
        Vault.unlock(folder, PASSPHRASE)
    assert (folder / "caseload.db").read_bytes() == before


def test_a_new_step_snapshots_the_file_then_migrates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(FIXTURES / "vault_v1.iptvault", tmp_path)
    step = "CREATE TABLE future_feature (id INTEGER PRIMARY KEY, label TEXT NOT NULL);"
    future = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, lambda: step))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", future)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        assert vault.conn.execute("PRAGMA user_version").fetchone()[0] == future
        assert vault.conn.execute("SELECT count(*) FROM future_feature").fetchone()[0] == 0
    snapshot = folder / "caseload.db.before-v2"  # the v1 file, copied before the first step
    assert snapshot.is_file()
    assert snapshot.read_bytes()[:16] != b"SQLite format 3\x00"


def test_a_failing_step_leaves_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(FIXTURES / "vault_v1.iptvault", tmp_path)
    bad = "CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);"
    current = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, lambda: bad))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    with pytest.raises(Exception, match="no such table"):
        Vault.unlock(folder, FIXTURE_PASSPHRASE)
    monkeypatch.undo()
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:  # the good steps were kept
        assert vault.conn.execute("PRAGMA user_version").fetchone()[0] == current
        tables = {r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
