"""Pasting into a note field: plain text only, a size limit with a message, never a freeze."""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.workspace_driver import idle
from ui.views.main_window import MainWindow
from ui.widgets.note_field import NOTE_LIMIT, NoteField
from ui.workspace.sessions_page import SessionsPage

BIG = 3 * 1024 * 1024  # characters: the few megabytes that used to hang the window


def markdown(size: int) -> QMimeData:
    """What a Markdown-aware app puts on the clipboard: Markdown first, plain text after."""
    line = "**Bold** and _stressed_ words, a [link](https://example.org) and `code`.\n"
    text = (line * (size // len(line) + 1))[:size]
    mime = QMimeData()
    mime.setData("text/markdown", text.encode())
    mime.setText(text)
    return mime


def paste(qtbot: QtBot, field: NoteField, mime: QMimeData) -> float:
    """Put *mime* on the clipboard and press Ctrl+V in *field*; the seconds it took."""
    QApplication.clipboard().setMimeData(mime)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    start = time.perf_counter()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return time.perf_counter() - start


def test_a_huge_paste_is_refused_at_once_with_a_message(
    qtbot: QtBot, course_window: MainWindow
) -> None:
    window = course_window
    workspace = window.workspace
    assert workspace is not None
    index, page = workspace.page_of(SessionsPage)
    workspace.setCurrentIndex(index)
    page.table.selectRow(page.model.rowCount() - 1)  # the draft note of session 4
    qtbot.waitUntil(page.editor.isEnabled, timeout=10_000)
    field = page.editor.fields["check_in"]
    assert isinstance(field, NoteField)
    field.clear()
    refused: list[str] = []
    field.refused.connect(refused.append)

    allowed = NOTE_LIMIT - 1_000
    small = paste(qtbot, field, markdown(allowed))
    assert field.toPlainText().startswith("**Bold** and _stressed_")  # the characters, as typed
    assert len(field.toPlainText()) == allowed and not refused
    big = paste(qtbot, field, markdown(BIG))
    print(
        f"paste of {allowed:,} characters {small * 1e3:.1f} ms; {BIG:,} refused {big * 1e3:.1f} ms"
    )
    assert len(field.toPlainText()) == allowed  # nothing half-pasted
    assert big < 25 * small  # the same order as a paste that fits (Markdown parsing: 1000×)
    assert refused and "at most" in refused[0]
    assert f"{NOTE_LIMIT:,}".replace(",", "") in refused[0].replace(",", "").replace("\u00a0", "")
    assert window.statusBar().currentMessage() == refused[0]
    idle(qtbot, window)


def test_typing_stops_at_the_limit_with_a_message(qtbot: QtBot) -> None:
    field = NoteField(limit=10)
    qtbot.addWidget(field)
    field.show()
    refused: list[str] = []
    field.refused.connect(refused.append)
    qtbot.keyClicks(field, "abcdefghijkl")
    assert field.toPlainText() == "abcdefghij"
    assert refused and "at most 10" in refused[-1]
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # editing keys still work when full
    assert field.toPlainText() == "abcdefghi"
    field.selectAll()
    qtbot.keyClicks(field, "x")  # typing over a selection replaces it
    assert field.toPlainText() == "x"
