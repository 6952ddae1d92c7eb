"""UI fixtures: a locked vault of invented clients, a window factory, and a text walker."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStatusBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.reports.course import record_course
from tests.support import PASSPHRASE
from tests.ui.workspace_driver import idle
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


@pytest.fixture(autouse=True)
def _qt_objects_go_between_tests(qapp: QCoreApplication) -> Iterator[None]:
    """Widgets a test let go are deleted before the next test starts, not at a random moment
    inside it (a Python wrapper outliving its deleted widget crashed later tests)."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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
    # the full integrity check runs on the worker after unlock: tests that then read the vault
    # from this thread must not share the connection with it
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=30_000)
    return caseload


def widget_texts() -> list[str]:
    """Every piece of text any live widget shows or tells a screen reader: labels, fields, text
    editors, drop-downs, buttons, tabs, actions, item views (all text roles, headers included)
    and graphics scenes (text items, tooltips, item labels)."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts += [widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.whatsThis()]
        texts += [widget.accessibleName(), widget.accessibleDescription()]
        texts += [a.text() + "\n" + a.toolTip() for a in widget.actions()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts += [widget.toPlainText(), widget.placeholderText()]
        if isinstance(widget, QComboBox):
            texts.append(widget.currentText())
            texts += [widget.itemText(i) for i in range(widget.count())]
            texts += [str(widget.itemData(i) or "") for i in range(widget.count())]
        if isinstance(widget, QStatusBar):
            texts.append(widget.currentMessage())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
            texts.extend(widget.tabToolTip(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts.extend(model_texts(widget.model()))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            texts.extend(scene_texts(widget.scene()))
    return texts


TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
    Qt.ItemDataRole.UserRole,
)


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every text role of every cell (children too) and every header of *model*."""
    parent = QModelIndex() if parent is None else parent
    texts: list[str] = []
    if not parent.isValid():
        for orientation, count in (
            (Qt.Orientation.Horizontal, model.columnCount()),
            (Qt.Orientation.Vertical, model.rowCount()),
        ):
            texts += [str(model.headerData(n, orientation) or "") for n in range(count)]
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts += [str(model.data(index, role) or "") for role in TEXT_ROLES]
            if column == 0 and model.rowCount(index) > 0:
                texts.extend(model_texts(model, index))
    return texts


def scene_texts(scene: QGraphicsScene) -> list[str]:
    """Text items, tooltips and any text label kept on the items of a graphics scene."""
    texts: list[str] = []
    for item in scene.items():
        texts.append(item.toolTip())
        if isinstance(item, QGraphicsSimpleTextItem):
            texts.append(item.text())
        if isinstance(item, QGraphicsTextItem):
            texts.append(item.toPlainText())
        label = getattr(item, "label", None)
        if isinstance(label, str):
            texts.append(label)
    return texts


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


@pytest.fixture
def course_window(
    qtbot: QtBot, make_window: MakeWindow, unlock: Unlock, new_vault: Any
) -> MainWindow:
    """The window, unlocked, with the course client's workspace open (session 4 a draft)."""
    vault, _ = new_vault("course")
    record_course(vault, sessions_held=4)
    folder: Path = vault.folder
    vault.close()
    window = make_window([str(folder)], idle_ms=60_000)
    unlock(window, PASSPHRASE)
    caseload = window.caseload
    assert caseload is not None
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)
    return window
