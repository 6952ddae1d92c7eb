"""Shows the new vault's recovery code once, offers print and save, then checks it was noted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.widgets.page import CardPage, wrapped_label
from workbench.errors import WorkbenchError
from workbench.services.vault_access import (
    RECOVERY_FILE_NAME,
    recovery_tail_matches,
    save_private_text,
)

CONTEXT = "RecoveryCodePage"
TITLE = QT_TRANSLATE_NOOP("RecoveryCodePage", "Write down your recovery code")
WARNING = QT_TRANSLATE_NOOP(
    "RecoveryCodePage",
    "This code is shown only once. It opens the vault if you forget your passphrase. "
    "Write it on paper and keep it somewhere safe, away from this computer. "
    "If you lose both the passphrase and this code, the caseload is lost: nobody can recover it.",
)
INSTRUCTION = QT_TRANSLATE_NOOP(
    "RecoveryCodePage",
    "This recovery code unlocks your IPT Workbench vault if you forget the passphrase; "
    "keep it safe and away from the computer.",
)
CONFIRM_GROUPS = 2  # the texts below say "two"
WRONG_TAIL = QT_TRANSLATE_NOOP(
    "RecoveryCodePage",
    "That is not how the code ends. Check what you wrote down, or go back to see the code again.",
)


class RecoveryCodePage(CardPage):
    """Emits `confirmed()` once the clinician has retyped the end of the code correctly."""

    confirmed = Signal()

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(translate(CONTEXT, TITLE), parent=parent)
        self._code = code
        self.shown_part = QWidget(self.card)
        self._build_code_part(code)
        self.check_part = QWidget(self.card)
        self._build_check_part()
        self.body.addWidget(self.shown_part)
        self.body.addWidget(self.check_part)
        self.check_part.hide()
        self.finish_layout()

    def _build_code_part(self, code: str) -> None:
        layout = QVBoxLayout(self.shown_part)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        warning = wrapped_label(translate(CONTEXT, WARNING), self.shown_part)
        warning.setObjectName("recoveryWarning")
        warning.setStyleSheet("font-weight: bold;")
        layout.addWidget(warning)

        self.code = QLabel(code, self.shown_part)
        self.code.setObjectName("recoveryCode")
        self.code.setAccessibleDescription(self.tr("Recovery code"))
        self.code.setWordWrap(True)
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.code.setFont(font)
        self.code.setStyleSheet("padding: 10px; border: 1px solid palette(mid);")
        layout.addWidget(self.code)

        self.print_button = QPushButton(self.tr("&Print…"), self.shown_part)
        self.print_button.setAccessibleName(self.tr("Print the recovery code"))
        self.print_button.clicked.connect(self.print_code)
        self.save_button = QPushButton(self.tr("&Save to file…"), self.shown_part)
        self.save_button.setAccessibleName(self.tr("Save the recovery code to a file"))
        self.save_button.setToolTip(
            self.tr("Save it to a USB stick you keep safe, not to this computer.")
        )
        self.save_button.clicked.connect(self.save_code)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.notice = wrapped_label("", self.shown_part)
        self.notice.setObjectName("recoveryNotice")
        self.notice.hide()
        layout.addWidget(self.notice)

        self.written = QCheckBox(self.tr("I have &written it down"), self.shown_part)
        self.written.setAccessibleName(self.tr("I have written it down"))
        self.continue_button = QPushButton(self.tr("Continue"), self.shown_part)
        self.continue_button.setAccessibleName(self.tr("Continue to the check"))
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._ask_for_tail)
        row = QHBoxLayout()
        row.addWidget(self.written)
        row.addStretch(1)
        row.addWidget(self.continue_button)
        layout.addLayout(row)

    def _build_check_part(self) -> None:
        layout = QVBoxLayout(self.check_part)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        ask = wrapped_label(
            self.tr(
                "To check that you have it, type the last two groups of your recovery code "
                "from what you wrote down (for example XXXX-XXXX)."
            ),
            self.check_part,
        )
        layout.addWidget(ask)
        self.tail = QLineEdit(self.check_part)
        self.tail.setPlaceholderText(self.tr("Last two groups"))
        self.tail.setAccessibleName(self.tr("Last groups of the recovery code"))
        self.tail.returnPressed.connect(self.check_tail)
        layout.addWidget(self.tail)
        self.back_button = QPushButton(self.tr("&Back to the code"), self.check_part)
        self.back_button.setAccessibleName(self.tr("Back to the recovery code"))
        self.back_button.clicked.connect(self._show_code_again)
        self.finish_button = QPushButton(self.tr("Continue"), self.check_part)
        self.finish_button.setAccessibleName(self.tr("Check and continue to the caseload"))
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self.check_tail)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.finish_button)
        layout.addLayout(row)

    # ----- the two steps ---------------------------------------------------------------------

    def _ask_for_tail(self) -> None:
        if not self.written.isChecked():
            return
        self.show_message("")
        self.shown_part.hide()
        self.check_part.show()
        self._set_title(self.tr("Check your recovery code"))
        self.tail.clear()
        self.tail.setFocus()

    def _show_code_again(self) -> None:
        self.show_message("")
        self.tail.clear()
        self.check_part.hide()
        self.shown_part.show()
        self._set_title(translate(CONTEXT, TITLE))
        self.written.setFocus()

    def _set_title(self, text: str) -> None:
        self.title.setText(text)
        self.title.setAccessibleName(text)

    def check_tail(self) -> None:
        """Continue only when the typed groups end the code; then forget the code."""
        typed = self.tail.text()
        if not recovery_tail_matches(self._code, typed, CONFIRM_GROUPS):
            self.show_message(translate(CONTEXT, WRONG_TAIL))
            self.tail.selectAll()
            self.tail.setFocus()
            return
        self.forget_code()
        self.confirmed.emit()

    def forget_code(self) -> None:
        """Clear the code from every widget and from this page."""
        self._code = ""
        self.code.clear()
        self.tail.clear()

    # ----- print and save --------------------------------------------------------------------

    def _document_text(self) -> str:
        return "{}\n\n{}\n\n{}\n".format(
            self.tr("IPT Workbench recovery code"), self._code, translate(CONTEXT, INSTRUCTION)
        )

    def print_code(self) -> None:
        """Print on paper (the print dialog may also offer a PDF; the notice says to delete it)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(14)
        document.setDefaultFont(font)
        document.setPlainText(self._document_text())
        document.print_(printer)
        self._show_notice(
            self.tr(
                "Sent to the printer. Keep the paper somewhere safe, away from this computer; "
                "if you printed to a file, move it off this computer."
            )
        )

    def save_code(self) -> None:
        """Save the code as a private text file, then say where it must not stay."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder or Path.home()) / RECOVERY_FILE_NAME)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery code"), start, self.tr("Text files (*.txt)")
        )
        if not path:
            return
        try:
            save_private_text(Path(path), self._document_text())
        except WorkbenchError as error:
            self.show_message(error.user_message)
            return
        self.show_message("")
        self._show_notice(
            self.tr(
                "Saved as {0}. Do not keep that file on this computer: anyone who finds it can "
                "open the vault. Copy it to a USB stick you keep safe, or print it, then delete "
                "it here."
            ).format(Path(path).name)
        )

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
