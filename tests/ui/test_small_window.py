"""The window at 1024×700: nothing forces it wider, pages fit, the caseload's key columns show."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from tests.ui.workspace_driver import idle
from ui.models.caseload_model import RISK_COLUMN
from ui.views.main_window import MainWindow


def test_the_window_works_at_1024_by_700(qtbot: QtBot, course_window: MainWindow) -> None:
    window = course_window
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() <= 1024 and window.height() <= 700)
    workspace, caseload = window.workspace, window.caseload
    assert workspace is not None and caseload is not None
    too_wide = []
    for index in range(workspace.count()):
        workspace.setCurrentIndex(index)
        idle(qtbot, window)
        qtbot.wait(20)
        assert window.width() <= 1024 and window.height() <= 700
        holder = workspace.widget(index)
        assert isinstance(holder, QScrollArea)
        room = holder.viewport().size()
        page = workspace.page(index)
        needed = page.minimumSize().expandedTo(page.minimumSizeHint())
        if needed.width() > room.width() or needed.height() > room.height():
            too_wide.append(f"{type(page).__name__} needs {needed.toTuple()}, has {room.toTuple()}")
    assert not too_wide
    table = caseload.clients.table
    shown = table.viewport().width()
    for column in range(RISK_COLUMN + 1):  # name, phase, session, PHQ-9, risk flags
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert table.columnViewportPosition(column) >= 0 and right <= shown, column
