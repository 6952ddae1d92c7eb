"""One place to build the main window's menu and toolbar actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    *,
    shortcut: str = "",
    tip: str = "",
    enabled: bool = True,
    role: QAction.MenuRole | None = None,
) -> QAction:
    """An action with its (already translated) text, shortcut and status tip, wired to *slot*."""
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    if role is not None:
        action.setMenuRole(role)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: slot())
    return action
