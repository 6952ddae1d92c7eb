"""UI fixtures: a locked vault of invented clients, a window factory, and a text walker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.app import build_window
from ui.dialogs.unlock import UnlockPage
from ui.views.caseload import CaseloadPage
from ui.views.main_window import MainWindow
from workbench.demo.build import fill_demo
from workbench.store import vault as vault_module
from workbench.store.clients import list_clients
from workbench.store.keyslots import KdfParams

CLIENTS = 12
SEED = 7
FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)
UI_PASSPHRASE = "lantern orchard quietly invents seventeen kites"
Unlock = Callable[..., CaseloadPage]
CheckClean = Callable[..., None]


@dataclass(frozen=True)
class LockedVault:
    folder: Path
    recovery_code: str
    names: tuple[str, ...]
    codes: tuple[str, ...]


@pytest.fixture
def locked_vault(new_vault: Callable[..., Any]) -> LockedVault:
    """A closed vault holding a few invented clients with notes, and who is in it."""
    vault, code = new_vault("caseload", passphrase=UI_PASSPHRASE)
    fill_demo(vault, CLIENTS, SEED)
    with vault.reading() as conn:
        clients = list_clients(conn)
    vault.close()
    return LockedVault(
        vault.folder, code, tuple(c.display_name for c in clients), tuple(c.code for c in clients)
    )


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Vaults the app creates (demo, first run) use a cheap Argon2id instead of a tuned one."""
    monkeypatch.setattr(vault_module, "tune_kdf", lambda: FAST_KDF)


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    """make_window(argv): the app's shown window, as main() builds it; closed at teardown."""
    made: list[MainWindow] = []

    def factory(argv: list[str], *, idle_ms: int = 60_000) -> MainWindow:
        window = build_window(argv, idle_ms=idle_ms)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield factory
    for window in made:
        window.close()


@pytest.fixture
def passphrase() -> str:
    return UI_PASSPHRASE


@pytest.fixture
def unlock(qtbot: QtBot) -> Unlock:
    """unlock(window, passphrase=...): type it and wait until the caseload has loaded."""
    return lambda window, passphrase=UI_PASSPHRASE: _unlock(qtbot, window, passphrase)


def _unlock(qtbot: QtBot, window: MainWindow, passphrase: str) -> CaseloadPage:
    """Type *passphrase* on the unlock page and wait until the caseload has loaded."""
    page = window.current_page()
    assert isinstance(page, UnlockPage)
    page.secret.setText(passphrase)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.caseload is not None, timeout=10_000)
    caseload = window.caseload
    assert caseload is not None
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() > 0, timeout=10_000)
    return caseload


def widget_texts() -> list[str]:
    """Every piece of text any live widget shows: labels, fields, buttons, tabs, item views."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts.append(widget.windowTitle())
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts.extend(_model_texts(widget))
    return texts


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [
        str(model.index(r, c).data() or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


@pytest.fixture
def assert_no_client_data() -> CheckClean:
    """assert_no_client_data(vault): no live widget shows a name or code from *vault*."""
    return _assert_no_client_data


def _assert_no_client_data(vault: LockedVault, *extra: QWidget) -> None:
    shown = "\n".join(widget_texts() + [w.windowTitle() for w in extra])
    for name in vault.names:
        assert name not in shown
    for code in vault.codes:
        assert code not in shown
