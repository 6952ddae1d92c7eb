"""Vault › New vault…, Open vault… and Open recent; the app then starts on the user's own vault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.support import PASSPHRASE
from tests.ui.conftest import MakeWindow, Unlock
from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.unlock import UnlockPage
from ui.settings import AppSettings
from ui.views.first_run import FirstRunPage
from workbench.services import episodes


def test_open_vault_then_recent_then_the_app_starts_there(
    qtbot: QtBot,
    make_window: MakeWindow,
    unlock: Unlock,
    new_vault: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vault, _ = new_vault("mine")
    episodes.add_client(vault, "Ada", "Lindqvist")
    folder: Path = vault.folder
    vault.close()
    window = make_window([])
    assert isinstance(window.current_page(), FirstRunPage)  # nothing of the user's yet

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    window.open_vault_action.trigger()
    assert isinstance(window.current_page(), UnlockPage)
    unlock(window, PASSPHRASE)
    assert AppSettings().recent_vaults() == [folder.absolute()]
    recent = [a.text() for a in window.actions_.recent_menu.actions()]
    assert recent == [str(folder.absolute())]
    window.close()

    again = make_window([])
    page = again.current_page()
    assert isinstance(page, UnlockPage)
    assert "mine" in again.windowTitle()


def test_open_vault_refuses_a_folder_that_is_no_vault(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window([])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    window.open_vault_action.trigger()
    assert isinstance(window.current_page(), FirstRunPage)
    assert "not an IPT Workbench vault" in window.statusBar().currentMessage()


def test_new_vault_asks_where_then_shows_the_create_page(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window([])
    target = tmp_path / "practice-two.iptvault"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.new_vault_action.trigger()
    page = window.current_page()
    assert isinstance(page, CreateVaultPage)
    assert page._folder == target


def test_an_empty_caseload_says_how_to_add_a_client(
    qtbot: QtBot, make_window: MakeWindow, new_vault: Any
) -> None:
    vault, _ = new_vault("empty")
    folder: Path = vault.folder
    vault.close()
    window = make_window([str(folder)])
    page = window.current_page()
    assert isinstance(page, UnlockPage)
    page.secret.setText(PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.caseload is not None, timeout=10_000)
    caseload = window.caseload
    assert caseload is not None
    qtbot.waitUntil(caseload.empty_hint.isVisible, timeout=10_000)
    assert "New client" in caseload.empty_hint.text() and "Ctrl+N" in caseload.empty_hint.text()
