"""Every control a clinician can reach has a name for screen readers and is in the tab order.

Drives the real window on a real vault: the locked pages, the caseload, every workspace page
(and the tabs inside them), and every dialog the window opens. Names are read through Qt's
accessibility interface (what AT-SPI hands a screen reader). It also fails on a label whose
accessible name hides its text (a screen reader reads a label by its name only) and on a table
that keeps Tab. Offenders are listed by class, object name and where they sit.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.reports.course import record_course
from tests.support import PASSPHRASE
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.views.main_window import MainWindow
from ui.workspace.sessions_page import SessionsPage

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def _is_internal(widget: QWidget) -> bool:
    """Parts of a compound Qt control (a spin box's line edit, a table's header, tab arrows)."""
    parent = widget.parentWidget()
    if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QAbstractItemView):
        return True
    if isinstance(parent, QWidget) and parent.inherits("QComboBoxPrivateContainer"):
        return True
    return widget.objectName().startswith("qt_")


def _tab_stop(widget: QWidget, chain: set[int]) -> bool:
    """In the tab order; a radio group is one stop (arrows move inside it), a toolbar none."""
    parent = widget.parentWidget()
    if id(widget) in chain or isinstance(parent, QToolBar):
        return True  # toolbar buttons repeat menu actions, each with a shortcut
    if isinstance(widget, QRadioButton) and widget.autoExclusive() and parent is not None:
        group = [b for b in parent.findChildren(QRadioButton) if b.parentWidget() is parent]
        return any(id(button) in chain for button in group)
    return False


def _where(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None and len(chain) < 4:
        chain.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
    return f"{type(widget).__name__} {text!r} in {' < '.join(chain[1:])}"


def _buddies(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def _named(widget: QWidget, buddies: set[int]) -> bool:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is not None and interface.text(QAccessible.Text.Name).strip():
        return True
    if id(widget) in buddies:
        return True
    # a button's own text is what a screen reader announces for it
    return isinstance(widget, QAbstractButton) and bool(widget.text().replace("&", "").strip())


def _tab_chain(root: QWidget) -> set[int]:
    """Widgets Tab would stop at: the focus chain, visible, enabled, accepting Tab focus."""
    reached: set[int] = set()
    widget = root.nextInFocusChain()
    for _ in range(5000):
        if widget is root:
            break
        policy = widget.focusPolicy()
        if widget.isVisible() and widget.isEnabled() and policy & Qt.FocusPolicy.TabFocus:
            reached.add(id(widget))
        proxy = widget.focusProxy()
        if proxy is not None and policy & Qt.FocusPolicy.TabFocus:
            reached.add(id(proxy))
        widget = widget.nextInFocusChain()
    return reached


def _controls(root: QWidget) -> Iterable[QWidget]:
    for widget in root.findChildren(QWidget):
        visible = widget.isVisible() and widget.window() is root
        if isinstance(widget, INTERACTIVE) and visible and not _is_internal(widget):
            yield widget


class Audit:
    """Collects offenders over every scene visited."""

    def __init__(self) -> None:
        self.unnamed: dict[str, str] = {}
        self.unreachable: dict[str, str] = {}
        self.hidden_text: dict[str, str] = {}
        self.keeps_tab: dict[str, str] = {}
        self.checked = 0

    def scene(self, name: str, root: QWidget) -> None:
        buddies, chain = _buddies(root), _tab_chain(root)
        for widget in _controls(root):
            self.checked += 1
            where = _where(widget)
            if not _named(widget, buddies):
                self.unnamed.setdefault(where, name)
            if widget.isEnabled() and not _tab_stop(widget, chain):
                self.unreachable.setdefault(where, name)
            if isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.tabChangesFocus():
                self.unreachable.setdefault(f"{where} (Tab types a tab: a keyboard trap)", name)
            if isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation():
                self.keeps_tab.setdefault(where, name)
        for label in root.findChildren(QLabel):
            if label.isVisible() and label.accessibleName() not in ("", label.text()):
                where = f"QLabel {label.text()[:40]!r} named {label.accessibleName()!r}"
                self.hidden_text.setdefault(where, name)

    def report(self) -> str:
        lines = ["Unnamed controls (set an accessible name or a QLabel buddy):"]
        lines += [f"  [{scene}] {where}" for where, scene in self.unnamed.items()]
        lines += ["Not reachable with Tab:"]
        lines += [f"  [{scene}] {where}" for where, scene in self.unreachable.items()]
        lines += ["Labels whose accessible name hides their text (use setBuddy or no name):"]
        lines += [f"  [{scene}] {where}" for where, scene in self.hidden_text.items()]
        lines += ["Tables that keep Tab (setTabKeyNavigation(False)):"]
        lines += [f"  [{scene}] {where}" for where, scene in self.keeps_tab.items()]
        return "\n".join(lines)

    def clean(self) -> bool:
        return not (self.unnamed or self.unreachable or self.hidden_text or self.keeps_tab)


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=15_000)
    qtbot.wait(20)


def _visit_tabs(qtbot: QtBot, window: MainWindow, audit: Audit, name: str, page: QWidget) -> None:
    """The page as shown, then each tab of every tab widget inside it."""
    audit.scene(name, window)
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            _settle(qtbot, window)
            audit.scene(f"{name} › {tabs.tabText(index)}", window)
        tabs.setCurrentIndex(0)


def test_every_reachable_control_is_named_and_in_the_tab_order(
    qtbot: QtBot, make_window, new_vault, unlock, fast_kdf, monkeypatch, tmp_path
) -> None:
    out = tmp_path / "backups" / "weekly.iptbackup"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), ""))
    vault, _ = new_vault("course")
    record_course(vault, sessions_held=4)  # sessions 1-3 signed, session 4 a draft
    vault.close()
    audit = Audit()
    window = make_window([str(vault.folder)])
    audit.scene("unlock", window)

    caseload = unlock(window, PASSPHRASE)
    _visit_tabs(qtbot, window, audit, "caseload", caseload)
    caseload.tabs.setCurrentWidget(caseload.clients)
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    for index, page in enumerate(workspace.pages):
        workspace.setCurrentIndex(index)
        _settle(qtbot, window)
        if isinstance(page, SessionsPage):  # the draft selected: the editor is enabled
            page.table.selectRow(page.model.rowCount() - 1)
            qtbot.waitUntil(lambda page=page: page.editor.isEnabled(), timeout=10_000)
        _visit_tabs(qtbot, window, audit, workspace.tabText(index), page)

    for open_dialog, dialog_of in (
        (window.show_new_client, lambda: window._new_client),
        (window.show_export, lambda: window.export_dialog),
        (window.show_preferences, lambda: window.preferences_dialog),
        (window.show_about, lambda: window.about_dialog),
        (window.start_backup, lambda: window.backup.report),
    ):
        open_dialog()
        qtbot.waitUntil(lambda dialog_of=dialog_of: dialog_of() is not None, timeout=20_000)
        dialog = dialog_of()
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        _settle(qtbot, window)
        audit.scene(type(dialog).__name__, dialog)
        dialog.reject()
        _settle(qtbot, window)

    window.lock()
    window.show_first_run()
    audit.scene("first run", window)
    window.show_create()
    audit.scene("create vault", window)
    code = RecoveryCodePage("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB")
    qtbot.addWidget(code)
    code.show()
    audit.scene("recovery code", code)

    assert audit.checked > 100
    assert audit.clean(), audit.report()
    assert QApplication.activeModalWidget() is None
