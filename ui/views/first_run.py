"""First run: no vault yet, so offer the demo vault (invented clients), a new vault, or practice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.practice.launch import open_practice
from ui.widgets.page import CardPage, wrapped_label

INTRO = QT_TRANSLATE_NOOP(
    "FirstRunPage",
    "No vault was found on this computer. Explore the app with the demo vault, which holds "
    "invented clients only, or create your own encrypted vault for real clients.",
)


class FirstRunPage(CardPage):
    """Emits `demo_requested()`, `create_requested()` or `restore_requested()`; Practice opens
    its own window."""

    demo_requested = Signal()
    create_requested = Signal()
    restore_requested = Signal()
    practice_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("FirstRunPage", "Welcome to IPT Workbench"),
            translate("FirstRunPage", INTRO),
            parent,
        )
        self.demo_button = QPushButton(self.tr("Open the demo vault (invented clients)"), self.card)
        self.demo_button.setAccessibleName(self.tr("Open the demo vault (invented clients)"))
        self.demo_button.clicked.connect(self.demo_requested)
        self.create_button = QPushButton(self.tr("Create a new vault"), self.card)
        self.create_button.setAccessibleName(self.tr("Create a new vault"))
        self.create_button.clicked.connect(self.create_requested)
        self.restore_button = QPushButton(self.tr("Restore a vault from a backup file"), self.card)
        self.restore_button.setAccessibleName(self.tr("Restore a vault from a backup file"))
        self.restore_button.setToolTip(
            self.tr("For a new computer: bring back a caseload from its .iptbackup file.")
        )
        self.restore_button.clicked.connect(self.restore_requested)
        self.practice_note = wrapped_label(
            self.tr(
                "Training? Practise IPT formulation on fictional cases, with feedback. "
                "Practice needs no vault and never touches one."
            ),
            self.card,
        )
        self.practice_button = QPushButton(
            self.tr("Practise formulation (trainees, fictional cases)"), self.card
        )
        self.practice_button.setAccessibleName(
            self.tr("Practise formulation (trainees, fictional cases)")
        )
        self.practice_button.clicked.connect(self.open_practice)
        self.body.addWidget(self.demo_button)
        self.body.addWidget(self.create_button)
        self.body.addWidget(self.restore_button)
        self.body.addSpacing(8)
        self.body.addWidget(self.practice_note)
        self.body.addWidget(self.practice_button)
        self.finish_layout()

    def open_practice(self) -> None:
        """Open the Practice window beside this page (no vault is created or unlocked)."""
        self.practice_requested.emit()
        open_practice()
