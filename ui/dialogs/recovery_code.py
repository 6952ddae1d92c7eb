"""Shows the new vault's recovery code once and waits for "I have written it down"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.widgets.page import CardPage, wrapped_label

WARNING = (
    "This code is shown only once. It opens the vault if you forget your passphrase. "
    "Write it on paper and keep it somewhere safe, away from this computer. "
    "If you lose both the passphrase and this code, the caseload is lost: nobody can recover it."
)


class RecoveryCodePage(CardPage):
    """Emits `confirmed()` once the clinician ticks the box and continues."""

    confirmed = Signal()

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__("Write down your recovery code", parent=parent)
        warning = wrapped_label(WARNING, self.card)
        warning.setObjectName("recoveryWarning")
        warning.setStyleSheet("font-weight: bold;")
        self.body.addWidget(warning)

        self.code = QLabel(code, self.card)
        self.code.setObjectName("recoveryCode")
        self.code.setWordWrap(True)
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.code.setFont(font)
        self.code.setStyleSheet("padding: 10px; border: 1px solid palette(mid);")
        self.body.addWidget(self.code)

        self.written = QCheckBox("I have written it down", self.card)
        self.continue_button = QPushButton("Continue", self.card)
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._continue)
        row = QHBoxLayout()
        row.addWidget(self.written)
        row.addStretch(1)
        row.addWidget(self.continue_button)
        self.body.addLayout(row)
        self.finish_layout()

    def _continue(self) -> None:
        if self.written.isChecked():
            self.code.clear()
            self.confirmed.emit()
