"""Window layout is remembered between runs; the settings file never holds anything from a vault."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter

from tests.reports.course import CLIENT, SISTER, record_course
from tests.support import PASSPHRASE
from ui.settings import AppSettings, settings_path
from workbench.domain.episode import Contract
from workbench.services import episodes

CANARY = "ZQXCANARY"
ALLOWED_KEYS = {
    "window/geometry",
    "window/state",
    "window/caseload_splitter",
    "vaults/recent",  # folder paths only (Vault › Open recent)
    "lock/idle_minutes",
}


def _splitter(window) -> QSplitter:
    split = window.current_page()
    assert isinstance(split, QSplitter)
    return split


def test_layout_comes_back_and_no_vault_data_is_kept(qtbot, make_window, new_vault, unlock) -> None:
    vault, _ = new_vault("practice")
    record_course(vault, sessions_held=3)
    canary = episodes.add_client(vault, CANARY, "Example")
    episodes.open_episode(vault, canary, Contract("WMK", 12), "2026-02-02")
    vault.close()

    window = make_window([str(vault.folder)])
    caseload = unlock(window, PASSPHRASE)
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    caseload.clients.search.setText(CANARY)
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() == 1)
    _splitter(window).setSizes([300, 900])
    sizes = _splitter(window).sizes()
    window.lock()  # saves the splitter; the window shrinks back to the unlock page's minimum
    qtbot.waitUntil(lambda: window.minimumSize().width() < 760)  # layout caught up
    window.resize(760, 560)  # inside the offscreen screen (800×800)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (760, 560))
    window.close()

    text = settings_path().read_bytes().decode("utf-8", errors="replace")
    stored = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    assert set(stored.allKeys()) <= ALLOWED_KEYS
    assert {"window/geometry", "window/caseload_splitter"} <= set(stored.allKeys())
    for secret in (CANARY, *CLIENT, SISTER):
        assert secret not in text, secret
    assert AppSettings().recent_vaults() == [vault.folder.absolute()]  # the path, nothing else

    again = make_window([str(vault.folder)])
    assert (again.width(), again.height()) == (760, 560)
    unlock(again, PASSPHRASE)
    assert _splitter(again).sizes()[0] == sizes[0]  # the caseload keeps its width


def test_damaged_settings_fall_back_to_defaults(qtbot, make_window, locked_vault, unlock) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(
        "[window]\ngeometry=not a geometry\ncaseload_splitter=a, b\n[lock]\nidle_minutes=x\n"
    )
    window = make_window([str(locked_vault.folder)])
    unlock(window)
    assert sum(_splitter(window).sizes()) > 0
    assert AppSettings().idle_minutes() == 5
