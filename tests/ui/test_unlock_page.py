"""Unlock page: wrong then right passphrase, recovery code, busy state off the UI thread, errors."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from ui.dialogs.unlock import EMPTY_ENTRY, UnlockPage
from workbench.errors import VaultInUse, WrongPassphrase, WrongRecoveryCode
from workbench.store.keyslots import new_recovery_code
from workbench.store.vault import Vault


def unlock_page(window: Any) -> UnlockPage:
    page = window.current_page()
    assert isinstance(page, UnlockPage)
    return page


def wait_idle(qtbot: Any, page: UnlockPage) -> None:
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled() and not page.progress.isVisible())


def test_wrong_then_right_passphrase(qtbot, make_window, locked_vault, unlock) -> None:
    window = make_window([str(locked_vault.folder)])
    page = unlock_page(window)
    assert page.secret.echoMode() == page.secret.EchoMode.Password

    page.secret.setText("definitely not the passphrase")
    page.unlock_button.click()
    wait_idle(qtbot, page)

    assert page.message.isVisible()
    assert page.message.text() == WrongPassphrase().user_message
    assert page.secret.text() == ""
    assert window.vault is None

    caseload = unlock(window)
    assert window.vault is not None and window.vault.is_open
    assert caseload.clients.model.rowCount() == len(locked_vault.names)


def test_empty_entry_is_not_an_attempt(qtbot, make_window, locked_vault) -> None:
    window = make_window([str(locked_vault.folder)])
    page = unlock_page(window)
    page.unlock_button.click()
    assert page.message.text() == EMPTY_ENTRY
    assert not (locked_vault.folder / "attempts.json").exists()


def test_recovery_code_unlocks(qtbot, make_window, locked_vault) -> None:
    window = make_window([str(locked_vault.folder)])
    page = unlock_page(window)
    page.use_code.setChecked(True)
    page.secret.setText(new_recovery_code())  # well formed, not this vault's
    page.unlock_button.click()
    wait_idle(qtbot, page)
    assert page.message.text() == WrongRecoveryCode().user_message

    page.secret.setText(locked_vault.recovery_code)
    page.secret.returnPressed.emit()
    qtbot.waitUntil(lambda: window.caseload is not None)
    assert window.vault is not None and window.vault.is_open


def test_unlock_runs_off_the_ui_thread(
    qtbot, make_window, locked_vault, passphrase, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    original = Vault.unlock

    def held_back(*args: Any, **kwargs: Any) -> Vault:
        assert threading.current_thread() is not threading.main_thread()
        gate.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(Vault, "unlock", held_back)
    window = make_window([str(locked_vault.folder)])
    page = unlock_page(window)
    page.secret.setText(passphrase)
    page.unlock_button.click()

    # The click returned while the key derivation is still waiting: the UI shows it is busy.
    assert page.progress.isVisible()
    assert not page.secret.isEnabled() and not page.unlock_button.isEnabled()
    assert page.secret.text() == ""
    gate.set()
    qtbot.waitUntil(lambda: window.caseload is not None)


def test_vault_open_elsewhere_is_reported(qtbot, make_window, locked_vault, passphrase) -> None:
    elsewhere = Vault.unlock(locked_vault.folder, passphrase)
    try:
        window = make_window([str(locked_vault.folder)])
        page = unlock_page(window)
        page.secret.setText(passphrase)
        page.unlock_button.click()
        wait_idle(qtbot, page)
        assert page.message.text() == VaultInUse().user_message
    finally:
        elsewhere.close()


def test_missing_vault_is_reported(qtbot, make_window, tmp_path) -> None:
    window = make_window([str(tmp_path / "nowhere")])
    page = unlock_page(window)
    assert window.windowTitle() == "IPT Workbench — nowhere (locked)"
    page.secret.setText("anything at all")
    page.unlock_button.click()
    wait_idle(qtbot, page)
    assert page.message.text() == "No vault was found at that location."


def test_stale_vault_warning_is_shown(qtbot, make_window, locked_vault, passphrase, unlock) -> None:
    db = locked_vault.folder / "caseload.db"
    older = db.read_bytes()
    Vault.unlock(locked_vault.folder, passphrase).close()  # unlocking is a recorded change
    db.write_bytes(older)  # as if a sync tool put back yesterday's file

    window = make_window([str(locked_vault.folder)])
    caseload = unlock(window)
    assert caseload.banner.isVisible()
    assert "older than the last one" in caseload.banner_text.text()
