"""The questionnaire in the real window: room for every PHQ-9 item, and answers from the keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.workspace_driver import idle, show_page
from ui.views.main_window import MainWindow
from ui.workspace.measure_form import ITEM_TEXT_MIN_WIDTH, ChoiceForm
from ui.workspace.measures_page import MeasuresPage


def measures(qtbot: QtBot, window: MainWindow, width: int, height: int) -> MeasuresPage:
    window.resize(width, height)
    page = show_page(qtbot, window, MeasuresPage)
    page.instrument.setCurrentIndex(page.instrument.findData("PHQ-9"))
    idle(qtbot, window)
    qtbot.wait(50)  # layouts settle after the resize
    return page


def fully_shown(widget: QWidget, viewport: QWidget) -> bool:
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    bottom_right = widget.mapTo(viewport, QPoint(widget.width() - 1, widget.height() - 1))
    area = viewport.rect()
    return widget.isVisible() and area.contains(top_left) and area.contains(bottom_right)


def test_item_9_is_in_view_at_1280_by_800_without_scrolling(qtbot, course_window):
    page = measures(qtbot, course_window, 1280, 800)
    form = page.form
    assert isinstance(form, ChoiceForm)
    viewport = page.form_scroll.viewport()
    assert page.form_scroll.verticalScrollBar().value() == 0
    for button in form.groups[8].buttons():
        assert fully_shown(button, viewport)
    item9 = next(w for w in form.findChildren(QLabel) if w.text().startswith("9. "))
    assert fully_shown(item9, viewport)
    texts = [w for w in form.findChildren(QLabel) if w.text()[:2] in {f"{n}." for n in range(10)}]
    assert len(texts) == 9
    assert min(w.width() for w in texts) >= ITEM_TEXT_MIN_WIDTH  # never a thin 150 px column
    assert page.result.isVisible() and page.record_button.isVisible()


def test_digits_answer_and_move_on_and_arrows_choose(qtbot, course_window):
    window = course_window
    page = measures(qtbot, window, 1280, 800)
    form = page.form
    assert isinstance(form, ChoiceForm)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = form.first_field()
    assert first is not None
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for digit in "210321023":
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, getattr(Qt.Key, f"Key_{digit}"))
    assert form.responses() == [2, 1, 0, 3, 2, 1, 0, 2, 3]
    assert page.result.text() == "Total 14 of 27 · moderate"
    assert form.difficulty_group.buttons()[0].hasFocus()  # the unscored question is next
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert form.difficulty() == 1
    assert page.record_button.hasFocus()  # everything answered: Enter/Space records

    item2 = form.groups[1]
    item2.button(1).setFocus()
    qtbot.keyClick(item2.button(1), Qt.Key.Key_Right)
    assert form.responses()[1] == 2 and item2.button(2).hasFocus()
    qtbot.keyClick(item2.button(2), Qt.Key.Key_Left)
    qtbot.keyClick(item2.button(1), Qt.Key.Key_Left)
    assert form.responses()[1] == 0
    qtbot.keyClick(item2.button(0), Qt.Key.Key_Left)  # nothing left of "Not at all"
    assert form.responses()[1] == 0
    qtbot.keyClick(item2.button(0), Qt.Key.Key_Down)
    assert form.groups[2].button(0).hasFocus()  # item 3's answer
    qtbot.keyClick(form.groups[2].button(0), Qt.Key.Key_Up)
    assert item2.button(0).hasFocus()
    assert form.responses() == [2, 0, 0, 3, 2, 1, 0, 2, 3]  # moving never answers
