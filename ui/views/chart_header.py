"""The line above the workspace that names whose chart is open: name, code, course, phase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.announce import announce
from workbench.services.chart_header import ChartHeader


class ChartHeaderBar(QFrame):
    """Name in large type, then code, age band, course, phase, session and focus; open risk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[int, int] | None = None  # (client, open flags) last shown
        self.setObjectName("chartHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel(self)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.risk = QLabel(self)
        self.risk.setObjectName("chartHeaderRisk")
        self.risk.setTextFormat(Qt.TextFormat.PlainText)
        self.risk.setStyleSheet(
            "#chartHeaderRisk { background: #8b0000; color: #ffffff; padding: 2px 8px;"
            " font-weight: bold; border-radius: 3px; }"
        )
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name)
        text.addWidget(self.details)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addLayout(text, 1)
        row.addWidget(self.risk, 0, Qt.AlignmentFlag.AlignTop)
        self.clear()

    def show_header(self, header: ChartHeader) -> None:
        self.name.setText(header.name)
        parts = [header.code]
        if header.age_band:
            parts.append(self.tr("age {0}").format(header.age_band))
        parts += [header.episode, header.phase, header.session]
        if header.focus:
            parts.append(self.tr("focus: {0}").format(header.focus))
        self.details.setText(" · ".join(parts))
        if header.open_flags:
            self.risk.setText(self.tr("Open risk flags: %n", "", header.open_flags))
        self.risk.setVisible(bool(header.open_flags))
        before = self._shown
        self._shown = (header.client_id, header.open_flags)
        if before is not None and before[0] == header.client_id and header.open_flags > before[1]:
            announce(self.risk, self.tr("New risk flag. {0}").format(self.risk.text()), urgent=True)
        self.setAccessibleName(self.tr("Open chart: {0}").format(header.name))
        self.show()

    def clear(self) -> None:
        self.name.clear()
        self.details.clear()
        self.risk.clear()
        self.risk.hide()
        self._shown = None
        self.setAccessibleName(self.tr("Open chart"))
        self.hide()
