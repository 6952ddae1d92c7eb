"""Inventory and timeline pages on a real vault: load, add, move in the circle, snapshot, clear."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.reports.course import FRIEND, SISTER, record_course
from tests.ui.session_support import session_for
from ui.tasks import TaskRunner
from ui.widgets.circle_editor import PersonDot, ring_middle
from ui.workspace.base import WorkspacePage
from ui.workspace.inventory_page import InventoryPage
from ui.workspace.timeline_page import TimelinePage
from workbench.domain.inventory import PersonDetails, TimelineEvent
from workbench.services import episodes, inventory
from workbench.store.vault import Vault

CANARY = "Quillon Canarywing"


@pytest.fixture
def course(vault: Vault) -> tuple[int, int]:
    client = record_course(vault, sessions_held=5)
    return client, episodes.current_episode(vault, client).id


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()


def open_page(qtbot, cls, vault, runner, course) -> WorkspacePage:  # type: ignore[no-untyped-def]
    page = cls(session_for(vault, runner), *course)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    return page


def idle(qtbot, runner: TaskRunner, condition=lambda: True) -> None:  # type: ignore[no-untyped-def]
    """Wait until the worker has nothing to do (tests read the vault from the UI thread)."""
    qtbot.waitUntil(lambda: not runner.busy and condition(), timeout=5000)


def person_ids(vault: Vault, episode: int) -> dict[str, int]:
    return {p.alias: p.id for p in inventory.people(vault, episode)}


def page_texts(page: QWidget) -> str:
    """Every text a page holds: fields, labels, drop-downs, item models and circle labels."""
    texts: list[str] = []
    for widget in [page, *page.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
            texts.append(widget.currentText())
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, PersonDot):
                    texts += [item.label, item.toolTip()]
                if isinstance(item, QGraphicsSimpleTextItem):
                    texts.append(item.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts.append(model_text(widget.model()))
    for model in page.findChildren(QAbstractItemModel):
        texts.append(model_text(model))
    return "\n".join(texts)


def model_text(model: QAbstractItemModel) -> str:
    return "\n".join(
        str(model.index(r, c).data() or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    )


def test_inventory_page_lists_people_and_places_them(qtbot, qtmodeltester, vault, runner, course):
    page = open_page(qtbot, InventoryPage, vault, runner, course)
    assert isinstance(page, InventoryPage)
    qtmodeltester.check(page.model)
    aliases = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert aliases == [SISTER, FRIEND]
    ids = person_ids(vault, course[1])
    placed = {p.person_id: (p.ring, p.line_style) for p in page.circle.editor.placements()}
    assert placed == {ids[SISTER]: (2, "conflict"), ids[FRIEND]: (3, "supportive")}
    page.table.selectRow(0)
    assert page.form.alias.text() == SISTER
    assert page.form.texts["patient_expectations"].toPlainText() == "help with mother"


def test_add_person_through_the_form(qtbot, vault, runner, course):
    page = open_page(qtbot, InventoryPage, vault, runner, course)
    assert isinstance(page, InventoryPage)
    page.new_button.click()
    form = page.form
    qtbot.keyClicks(form.alias, "Robin T")
    form.relationship.setCurrentIndex(form.relationship.findData("co-worker"))
    form.confiding.setCurrentIndex(form.confiding.findData("partly"))
    form.texts["good"].setPlainText("Lunch together; Robin listens.")
    form.tags["transition"].setChecked(True)
    page.save_button.click()
    idle(qtbot, runner, lambda: page.model.rowCount() == 3)
    robin = next(p for p in inventory.people(vault, course[1]) if p.alias == "Robin T")
    assert robin.relationship == "co-worker"
    assert robin.details.confiding == "partly"
    assert robin.details.good == "Lunch together; Robin listens."
    assert robin.details.problem_areas == ("transition",)
    # The form now edits Robin: a second save updates rather than adds.
    form.contact_type.setText("in person")
    page.save_button.click()
    idle(
        qtbot,
        runner,
        lambda: inventory.people(vault, course[1])[-1].details.contact_type == "in person",
    )
    assert len(inventory.people(vault, course[1])) == 3


def test_refused_person_keeps_the_typed_text(qtbot, vault, runner, course):
    page = open_page(qtbot, InventoryPage, vault, runner, course)
    assert isinstance(page, InventoryPage)
    messages: list[str] = []
    page.message.connect(messages.append)
    page.new_button.click()
    page.form.texts["conflict"].setPlainText("Rows about money")
    page.save_button.click()
    idle(qtbot, runner, lambda: bool(messages))
    assert "alias" in messages[-1]
    assert page.form.texts["conflict"].toPlainText() == "Rows about money"
    assert len(inventory.people(vault, course[1])) == 2


def test_circle_move_drag_and_snapshot(qtbot, vault, runner, course):
    page = open_page(qtbot, InventoryPage, vault, runner, course)
    assert isinstance(page, InventoryPage)
    page.tabs.setCurrentWidget(page.circle)
    ids = person_ids(vault, course[1])
    editor = page.circle.editor
    editor.move_person(ids[SISTER], 1)
    assert page.model.index(0, 2).data() == "1"  # the table shows the ring now
    # A real drag with the mouse: the friend goes from ring 3 to ring 2.
    dot = editor.dot(ids[FRIEND])
    start = editor.mapFromScene(dot.pos())
    target = editor.mapFromScene(QPointF(0, -ring_middle(2)))
    viewport = editor.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, (start + target) / 2)
    QTest.mouseMove(viewport, target)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    qtbot.waitUntil(lambda: dot.ring == 2)
    # Keyboard path: pick the person and a line style in the side panel.
    panel = page.circle
    panel.person.setCurrentIndex(panel.person.findData(ids[FRIEND]))
    panel.line.setCurrentIndex(panel.line.findData("conflict"))
    panel.line.activated.emit(panel.line.currentIndex())
    panel.label.setEditText("end")
    panel.save_button.click()
    idle(qtbot, runner, lambda: len(inventory.circle_snapshots(vault, course[1])) == 2)
    end = inventory.circle_snapshots(vault, course[1])[-1]
    assert end.label == "end"
    assert {p.person_id: (p.ring, p.line_style) for p in end.placements} == {
        ids[SISTER]: (1, "conflict"),
        ids[FRIEND]: (2, "conflict"),
    }
    panel.compare.setChecked(True)
    assert panel.first.isVisible() and "intake" in panel.first_caption.text()
    first = {p.person_id: p.ring for p in panel.first.placements()}
    assert first == {ids[SISTER]: 2, ids[FRIEND]: 3}


def test_timeline_shows_events_and_totals_and_adds_one(qtbot, qtmodeltester, vault, runner, course):
    page = open_page(qtbot, TimelinePage, vault, runner, course)
    assert isinstance(page, TimelinePage)
    qtmodeltester.check(page.model)
    kinds = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert kinds[0] == "conflict escalation" and "measure total" in kinds
    assert page.view.event_count() == 1
    before = page.model.rowCount()
    page.new_button.click()
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData("move"))
    form.impact.setValue(6)
    form.notes.setPlainText("Moved in with the friend for a month")
    friend = person_ids(vault, course[1])[FRIEND]
    for row in range(form.people_model.rowCount()):
        item = form.people_model.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == friend:
            item.setCheckState(Qt.CheckState.Checked)
    page.save_button.click()
    idle(qtbot, runner, lambda: page.model.rowCount() == before + 1)
    assert page.view.event_count() == 2
    added = [e for e in inventory.timeline(vault, course[1]) if e.event_type == "move"]
    assert added[0].impact == 6 and added[0].people == (friend,)
    shown = model_text(page.model)
    assert "Moved in with the friend" in shown and FRIEND in shown


def test_timeline_event_edit(qtbot, vault, runner, course):
    page = open_page(qtbot, TimelinePage, vault, runner, course)
    assert isinstance(page, TimelinePage)
    page.table.selectRow(0)
    assert page.form.kind.currentData() == "conflict escalation"
    page.form.notes.setPlainText("Row about care, remembered only roughly")
    page.form.precision.setCurrentIndex(page.form.precision.findData("month"))
    page.save_button.click()
    idle(qtbot, runner, lambda: inventory.timeline(vault, course[1])[0].notes.startswith("Row"))
    event = inventory.timeline(vault, course[1])[0]
    assert (event.event_date, event.date_precision) == ("2025-10-01", "month")


def test_flush_saves_pending_edits(qtbot, vault, runner, course):
    inv = open_page(qtbot, InventoryPage, vault, runner, course)
    assert isinstance(inv, InventoryPage)
    inv.table.selectRow(1)
    inv.form.texts["support"].setPlainText("walks on Sundays")
    idle(qtbot, runner)
    inv.flush()
    assert inventory.people(vault, course[1])[1].details.support == "walks on Sundays"
    timeline = open_page(qtbot, TimelinePage, vault, runner, course)
    assert isinstance(timeline, TimelinePage)
    timeline.form.notes.setPlainText("started a new job")
    idle(qtbot, runner)
    timeline.flush()
    assert any(e.notes == "started a new job" for e in inventory.timeline(vault, course[1]))


def test_clear_forgets_every_client_text(qtbot, vault, runner, course):
    episode = course[1]
    canary = inventory.add_person(
        vault, episode, CANARY, "friend", PersonDetails(conflict=f"{CANARY} shouts")
    )
    inventory.add_event(
        vault, episode, TimelineEvent(0, "2025-12-01", "day", "move", 3, None, CANARY, (canary,))
    )
    pages = [
        open_page(qtbot, InventoryPage, vault, runner, course),
        open_page(qtbot, TimelinePage, vault, runner, course),
    ]
    inv = pages[0]
    assert isinstance(inv, InventoryPage)
    inv.table.selectRow(2)
    inv.circle.compare.setChecked(True)
    timeline = pages[1]
    assert isinstance(timeline, TimelinePage)
    timeline.table.selectRow(1)
    for page in pages:
        assert CANARY in page_texts(page)
        page.clear()
        shown = page_texts(page)
        assert CANARY not in shown and SISTER not in shown and FRIEND not in shown
