"""A multi-line field for clinical text: plain text only, and at most NOTE_LIMIT characters.

Pasting rich text into a Qt text field converts it first (Markdown or HTML to a document), which
froze the window for minutes with a few megabytes on the clipboard. This field takes only the
plain text of a paste or drop, and refuses one that would make it longer than the limit, saying
so, instead of cutting the text silently.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QMimeData, QPoint, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QToolTip, QWidget

from ui.widgets.announce import announce

NOTE_LIMIT = 20_000  # characters per field: about eight pages; a session note section is far less
MESSAGE_MS = 15_000


def plain_text_of(source: QMimeData) -> str:
    """The text in *source* as typed characters: plain text, else Markdown or HTML source as is."""
    if source.hasText():
        return source.text()
    for kind in ("text/markdown", "text/html"):
        if source.hasFormat(kind):
            return bytes(source.data(kind).data()).decode("utf-8", "replace")
    return ""


class NoteField(QPlainTextEdit):
    """Tab leaves it; pastes and drops arrive as plain text; it never grows past NOTE_LIMIT."""

    refused = Signal(str)  # the message shown when a paste or typing would pass the limit

    def __init__(self, parent: QWidget | None = None, limit: int = NOTE_LIMIT) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setTabChangesFocus(True)

    def length(self) -> int:
        return self.document().characterCount() - 1  # the document counts a closing separator

    def _room(self) -> int:
        cursor = self.textCursor()
        return self.limit - self.length() + abs(cursor.position() - cursor.anchor())

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(plain_text_of(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = plain_text_of(source)
        if len(text) > self._room():
            self._refuse(
                self.tr(
                    "Nothing was pasted: that text has {0} characters and this field holds at "
                    "most {1}. Paste a shorter part, or keep long documents outside the record."
                ).format(QLocale().toString(len(text)), QLocale().toString(self.limit))
            )
            return
        self.textCursor().insertText(text)
        self.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typing = bool(event.text()) and event.text().isprintable()
        if typing and not event.matches(QKeySequence.StandardKey.Paste) and self._room() < 1:
            self._refuse(
                self.tr("This field is full: it holds at most {0} characters.").format(
                    QLocale().toString(self.limit)
                )
            )
            return
        super().keyPressEvent(event)

    def _refuse(self, text: str) -> None:
        self.refused.emit(text)
        QToolTip.showText(self.mapToGlobal(QPoint(0, 0)), text, self, self.rect(), MESSAGE_MS)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, MESSAGE_MS)  # read out like every message
        else:
            announce(self, text, urgent=True)
