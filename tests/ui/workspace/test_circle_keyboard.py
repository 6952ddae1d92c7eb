"""The closeness circle by keyboard: Tab in, arrows pick and move people, each step announced."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.reports.course import record_course
from tests.ui.workspace.test_inventory_timeline import open_page, person_ids
from ui.tasks import TaskRunner
from ui.workspace.inventory_page import InventoryPage
from workbench.services import episodes
from workbench.store.vault import Vault


@pytest.fixture
def course(vault: Vault) -> tuple[int, int]:
    client = record_course(vault, sessions_held=5)
    return client, episodes.current_episode(vault, client).id


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()


def test_people_are_picked_and_moved_with_keys_and_announced(
    qtbot: QtBot, vault, runner, course, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str] = []

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    page = open_page(qtbot, InventoryPage, vault, runner, course)
    assert isinstance(page, InventoryPage)
    page.tabs.setCurrentWidget(page.circle)
    editor = page.circle.editor
    page.circle.person.setFocus()
    qtbot.waitUntil(page.circle.person.hasFocus)
    for _ in range(20):  # Tab until the circle has the focus: it is in the tab order
        if editor.hasFocus():
            break
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Backtab)
    assert editor.hasFocus()
    chosen = [d for d in (editor.dot(p.person_id) for p in editor.placements()) if d.isSelected()]
    assert len(chosen) == 1 and heard[-1] == editor.describe(chosen[0])  # focus picks someone
    dot = chosen[0]
    ring = dot.ring
    qtbot.keyClick(editor, Qt.Key.Key_Down if ring < 3 else Qt.Key.Key_Up)
    moved = ring + 1 if ring < 3 else ring - 1
    assert dot.ring == moved
    assert heard[-1].endswith(f"ring {moved} of 3")
    qtbot.keyClick(editor, Qt.Key.Key_1)
    assert dot.ring == 1
    placed = {p.person_id: p.ring for p in editor.placements()}
    assert placed[dot.person_id] == 1
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    others = [d for d in (editor.dot(p.person_id) for p in editor.placements()) if d.isSelected()]
    assert others and others[0] is not dot and heard[-1] == editor.describe(others[0])
    ids = person_ids(vault, course[1])
    assert dot.person_id in ids.values()
