"""The window on an unhealthy vault: rollback banner, read-only damage, backup age, erasure."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from tests.ui.conftest import UI_PASSPHRASE
from tests.ui.workspace_driver import idle
from ui.dialogs.delete_client_dialog import DeleteClientDialog
from ui.dialogs.restore_backup import RestoreBackupPage
from ui.settings import AppSettings
from ui.views.main_window import MainWindow
from ui.views.vault_health_view import describe_backup_age
from workbench.errors import VaultReadOnly, WorkbenchError
from workbench.services import caseload as caseload_service
from workbench.store import clients
from workbench.store.backup import make_backup
from workbench.store.vault import DB_NAME, Vault

WAIT_MS = 20_000


def shoot(widget: QWidget, name: str) -> None:
    """Screenshots for a person to look at, only when IPT_SHOTS names a folder."""
    folder = os.environ.get("IPT_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def roll_back(folder: Path) -> None:
    """Put the database back as it was before one more change was saved (a stale sync copy)."""
    old = (folder / DB_NAME).read_bytes()
    with Vault.unlock(folder, UI_PASSPHRASE) as vault, vault.transaction() as tx:
        clients.add_client(tx, vault.now(), given_name="Ada", family_name="Quill")
    (folder / DB_NAME).write_bytes(old)


def damage_past_the_fast_check(folder: Path, scratch: Path) -> None:
    """Flip bytes inside one page that the unlock and the caseload do not read, so only the full
    check in the background finds the damage."""
    data = (folder / DB_NAME).read_bytes()
    for page in range(2, len(data) // 4096):
        damaged = bytearray(data)
        damaged[page * 4096 + 2000] ^= 0xFF
        trial = scratch / f"trial{page}.iptvault"
        shutil.copytree(folder, trial)
        (trial / DB_NAME).write_bytes(bytes(damaged))
        try:
            with Vault.unlock(trial, UI_PASSPHRASE) as vault:
                caseload_service.find_clients(vault, "")
                unnoticed = not vault.read_only
        except WorkbenchError:
            unnoticed = False
        shutil.rmtree(trial)
        if unnoticed:
            (folder / DB_NAME).write_bytes(bytes(damaged))
            return
    raise AssertionError("no page was damaged past the fast check")


def test_a_rolled_back_vault_shows_a_banner_until_acknowledged(
    qtbot, make_window, locked_vault, unlock
) -> None:
    roll_back(locked_vault.folder)
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    banner = window.health.freshness
    assert banner is not None and banner.isVisible()
    assert "older than the one IPT Workbench saw last time" in banner.text.text()
    assert "may be missing" in banner.text.text()
    assert not caseload.banner.isVisible()  # shown once, not twice
    shoot(window, "rollback-banner")

    window.lock_action.trigger()  # not consumed by an unlock: still there next time
    unlock(window)
    banner = window.health.freshness
    assert banner is not None and banner.isVisible()

    window.health.keep_button.click()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
    window.lock_action.trigger()
    unlock(window)
    idle(qtbot, window)
    assert window.health.freshness is not None and not window.health.freshness.isVisible()
    assert window.vault is not None and window.vault.warnings == []


def test_a_damaged_vault_opens_read_only_with_the_way_out(
    qtbot, make_window, locked_vault, unlock
) -> None:
    with (locked_vault.folder / DB_NAME).open("ab") as handle:
        handle.write(b"junk")  # the fast check at unlock sees it
    before = _sha256(locked_vault.folder / DB_NAME)
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    banner = window.health.damage
    assert banner is not None
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    words = banner.text.text()
    assert "read-only" in words and "Restore from a backup" in words and "export" in words
    assert not window.new_client_action.isEnabled()
    assert not window.actions_.delete_client_action.isEnabled()
    idle(qtbot, window)

    window.view.open_client(window.caseload.clients.model.row_at(0).id)
    qtbot.waitUntil(lambda: window.view.workspace is not None, timeout=WAIT_MS)
    assert not window.new_session_action.isEnabled()
    window.view.new_session()  # a write anyway: refused with the plain message, no traceback
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == VaultReadOnly.message, timeout=WAIT_MS
    )
    idle(qtbot, window)
    shoot(window, "read-only")
    assert _sha256(locked_vault.folder / DB_NAME) == before

    window.health.restore_button.click()
    assert isinstance(window.current_page(), RestoreBackupPage)
    assert _sha256(locked_vault.folder / DB_NAME) == before  # not even an audit row


def test_damage_found_by_the_background_check_turns_the_window_read_only(
    qtbot, make_window, locked_vault, unlock, tmp_path
) -> None:
    damage_past_the_fast_check(locked_vault.folder, tmp_path)
    before = _sha256(locked_vault.folder / DB_NAME)
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    assert window.caseload.clients.model.rowCount() == len(locked_vault.names)
    qtbot.waitUntil(lambda: window.health.checked, timeout=WAIT_MS)
    assert window.health.damage is not None and window.health.damage.isVisible()
    assert not window.new_client_action.isEnabled()
    assert window.health.reminder is not None and not window.health.reminder.isVisible()
    window.close()
    assert _sha256(locked_vault.folder / DB_NAME) == before


def test_backup_age_in_the_status_line_and_one_reminder(
    qtbot, make_window, locked_vault, unlock, tmp_path
) -> None:
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    qtbot.waitUntil(lambda: window.health.checked, timeout=WAIT_MS)
    idle(qtbot, window)
    assert window.health.backup_label.text() == "No backup yet"
    reminder = window.health.reminder
    assert reminder is not None and reminder.isVisible()
    assert "never been backed up" in reminder.text.text()
    shoot(window, "backup-reminder")
    window.lock_action.trigger()

    with Vault.unlock(locked_vault.folder, UI_PASSPHRASE) as vault:
        make_backup(vault, tmp_path / "monday")
    window.health.clock = lambda: datetime.now(UTC) + timedelta(days=3, hours=1)
    unlock(window)
    qtbot.waitUntil(lambda: window.health.checked, timeout=WAIT_MS)
    idle(qtbot, window)
    assert window.health.backup_label.text() == "Last verified backup: 3 days ago"
    assert window.health.reminder is not None and not window.health.reminder.isVisible()

    window.settings.set_backup_reminder_days(2)
    window.lock_action.trigger()
    unlock(window)
    qtbot.waitUntil(lambda: window.health.checked, timeout=WAIT_MS)
    idle(qtbot, window)
    reminder = window.health.reminder
    assert reminder is not None and reminder.isVisible()
    assert "3 days old" in reminder.text.text()


def test_backup_age_words() -> None:
    assert describe_backup_age(None) == "No backup yet"
    assert describe_backup_age(timedelta(hours=5)) == "Last verified backup: less than a day ago"
    assert describe_backup_age(timedelta(days=1, hours=2)) == "Last verified backup: 1 day ago"
    assert describe_backup_age(timedelta(days=12)) == "Last verified backup: 12 days ago"


def _open_delete_dialog(qtbot, window: MainWindow, row: int) -> tuple[DeleteClientDialog, int]:
    caseload = window.caseload
    client = caseload.clients.model.row_at(row)
    caseload.select_client(client.id)
    qtbot.waitUntil(window.actions_.delete_client_action.isEnabled, timeout=WAIT_MS)
    window.actions_.delete_client_action.trigger()
    dialog = window.health.delete_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.code.isEnabled, timeout=WAIT_MS)
    return dialog, client.id


def test_delete_client_asks_for_the_code_then_erases(
    qtbot, make_window, locked_vault, unlock
) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    idle(qtbot, window)
    assert window.actions_.delete_client_action in caseload.clients.table.actions()
    dialog, client_id = _open_delete_dialog(qtbot, window, 2)
    code = caseload.clients.model.row_at(2).code
    assert code in dialog.prompt.text()
    assert "older" not in dialog.intro.text()
    assert "Backups made before now still hold this client" in dialog.backups_note.text()
    dialog.code.setText("ZZ-NOT-IT")
    assert not dialog.delete_button.isEnabled()
    dialog.code.setText(code.lower())
    assert dialog.delete_button.isEnabled()
    shoot(dialog, "delete-client")
    dialog.delete_button.click()

    count = len(locked_vault.names) - 1
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() == count, timeout=WAIT_MS)
    shown = [caseload.clients.model.row_at(r).id for r in range(count)]
    assert client_id not in shown
    assert window.health.delete_dialog is None
    assert window.view.workspace is None or window.view.workspace.client_id != client_id
    window.close()
    with Vault.unlock(locked_vault.folder, UI_PASSPHRASE) as vault:
        assert all(c.code != code for c in caseload_service.find_clients(vault, ""))


def test_a_lock_closes_the_delete_dialog_without_deleting(
    qtbot, make_window, locked_vault, unlock
) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    idle(qtbot, window)
    dialog, _client_id = _open_delete_dialog(qtbot, window, 0)
    dialog.code.setText(caseload.clients.model.row_at(0).code)
    window.lock_action.trigger()
    assert not dialog.isVisible() and dialog.code.text() == ""
    caseload = unlock(window)
    assert caseload.clients.model.rowCount() == len(locked_vault.names)


def test_preferences_keep_the_backup_reminder_days(qtbot, make_window, locked_vault) -> None:
    window = make_window([str(locked_vault.folder)])
    assert window.settings.backup_reminder_days() == 7
    window.show_preferences()
    dialog = window.preferences_dialog
    assert dialog is not None and dialog.backup_days.value() == 7
    dialog.backup_days.setValue(3)
    dialog.accept()
    assert AppSettings(window.settings.path).backup_reminder_days() == 3
    window.settings.set_backup_reminder_days(0)
    assert window.settings.backup_reminder_days() == 1  # clamped, like the idle minutes


def test_back_up_now_from_the_reminder_updates_the_status_line(
    qtbot, make_window, locked_vault, unlock, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "backups" / "now.iptbackup"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    reminder = window.health.reminder
    assert reminder is not None
    qtbot.waitUntil(reminder.isVisible, timeout=WAIT_MS)
    window.health.back_up_button.click()
    assert not reminder.isVisible()
    qtbot.waitUntil(lambda: window.backup.report is not None, timeout=WAIT_MS)
    window.backup.report.accept()
    qtbot.waitUntil(
        lambda: window.health.backup_label.text() == "Last verified backup: less than a day ago",
        timeout=WAIT_MS,
    )
    assert out.exists()


def test_deleting_the_client_whose_chart_is_open_closes_the_chart(
    qtbot, make_window, locked_vault, unlock
) -> None:
    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    idle(qtbot, window)
    client = caseload.clients.model.row_at(1)
    window.view.open_client(client.id)
    qtbot.waitUntil(lambda: window.view.workspace is not None, timeout=WAIT_MS)
    idle(qtbot, window)
    dialog, client_id = _open_delete_dialog(qtbot, window, 1)
    assert client_id == client.id
    dialog.code.setText(client.code)
    dialog.delete_button.click()
    count = len(locked_vault.names) - 1
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() == count, timeout=WAIT_MS)
    idle(qtbot, window)
    assert window.view.workspace is None
    assert window.statusBar().currentMessage() == "The client was deleted."
