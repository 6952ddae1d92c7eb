"""Desktop-facing vault health: backup age and reminder, read-only reason, the full check."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.support import FAST_KDF, PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.services import caseload, export, vault_health
from workbench.store.backup import make_backup
from workbench.store.vault import DB_NAME, Vault


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_backup_age_and_reminder_follow_the_last_verified_backup(tmp_path: Path) -> None:
    clock = Clock()
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    with vault:
        assert vault_health.last_verified_backup_age(vault, clock.now) is None
        assert vault_health.backup_reminder_due(vault, clock.now)
        make_backup(vault, tmp_path / "monday")
        clock.now += timedelta(days=3, hours=2)
        assert vault_health.last_verified_backup_age(vault, clock.now) == timedelta(days=3, hours=2)
        assert not vault_health.backup_reminder_due(vault, clock.now)
        assert vault_health.backup_reminder_due(vault, clock.now, days=2)
    clock.now += timedelta(days=5)
    with Vault.unlock(vault.folder, PASSPHRASE, clock=clock) as again:  # kept across sessions
        assert vault_health.last_verified_backup_age(again, clock.now) == timedelta(days=8, hours=2)
        assert vault_health.backup_reminder_due(again, clock.now)


def test_a_damaged_vault_reports_why_it_is_read_only(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    with (vault.folder / DB_NAME).open("ab") as handle:
        handle.write(b"junk")
    with Vault.unlock(vault.folder, PASSPHRASE) as damaged:
        reason = vault_health.read_only_reason(damaged)
        assert reason is not None and "read-only" in reason
        assert not vault_health.run_full_check(damaged).ok
    with Vault.unlock(tmp_path / "v", PASSPHRASE) as same:
        assert vault_health.freshness_notice(same) is None


def test_a_damaged_vault_still_exports_what_it_can_read(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    fill_demo(vault, 2, 7)
    client_id = caseload.find_clients(vault, "")[0].id
    vault.close()
    with (vault.folder / DB_NAME).open("ab") as handle:
        handle.write(b"junk")
    before = hashlib.sha256((vault.folder / DB_NAME).read_bytes()).hexdigest()
    with Vault.unlock(vault.folder, PASSPHRASE) as damaged:
        assert damaged.read_only
        path = export.export(damaged, client_id, "supervisor-report", tmp_path / "r.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    assert hashlib.sha256((vault.folder / DB_NAME).read_bytes()).hexdigest() == before
