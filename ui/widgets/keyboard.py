"""Keyboard helpers: tables that let Tab leave them (arrows move inside)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget


def release_tab(root: QWidget) -> None:
    """Tab and Shift+Tab leave every item view in *root* (and *root*): arrows move inside.

    QTableView keeps Tab by default, so a keyboard user walks cell by cell through every row.
    """
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.append(root)
    for view in views:
        view.setTabKeyNavigation(False)
