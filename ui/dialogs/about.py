"""Help > About: the version, what the app is for, and the licences of what it ships."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench import __version__
from workbench.measures import PHQ_ATTRIBUTION


def about_text() -> str:
    """Plain text: version, purpose, and the licences and attributions the app must show."""
    parts = [
        QCoreApplication.translate("AboutDialog", "IPT Workbench {0}").format(__version__),
        QCoreApplication.translate(
            "AboutDialog",
            "A workbench for clinicians practising Interpersonal Psychotherapy. The caseload "
            "stays on this computer in an encrypted vault. The app supports your judgement; "
            "it never decides.",
        ),
        QCoreApplication.translate("AboutDialog", "PHQ-9 and GAD-7: {0}").format(PHQ_ATTRIBUTION),
        QCoreApplication.translate(
            "AboutDialog",
            "Fonts: DejaVu Sans 2.37 (Bitstream Vera licence; DejaVu changes in the public "
            "domain), embedded in exported PDFs.",
        ),
        QCoreApplication.translate(
            "AboutDialog",
            "Built with Qt and PySide6 {0} (LGPL v3), SQLCipher (BSD-style licence), "
            "cryptography (Apache 2.0 / BSD) and reportlab (BSD). Python {1}.",
        ).format(pyside_version, platform.python_version()),
    ]
    return "\n\n".join(parts)


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box, not yet shown (the caller opens it window-modal)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("AboutDialog", "About IPT Workbench"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(QCoreApplication.translate("AboutDialog", "About IPT Workbench"))
    return box
