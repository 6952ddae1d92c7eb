"""WCAG 2.1 AA in light and dark palettes: muted text, selected rows, progress text, focus ring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.workspace.shoot_pages import dark_palette
from ui.look import FOCUS_RATIO, TEXT_RATIO, accessible_palette, apply_look, contrast
from ui.models.caseload_model import FLAG_INK, FLAG_TINT

Role = QPalette.ColorRole


def palettes() -> dict[str, QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return {"light": app.style().standardPalette(), "dark": dark_palette()}


def test_the_stock_palettes_fall_short_where_the_issue_measured(qapp: QApplication) -> None:
    light = palettes()["light"]
    assert contrast(light.color(Role.PlaceholderText), light.color(Role.Base)) < TEXT_RATIO
    assert contrast(light.color(Role.HighlightedText), light.color(Role.Highlight)) < TEXT_RATIO


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_selected_rows_and_focus_ring_meet_wcag_aa(qapp: QApplication, theme: str) -> None:
    palette = accessible_palette(palettes()[theme])
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        colour = lambda role, group=group: palette.color(group, role)  # noqa: E731
        base, window, highlight = colour(Role.Base), colour(Role.Window), colour(Role.Highlight)
        assert contrast(colour(Role.Text), base) >= TEXT_RATIO
        assert contrast(colour(Role.WindowText), window) >= TEXT_RATIO
        assert contrast(colour(Role.PlaceholderText), base) >= TEXT_RATIO
        # the selected row, and a progress bar's text over its filled part
        assert contrast(colour(Role.HighlightedText), highlight) >= TEXT_RATIO
        assert contrast(highlight, base) >= FOCUS_RATIO  # the focus ring is drawn in it
        assert contrast(highlight, window) >= FOCUS_RATIO
    assert accessible_palette(palette) == palette  # applying it twice changes nothing


def test_open_risk_flags_are_readable_in_their_colours() -> None:
    assert contrast(FLAG_INK, FLAG_TINT) >= TEXT_RATIO
    assert contrast(QColor("#ffffff"), FLAG_INK) >= TEXT_RATIO  # the header's flag badge


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_focused_note_field_shows_a_ring(qtbot: QtBot, course_window, theme: str) -> None:
    """The window's palette is the checked one, and a multi-line field gets a visible ring."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        app.setPalette(palettes()[theme])
        apply_look(app)
        palette = app.palette()
        assert accessible_palette(palette) == palette
        workspace = course_window.workspace
        workspace.setCurrentIndex(1)  # Sessions: the draft note's fields
        qtbot.wait(200)
        page = workspace.current_page()
        fields = [f for f in page.findChildren(QPlainTextEdit) if f.isVisible()]
        fields += [f for f in page.findChildren(QTextEdit) if f.isVisible()]
        field = fields[0]
        other = fields[1]
        other.setFocus()
        qtbot.waitUntil(other.hasFocus)
        unfocused = field.grab().toImage().pixelColor(0, field.height() // 2)
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        focused = field.grab().toImage().pixelColor(0, field.height() // 2)
        ring = palette.color(Role.Highlight)
        assert focused.name() == ring.name() != unfocused.name()
        assert contrast(focused, palette.color(Role.Window)) >= FOCUS_RATIO
    finally:
        app.setPalette(before)


def _changed_contrast(before: QImage, after: QImage) -> float:
    """The strongest contrast between a pixel's unfocused and focused colour."""
    best = 1.0
    for y in range(before.height()):
        for x in range(before.width()):
            old, new = before.pixelColor(x, y), after.pixelColor(x, y)
            if old != new:
                best = max(best, contrast(new, old))
    return best


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_keyboard_focus_is_visible_on_every_kind_of_control(qtbot: QtBot, theme: str) -> None:
    """Focus reached with the keyboard changes the control's look by at least 3:1."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        app.setPalette(palettes()[theme])
        apply_look(app)
        holder = QWidget()
        qtbot.addWidget(holder)
        layout = QVBoxLayout(holder)
        tabs = QTabWidget()
        tabs.addTab(QWidget(), "One")
        tabs.addTab(QWidget(), "Two")
        combo = QComboBox()
        combo.addItems(["one", "two"])
        controls: list[QWidget] = [
            QPushButton("Sign note…"),
            QCheckBox("Deidentify"),
            QRadioButton("Session summary"),
            combo,
            QLineEdit("text"),
            QPlainTextEdit("note"),
            tabs.tabBar(),
        ]
        for control in [*controls[:-1], tabs]:
            layout.addWidget(control)
        holder.show()
        holder.activateWindow()
        qtbot.waitUntil(holder.isActiveWindow)
        for control in controls:
            elsewhere = controls[0] if control is not controls[0] else controls[1]
            elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(elsewhere.hasFocus)
            unfocused = control.grab().toImage()
            control.setFocus(Qt.FocusReason.TabFocusReason)
            holder.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)  # as Tab sets
            qtbot.waitUntil(control.hasFocus)
            focused = control.grab().toImage()
            assert _changed_contrast(unfocused, focused) >= FOCUS_RATIO, type(control).__name__
    finally:
        app.setPalette(before)
