"""First run: no vault yet, so offer the demo vault (invented clients) or a new vault."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ui.widgets.page import CardPage

INTRO = (
    "No vault was found on this computer. Explore the app with the demo vault, which holds "
    "invented clients only, or create your own encrypted vault for real clients."
)


class FirstRunPage(CardPage):
    """Emits `demo_requested()` or `create_requested()`."""

    demo_requested = Signal()
    create_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Welcome to IPT Workbench", INTRO, parent)
        self.demo_button = QPushButton("Open the demo vault (invented clients)", self.card)
        self.demo_button.clicked.connect(self.demo_requested)
        self.create_button = QPushButton("Create a new vault", self.card)
        self.create_button.clicked.connect(self.create_requested)
        self.body.addWidget(self.demo_button)
        self.body.addWidget(self.create_button)
        self.finish_layout()
