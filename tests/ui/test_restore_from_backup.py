"""Restore from a backup through the unlock page: the backup's passphrase, the old vault kept."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from ui.dialogs.restore_backup import NOT_THIS_BACKUP, RestoreBackupPage
from ui.dialogs.unlock import UnlockPage
from ui.views.first_run import FirstRunPage
from workbench.demo.build import fill_demo
from workbench.errors import BackupInvalid, VaultDamaged
from workbench.paths import default_vault
from workbench.store.backup import make_backup
from workbench.store.vault import Vault, vault_path

BACKUP_PASSPHRASE = "harbour violet juggles eleven copper lanterns"
BACKUP_CLIENTS = 3


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under the vault's parent folder with a hash of its bytes."""
    return {
        str(p.relative_to(folder.parent)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.parent.rglob("*"))
        if p.is_file()
    }


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(path), ""))
    )


def open_restore_page(window: Any) -> RestoreBackupPage:
    unlock_page = window.current_page()
    assert isinstance(unlock_page, UnlockPage)
    unlock_page.restore_button.click()
    page = window.current_page()
    assert isinstance(page, RestoreBackupPage)
    return page


def wait_idle(qtbot: Any, page: RestoreBackupPage) -> None:
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=20_000)


@pytest.fixture
def other_backup(new_vault, tmp_path: Path) -> Path:
    """A backup of another vault, made with another passphrase."""
    vault, _code = new_vault("other", passphrase=BACKUP_PASSPHRASE)
    fill_demo(vault, BACKUP_CLIENTS, 11)
    (tmp_path / "backups").mkdir()
    path = make_backup(vault, tmp_path / "backups" / "weekly").path
    vault.close()
    return path


def test_restore_with_the_backups_passphrase(
    qtbot, make_window, locked_vault, passphrase, other_backup, unlock, monkeypatch
) -> None:
    window = make_window([str(locked_vault.folder)])
    page = open_restore_page(window)
    assert not page.restore_button.isEnabled() and not page.secret.isEnabled()
    choose_file(monkeypatch, other_backup)
    page.choose_button.click()
    wait_idle(qtbot, page)
    summary = page.summary.text()
    assert "weekly.iptbackup" in summary
    assert f"It holds {BACKUP_CLIENTS} clients." in summary
    assert "Made on" in summary and page.summary.isVisible()

    before = snapshot(locked_vault.folder)
    page.secret.setText(passphrase)  # today's passphrase, not the backup's
    page.restore_button.click()
    wait_idle(qtbot, page)
    assert page.message.text() == NOT_THIS_BACKUP
    assert page.secret.text() == ""
    assert snapshot(locked_vault.folder) == before

    page.secret.setText(BACKUP_PASSPHRASE)
    page.restore_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_page(), UnlockPage), timeout=20_000)
    unlock_page = window.current_page()
    aside = locked_vault.folder.with_name("caseload-before-restore.iptvault")
    assert unlock_page.notice.isVisible()
    assert aside.name in unlock_page.notice.text()
    assert "backup's passphrase" in unlock_page.notice.text()

    caseload = unlock(window, BACKUP_PASSPHRASE)
    assert caseload.clients.model.rowCount() == BACKUP_CLIENTS
    window.lock()
    with Vault.unlock(aside, passphrase) as kept:  # the vault from before is intact beside it
        count = kept.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
    assert count == len(locked_vault.names)


def test_malformed_backup_is_refused_and_nothing_changes(
    qtbot, make_window, locked_vault, tmp_path, monkeypatch
) -> None:
    broken = tmp_path / "broken.iptbackup"
    broken.write_bytes(b"PK\x03\x04 this is not really a backup")
    before = snapshot(locked_vault.folder)
    window = make_window([str(locked_vault.folder)])
    page = open_restore_page(window)
    choose_file(monkeypatch, broken)
    page.choose_button.click()
    wait_idle(qtbot, page)
    assert page.message.text() == BackupInvalid().user_message
    assert not page.summary.isVisible()
    assert not page.restore_button.isEnabled() and not page.secret.isEnabled()
    page.submit()  # even forced, nothing is restored without a checked file
    assert snapshot(locked_vault.folder) == before

    page.back_button.click()
    assert isinstance(window.current_page(), UnlockPage)


def test_damaged_vault_is_restored_from_its_own_backup(
    qtbot, make_window, locked_vault, passphrase, tmp_path, unlock, monkeypatch
) -> None:
    with Vault.unlock(locked_vault.folder, passphrase) as vault:
        backup = make_backup(vault, tmp_path / "monday").path
    (locked_vault.folder / "caseload.db").write_bytes(b"")  # the disk lost the file

    window = make_window([str(locked_vault.folder)])
    unlock_page = window.current_page()
    unlock_page.secret.setText(passphrase)
    unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: unlock_page.message.isVisible(), timeout=10_000)
    assert unlock_page.message.text() == VaultDamaged().user_message
    page = open_restore_page(window)
    choose_file(monkeypatch, backup)
    page.choose_button.click()
    wait_idle(qtbot, page)
    page.secret.setText(passphrase)
    page.secret.returnPressed.emit()
    qtbot.waitUntil(lambda: isinstance(window.current_page(), UnlockPage), timeout=20_000)
    caseload = unlock(window, passphrase)
    assert caseload.clients.model.rowCount() == len(locked_vault.names)


def test_a_new_computer_restores_from_the_first_run_page(
    qtbot, make_window, other_backup, unlock, monkeypatch
) -> None:
    window = make_window([])  # no vault in the data folder: the first-run page
    first = window.current_page()
    assert isinstance(first, FirstRunPage)
    first.restore_button.click()
    page = window.current_page()
    assert isinstance(page, RestoreBackupPage)
    page.back_button.click()  # nothing to go back to but the first-run page
    assert isinstance(window.current_page(), FirstRunPage)

    window.current_page().restore_button.click()
    page = window.current_page()
    choose_file(monkeypatch, other_backup)
    page.choose_button.click()
    wait_idle(qtbot, page)
    page.secret.setText(BACKUP_PASSPHRASE)
    page.restore_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_page(), UnlockPage), timeout=20_000)
    assert vault_path(default_vault()).exists()
    caseload = unlock(window, BACKUP_PASSPHRASE)
    assert caseload.clients.model.rowCount() == BACKUP_CLIENTS
    window.lock()
