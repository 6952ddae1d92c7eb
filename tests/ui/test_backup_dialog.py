"""Back up from the desktop: a real vault, the file dialog faked, the backup verified after."""

from __future__ import annotations

import errno
import re
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from tests.support import PASSPHRASE
from ui.dialogs import backup_dialog
from ui.dialogs.unlock import UnlockPage
from workbench.services import audit_log
from workbench.store import backup as core_backup
from workbench.store.backup import verify_backup_file
from workbench.store.vault import Vault


class FakeSaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what it was offered, answers *choice*."""

    def __init__(self, choice: Path | None) -> None:
        self.choice = choice
        self.offered: list[str] = []

    def __call__(self, _parent, _title, suggested, _filter):
        self.offered.append(suggested)
        return (str(self.choice) if self.choice else "", "")


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeSaveDialog:
    fake = FakeSaveDialog(tmp_path / "out" / "monday")
    fake.choice.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return fake


def _open_window(make_window, unlock, locked_vault):
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    return window


def test_default_name_carries_the_date_only() -> None:
    assert backup_dialog.default_backup_name(date(2026, 11, 22)) == "caseload-2026-11-22.iptbackup"


def test_ctrl_b_backs_up_and_reports_the_verified_file(
    qtbot, make_window, locked_vault, unlock, save_dialog
) -> None:
    window = _open_window(make_window, unlock, locked_vault)
    assert window.backup_action.shortcut() == QKeySequence("Ctrl+B")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.backup.finished, timeout=20_000) as finished:
        qtbot.keyClick(
            window.caseload.clients.search, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier
        )
    ok, message = finished.args
    assert ok
    suggested = Path(save_dialog.offered[0])
    assert re.fullmatch(r"caseload-\d{4}-\d{2}-\d{2}\.iptbackup", suggested.name)
    written = save_dialog.choice.with_name("monday.iptbackup")
    manifest = verify_backup_file(written)  # the file on disk checks out without any key
    assert manifest["vault_id"] == window.vault.vault_id
    report = window.backup.report
    assert report is not None and report.isVisible()
    assert "monday.iptbackup" in report.text() and "verified" in report.text()
    assert message.startswith("Backup written and verified: monday.iptbackup")
    for name in locked_vault.names:
        assert name not in report.text()
    assert [e.action for e in audit_log.recent(window.vault, 5)].count("backup") == 1
    assert window.backup_action.isEnabled()
    report.accept()


def test_cancelling_the_file_dialog_does_nothing(
    qtbot, make_window, locked_vault, unlock, save_dialog
) -> None:
    save_dialog.choice = None
    window = _open_window(make_window, unlock, locked_vault)
    window.backup_action.trigger()
    assert not window.backup.running and window.backup.report is None
    assert "backup" not in [e.action for e in audit_log.recent(window.vault, 5)]


def test_disk_full_is_reported_plainly(
    qtbot, make_window, locked_vault, unlock, save_dialog, monkeypatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(core_backup, "_write_archive", full)
    window = _open_window(make_window, unlock, locked_vault)
    with qtbot.waitSignal(window.backup.finished, timeout=20_000) as finished:
        window.backup_action.trigger()
    ok, message = finished.args
    assert not ok and message.startswith("The disk is full")
    assert window.backup.report is not None and window.backup.report.text() == message
    assert list(save_dialog.choice.parent.iterdir()) == []  # nothing half-written is left


def test_slow_backup_shows_progress_and_can_be_cancelled(
    qtbot, make_window, locked_vault, unlock, save_dialog, monkeypatch
) -> None:
    gate = threading.Event()
    real = backup_dialog.make_backup

    def slow(vault: Vault, out: Path):
        gate.wait(10)
        return real(vault, out)

    monkeypatch.setattr(backup_dialog, "make_backup", slow)
    window = _open_window(make_window, unlock, locked_vault)
    window.progress.set_delay(30)
    window.backup_action.trigger()
    assert not window.backup_action.isEnabled()  # one backup at a time
    qtbot.waitUntil(lambda: not window.progress.isHidden(), timeout=5000)
    assert window.progress.text.text() == "Backing up and verifying the vault…"
    with qtbot.waitSignal(window.backup.finished) as finished:
        qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args[0] is False and "cancelled" in finished.args[1]
    assert window.progress.isHidden() and window.backup_action.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=20_000)
    assert list(save_dialog.choice.parent.iterdir()) == []  # the late file was removed
    assert window.backup.report is None


def test_backup_of_a_fresh_vault_restores(qtbot, make_window, new_vault, save_dialog) -> None:
    vault, _ = new_vault("fresh")
    vault.close()
    window = make_window([str(vault.folder)])
    page = window.current_page()
    assert isinstance(page, UnlockPage)
    page.secret.setText(PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
    with qtbot.waitSignal(window.backup.finished, timeout=20_000) as finished:
        window.backup_action.trigger()
    assert finished.args[0]
    window.lock()
    restored = core_backup.restore_backup(
        save_dialog.choice.with_name("monday.iptbackup"),
        save_dialog.choice.parent / "copy.iptvault",
        PASSPHRASE,
    )
    assert restored is None  # a new folder: nothing was set aside
    with Vault.unlock(save_dialog.choice.parent / "copy.iptvault", PASSPHRASE) as copy:
        assert copy.check_integrity().ok


def test_a_folder_that_went_away_is_reported_plainly(
    qtbot, make_window, locked_vault, unlock, save_dialog
) -> None:
    save_dialog.choice = save_dialog.choice.parent / "unplugged-stick" / "monday"
    window = _open_window(make_window, unlock, locked_vault)
    with (
        qtbot.captureExceptions() as raised,
        qtbot.waitSignal(window.backup.finished, timeout=20_000) as finished,
    ):
        window.backup_action.trigger()
    assert raised == []  # a user-facing error, not a bug
    ok, message = finished.args
    assert not ok
    assert message == "The backup or restore could not read or write a file; nothing was changed."
