"""A centred, narrow page with a title, body text and a message line (unlock, create, first run)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

CARD_WIDTH = 520


def wrapped_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class CardPage(QWidget):
    """Base for the pages shown while the vault is locked: content sits in a centred column."""

    def __init__(self, title: str, intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = QFrame(self)
        self.card.setObjectName("card")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setFixedWidth(CARD_WIDTH)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(28, 24, 28, 24)
        self.body.setSpacing(12)

        self.title = QLabel(title, self.card)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(title)
        self.body.addWidget(self.title)
        if intro:
            self.body.addWidget(wrapped_label(intro, self.card))

        self.message = wrapped_label("", self.card)
        self.message.setObjectName("message")
        self.message.setStyleSheet(
            "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"
        )
        self.message.hide()

        self.busy_text = wrapped_label("", self.card)
        self.busy_text.hide()
        self.progress = QProgressBar(self.card)
        self.progress.setRange(0, 0)  # indeterminate: key derivation reports no progress
        self.progress.setTextVisible(False)
        self.progress.hide()

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def finish_layout(self) -> None:
        """Put the message line and the busy bar at the end of the card."""
        self.body.addWidget(self.message)
        self.body.addWidget(self.busy_text)
        self.body.addWidget(self.progress)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show or hide the moving bar, with *text* saying what is being done."""
        self.progress.setVisible(busy)
        self.busy_text.setText(text if busy else "")
        self.busy_text.setVisible(busy and bool(text))
        if busy:
            self.show_message("")


class BusyPage(CardPage):
    """A page that only says what is happening, with a moving bar."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent=parent)
        self.finish_layout()
        self.set_busy(True, text)
