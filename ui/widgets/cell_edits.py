"""Commit the table cell being typed into, so a save or a lock never drops the typed words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget


def commit_open_editor(view: QAbstractItemView) -> None:
    """Write what is typed in *view*'s open cell editor into the model (the editor stays open)."""
    if view.state() != QAbstractItemView.State.EditingState:
        return
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for editor in view.viewport().findChildren(QWidget, options=direct):
        view.commitData(editor)
