"""The clinician-only banner for open risk flags: the flag and the offline notice, never advice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from workbench.domain.risk import OFFLINE_NOTICE

# The core's OFFLINE_NOTICE, marked here so translators get it (a test keeps the two equal).
NOTICE = QT_TRANSLATE_NOOP(
    "RiskBanner",
    "Flags are seen only by you: nobody else monitors this app. Local emergency procedures apply.",
)

# Amber, like a caution sign; never green (a closed or absent flag is not "safe").
BANNER_STYLE = (
    "#riskBanner { background: #fff4ce; border: 1px solid #8a6d00; border-radius: 3px; }"
    " #riskBanner QLabel { color: #1f1f1f; }"
)


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RiskBanner(QFrame):
    """Shows flag lines ("... — clinician review required") and what the app cannot do."""

    def __init__(self, parent: QWidget | None = None, *, always_show_notice: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("riskBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName(self.tr("Risk flags"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = _label(self.tr("Open risk flags (seen only by you)"), self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.lines = _label("", self)
        self.hint = _label("", self)
        self.notice = _label(translate("RiskBanner", OFFLINE_NOTICE), self)
        for widget in (self.title, self.lines, self.hint, self.notice):
            layout.addWidget(widget)
        self._always = always_show_notice
        self.set_flags(())

    def set_flags(self, lines: Sequence[str], hint: str = "") -> None:
        """*lines*: one sentence per open flag; *hint*: where to act (e.g. the Risk page)."""
        self.lines.setText("\n".join(lines))
        self.hint.setText(hint)
        shown = bool(lines)
        self.title.setVisible(shown)
        self.lines.setVisible(shown)
        self.hint.setVisible(shown and bool(hint))
        self.setVisible(shown or self._always)

    def clear(self) -> None:
        self.set_flags(())
