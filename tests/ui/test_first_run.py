"""First run: the demo vault path and the create-vault path with its one-time recovery code."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import main
from ui.dialogs.create_vault import MISMATCH, CreateVaultPage
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.dialogs.unlock import UnlockPage
from ui.views.first_run import FirstRunPage
from ui.views.main_window import MainWindow
from ui.widgets.page import BusyPage
from workbench.demo.quickstart import DEMO_CLIENTS, DEMO_PASSPHRASE
from workbench.errors import WeakPassphrase
from workbench.paths import default_vault, demo_vault
from workbench.services.vault_access import recovery_tail
from workbench.store.passphrase import check_strength

NEW_PASSPHRASE = "copper meadow whistles under nine paper moons"


def home() -> Path:
    return Path(os.environ["IPT_WORKBENCH_HOME"])


def test_no_vault_shows_first_run(make_window) -> None:
    window = make_window([])
    page = window.current_page()
    assert isinstance(page, FirstRunPage)
    assert page.demo_button.text() == "Open the demo vault (invented clients)"
    assert window.windowTitle() == "IPT Workbench"


@pytest.mark.usefixtures("fast_kdf")
def test_demo_path_creates_demo_vault_in_home(qtbot, make_window, unlock) -> None:
    window = make_window([])
    window.current_page().demo_button.click()
    assert isinstance(window.current_page(), BusyPage)
    qtbot.waitUntil(lambda: isinstance(window.current_page(), UnlockPage), timeout=30_000)

    folder = demo_vault()
    assert folder.parent == home()
    assert (folder / "caseload.db").is_file()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    page = window.current_page()
    hint = page.findChild(type(page.title), "demoHint")
    assert hint is not None and DEMO_PASSPHRASE in hint.text()
    assert window.windowTitle() == "IPT Workbench — demo (locked)"

    caseload = unlock(window, DEMO_PASSPHRASE)
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() == DEMO_CLIENTS)


@pytest.mark.usefixtures("fast_kdf")
def test_demo_flag_opens_existing_demo_vault(qtbot, make_window) -> None:
    first = make_window(["--demo"])
    qtbot.waitUntil(lambda: isinstance(first.current_page(), UnlockPage), timeout=30_000)
    second = make_window(["--demo"])
    qtbot.waitUntil(lambda: isinstance(second.current_page(), UnlockPage), timeout=10_000)


@pytest.mark.usefixtures("fast_kdf")
def test_create_vault_shows_recovery_code_once(qtbot, make_window, unlock) -> None:
    window = make_window([])
    window.current_page().create_button.click()
    page = window.current_page()
    assert isinstance(page, CreateVaultPage)

    page.passphrase.setText("short words")
    page.confirm.setText("short words")
    qtbot.waitUntil(lambda: page.meter.verdict is not None)
    assert not page.create_button.isEnabled()  # the meter already says no
    page.confirm.returnPressed.emit()  # Enter still submits: the core refuses it in its words
    qtbot.waitUntil(lambda: page.passphrase.isEnabled() and page.message.isVisible())
    with pytest.raises(WeakPassphrase) as weak:
        check_strength("short words")
    assert page.message.text() == weak.value.user_message
    assert page.passphrase.text() == page.confirm.text() == ""

    page.passphrase.setText(NEW_PASSPHRASE)
    page.confirm.setText(NEW_PASSPHRASE + "x")
    page.confirm.returnPressed.emit()
    assert page.message.text() == MISMATCH

    page.passphrase.setText(NEW_PASSPHRASE)
    page.confirm.setText(NEW_PASSPHRASE)
    qtbot.waitUntil(page.create_button.isEnabled)
    page.create_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_page(), RecoveryCodePage), timeout=10_000)
    codes = window.current_page()
    code = codes.code.text()
    assert len(code.split("-")) >= 4 or len(code.split()) >= 4
    assert "lost" in codes.findChild(type(codes.title), "recoveryWarning").text()
    assert not codes.continue_button.isEnabled()
    codes.written.setChecked(True)
    codes.continue_button.click()
    codes.tail.setText(recovery_tail(code))
    codes.finish_button.click()
    qtbot.waitUntil(lambda: window.caseload is not None)
    qtbot.waitUntil(lambda: window.count_label.text().startswith("No clients yet"))
    assert (default_vault() / "caseload.db").is_file()

    window.lock()  # the code shown once really opens the vault
    unlock_page = window.current_page()
    assert isinstance(unlock_page, UnlockPage)
    unlock_page.use_code.setChecked(True)
    unlock_page.secret.setText(code)
    unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.caseload is not None)


@pytest.mark.usefixtures("fast_kdf")
def test_main_runs_the_app_and_returns_its_exit_code(qtbot) -> None:
    def close_when_unlock_page_shows() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and isinstance(widget.current_page(), UnlockPage):
                widget.close()
                return
        QTimer.singleShot(20, close_when_unlock_page_shows)

    previous = os.umask(0o022)
    try:
        QTimer.singleShot(0, close_when_unlock_page_shows)
        assert main(["--demo"]) == 0
        assert os.umask(0o022) == 0o077
    finally:
        os.umask(previous)
    assert (demo_vault() / "caseload.db").is_file()
