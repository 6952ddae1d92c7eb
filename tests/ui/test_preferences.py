"""Preferences: idle minutes kept in the settings file, applied at once to the idle lock."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ui.app import build_window
from ui.dialogs.preferences import PreferencesDialog
from ui.settings import IDLE_MINUTES_DEFAULT, AppSettings, settings_path


def test_settings_live_under_the_overridable_home() -> None:
    home = Path(os.environ["IPT_WORKBENCH_HOME"])
    assert settings_path().parent == home
    assert AppSettings().path == home / "settings.ini"


def test_idle_minutes_default_and_clamped(tmp_path) -> None:
    settings = AppSettings(tmp_path / "s.ini")
    assert settings.idle_minutes() == IDLE_MINUTES_DEFAULT == 5
    settings.set_idle_minutes(0)
    assert settings.idle_minutes() == 1
    settings.set_idle_minutes(600)
    assert settings.idle_minutes() == 60
    (tmp_path / "s.ini").write_text("[lock]\nidle_minutes=soon\n")
    assert AppSettings(tmp_path / "s.ini").idle_minutes() == 5


def test_dialog_saves_and_the_window_applies_at_once(
    qtbot, make_window, locked_vault, unlock
) -> None:
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    assert window.idle.armed and window.idle.timeout_ms == 60_000
    assert window.preferences_action.shortcut() == QKeySequence("Ctrl+,")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.caseload.clients.search, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier
    )
    dialog = window.preferences_dialog
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    spin = dialog.idle_minutes
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 60, 5)
    spin.setValue(2)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert window.idle.timeout_ms == 2 * 60_000
    assert window.idle.armed  # the countdown restarted with the new delay
    assert window.idle.timer.remainingTime() > 60_000
    assert AppSettings().idle_minutes() == 2
    assert window.preferences_dialog is None


def test_cancel_changes_nothing(qtbot, make_window, locked_vault) -> None:
    window = make_window([str(locked_vault.folder)])
    window.show_preferences()  # reachable while locked: it holds no vault data
    dialog = window.preferences_dialog
    assert dialog is not None
    dialog.idle_minutes.setValue(30)
    dialog.reject()
    assert AppSettings().idle_minutes() == 5
    assert window.idle.timeout_ms == 60_000


def test_new_window_reads_idle_minutes_unless_told(qtbot, locked_vault) -> None:
    AppSettings().set_idle_minutes(7)
    window = build_window([str(locked_vault.folder)])
    qtbot.addWidget(window)
    assert window.idle.timeout_ms == 7 * 60_000
    explicit = build_window([str(locked_vault.folder)], idle_ms=300)
    qtbot.addWidget(explicit)
    assert explicit.idle.timeout_ms == 300
