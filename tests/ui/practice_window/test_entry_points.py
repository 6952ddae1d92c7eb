"""Practice is reachable without a vault: first run, the menu (locked or not), `--practice`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault, MakeWindow, Unlock
from ui.app import parse_args
from ui.dialogs.unlock import UnlockPage
from ui.practice.launch import open_practice, practice_window
from ui.practice.window import PracticeWindow
from ui.views.first_run import FirstRunPage
from workbench.paths import data_dir
from workbench.practice import shipped_vignettes


def vaults_in_home() -> list[Path]:
    return sorted(data_dir().rglob("*.iptvault"))


def test_first_run_offers_practice_without_creating_a_vault(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window([])
    page = window.current_page()
    assert isinstance(page, FirstRunPage)
    assert page.practice_button.text() == "Practise formulation (trainees, fictional cases)"
    assert page.practice_button.isVisible()
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)

    practice = practice_window()
    assert isinstance(practice, PracticeWindow) and practice.isVisible()
    assert "PRACTICE" in practice.windowTitle()
    assert window.current_page() is page  # the first-run choice is still there
    assert window.vault is None and vaults_in_home() == []


def test_menu_opens_practice_while_the_vault_stays_locked(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: LockedVault
) -> None:
    window = make_window([str(locked_vault.folder)])
    assert isinstance(window.current_page(), UnlockPage)
    action = window.practice_action
    assert action.isEnabled()
    action.trigger()
    practice = practice_window()
    assert practice is not None and practice.isVisible()
    assert window.vault is None  # nothing was unlocked
    assert isinstance(window.current_page(), UnlockPage)
    action.trigger()  # a second time raises the same window
    assert practice_window() is practice


def test_menu_opens_practice_while_unlocked(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: LockedVault, unlock: Unlock
) -> None:
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    window.practice_action.trigger()
    practice = practice_window()
    assert practice is not None and practice.isVisible()
    assert practice.current_page() is practice.picker


def test_practice_argument_and_launcher() -> None:
    assert parse_args(["--practice"]).practice
    assert not parse_args([]).practice
    window = open_practice()
    assert window is practice_window()
    assert window.picker.cases.topLevelItemCount() == len(shipped_vignettes())
    assert vaults_in_home() == []
