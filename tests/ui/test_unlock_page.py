"""Unlock page: wrong then right passphrase, recovery code, busy state, countdown, errors."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ui.dialogs.unlock import EMPTY_ENTRY, TOO_MANY, UnlockPage
from ui.tasks import TaskRunner
from workbench.errors import VaultDamaged, VaultInUse, WrongPassphrase, WrongRecoveryCode
from workbench.store.keyslots import new_recovery_code
from workbench.store.throttle import FREE_ATTEMPTS
from workbench.store.vault import Vault

WAIT = "After several wrong attempts the next one must wait: try again in {0} second"


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
    assert page.message.text().startswith("No vault was found at that location.")
    assert "Restore from a backup" in page.message.text()
    assert page.restore_button.hasFocus()


def test_stale_vault_warning_is_shown(qtbot, make_window, locked_vault, passphrase, unlock) -> None:
    db = locked_vault.folder / "caseload.db"
    older = db.read_bytes()
    with Vault.unlock(locked_vault.folder, passphrase) as vault:
        vault.check_integrity()  # a checked unlock is a recorded change
    db.write_bytes(older)  # as if a sync tool put back yesterday's file

    window = make_window([str(locked_vault.folder)])
    unlock(window)
    banner = window.health.freshness  # the window's own banner, kept until acknowledged
    assert banner is not None and banner.isVisible()
    assert "older than the one IPT Workbench saw last time" in banner.text.text()


class FakeClock:
    """The unlock page's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def page_with_clock(qtbot: Any, folder: Path, clock: FakeClock) -> UnlockPage:
    runner = TaskRunner()
    page = UnlockPage(folder, runner, clock=clock)
    runner.setParent(page)
    qtbot.addWidget(page)
    page.show()
    return page


def attempt(qtbot: Any, page: UnlockPage, text: str) -> None:
    page.secret.setText(text)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=10_000)


def failures(folder: Path) -> int:
    return int(json.loads((folder / "attempts.json").read_text())["failures"])


def test_wrong_attempts_start_a_countdown(qtbot, locked_vault, passphrase) -> None:
    clock = FakeClock()
    page = page_with_clock(qtbot, locked_vault.folder, clock)
    for _ in range(FREE_ATTEMPTS - 1):
        attempt(qtbot, page, "definitely not the passphrase")
        assert page.unlock_button.isEnabled() and not page.countdown.isVisible()
    attempt(qtbot, page, "still not the passphrase")
    assert page.message.text() == WrongPassphrase().user_message
    assert not page.unlock_button.isEnabled()
    assert page.countdown.text() == WAIT.format(2) + "s."

    page.secret.setText(passphrase)
    page.secret.returnPressed.emit()  # Enter does nothing while waiting: no attempt is spent
    assert not page.progress.isVisible() and failures(locked_vault.folder) == FREE_ATTEMPTS

    clock.advance(1.5)
    qtbot.waitUntil(lambda: page.countdown.text() == WAIT.format(1) + ".")
    assert not page.unlock_button.isEnabled()
    clock.advance(0.5)
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled())
    assert not page.countdown.isVisible()

    with qtbot.waitSignal(page.unlocked, timeout=10_000) as opened:
        attempt(qtbot, page, passphrase)
    opened.args[0].close()


def test_wait_survives_a_new_page_and_refusal_is_plain(qtbot, locked_vault, passphrase) -> None:
    clock = FakeClock()
    page = page_with_clock(qtbot, locked_vault.folder, clock)
    for _ in range(FREE_ATTEMPTS):  # wrong attempts made elsewhere (another window, a restart)
        with pytest.raises(WrongPassphrase):
            Vault.unlock(locked_vault.folder, "not it at all", clock=clock)
    attempt(qtbot, page, passphrase)  # this page had not heard: the core refuses
    assert page.message.text() == TOO_MANY
    assert not page.unlock_button.isEnabled() and page.countdown.isVisible()

    again = page_with_clock(qtbot, locked_vault.folder, clock)
    assert not again.unlock_button.isEnabled()
    assert again.countdown.text() == WAIT.format(2) + "s."
    clock.advance(2)
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled() and again.unlock_button.isEnabled())
    assert page.message.text() == ""


def test_damaged_vault_offers_restore(qtbot, make_window, locked_vault, passphrase) -> None:
    (locked_vault.folder / "caseload.db").write_bytes(b"")
    window = make_window([str(locked_vault.folder)])
    page = unlock_page(window)
    attempt(qtbot, page, passphrase)
    assert page.message.text() == VaultDamaged().user_message
    assert page.restore_button.isDefault() and page.restore_button.hasFocus()
