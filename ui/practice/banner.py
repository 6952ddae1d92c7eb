"""The 'PRACTICE — fictional case' banner shown at the top of every practice screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

# A fixed ink-on-amber pair: readable in light and dark palettes alike, and unlike any
# clinical screen, so practice can never be mistaken for a real client's record.
BANNER_STYLE = (
    "QLabel { color: #1f1f1f; background: #f2c14e; border: 1px solid #b07d12;"
    " border-radius: 3px; padding: 6px 10px; }"
)


class PracticeBanner(QLabel):
    """A bold strip: practice only, a fictional case, nothing here is a clinical record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBanner")
        self.setText(
            self.tr("PRACTICE — fictional case · nothing here is saved in a clinical vault")
        )
        self.setAccessibleName(self.tr("PRACTICE — fictional case"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        font = QFont(self.font())
        font.setBold(True)
        self.setFont(font)
        self.setStyleSheet(BANNER_STYLE)
