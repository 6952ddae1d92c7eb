"""The preview before a de-identified export: the printed text with each replacement marked, a
list of the replacements beside it, and a field to add a term to remove."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.session import VaultSession
from ui.widgets.page import wrapped_label
from workbench.errors import WorkbenchError
from workbench.services import deidentify
from workbench.services.deidentify import Preview
from workbench.services.report_parts import Deidentify

MARK_BACKGROUND = QColor("#fff1a8")  # dark text on pale yellow: contrast well above 4.5:1
ReportChoice = Callable[[], tuple[str, int | None]]  # (report kind, session number or None)


class DeidPreviewDialog(QDialog):
    """Shows `deidentify.preview` for one report; `terms` and `pseudonym` are what to export."""

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        kind: str,
        session_number: int | None,
        *,
        terms: tuple[str, ...] = (),
        pseudonym: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("De-identification preview"))  # never the client's name
        self.resize(860, 560)
        self._session: VaultSession | None = session
        self._client_id, self._kind, self._number = client_id, kind, session_number
        self.terms, self.pseudonym = terms, pseudonym
        self.preview: Preview | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.summary = wrapped_label("", self)
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The text as the PDF will print it"))
        self.replacements = QListWidget(self)
        self.replacements.setAccessibleName(self.tr("Replacements"))
        self.replacements.setWordWrap(True)
        side = QWidget(self)
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("&Replacements:"), side)
        heading.setBuddy(self.replacements)
        side_box.addWidget(heading)
        side_box.addWidget(self.replacements)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.text)
        split.addWidget(side)
        split.setSizes([560, 300])
        self.term = QLineEdit(self)
        self.term.setAccessibleName(self.tr("Term to remove"))
        self.term.setPlaceholderText(self.tr("a street, a nickname, a club…"))
        self.term.returnPressed.connect(self.add_term)
        self.add_button = QPushButton(self.tr("&Add and preview again"), self)
        self.add_button.clicked.connect(self.add_term)
        label = QLabel(self.tr("&Term to remove:"), self)
        label.setBuddy(self.term)
        add_row = QHBoxLayout()
        for widget in (label, self.term, self.add_button):
            add_row.addWidget(widget)
        self.message = wrapped_label("", self)
        self.message.setStyleSheet("color: #a4262c;")
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok | cancel, self)
        self.use_button = self.buttons.button(ok)
        self.use_button.setText(self.tr("&Use for the export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        notice = self.tr(
            "Pseudonymised, not anonymised: names, places, dates and numbers known to the "
            "record or found by pattern are replaced, but a reader who knows the client may "
            "still recognise them. Read the preview before you send the file."
        )
        box.addWidget(wrapped_label(notice, self))
        box.addWidget(self.summary)
        box.addWidget(split, 1)
        box.addLayout(add_row)
        box.addWidget(self.message)
        box.addWidget(self.buttons)

    def refresh(self) -> None:
        """Run the preview again with the current terms and pseudonym (database worker)."""
        if self._session is None:
            return
        client_id, kind, number = self._client_id, self._kind, self._number
        terms, label = self.terms, self.pseudonym
        self._set_busy(True)
        self._session.op(
            lambda vault: deidentify.preview(
                vault, client_id, kind, session=number, extra_terms=terms, pseudonym_label=label
            ),
            self._show,
            on_error=self._failed,
            origin=self,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.term, self.add_button, self.use_button):
            widget.setEnabled(not busy)
        if busy:
            self.summary.setText(self.tr("Preparing the preview…"))

    def _failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        self.summary.setText("")
        self.message.setText(error.user_message)

    def _show(self, preview: Preview) -> None:
        self._set_busy(False)
        self.message.setText("")
        self.preview, self.pseudonym, self.terms = preview, preview.pseudonym, preview.extra_terms
        self.summary.setText(
            self.tr("The client appears as {0}. {1} replacements; rules: {2}.").format(
                preview.pseudonym, preview.replacements, ", ".join(preview.rules)
            )
        )
        self.text.clear()
        self.replacements.clear()
        cursor = QTextCursor(self.text.document())
        plain = QTextCharFormat()
        for index, marked in enumerate(preview.texts):
            if index:
                cursor.insertText("\n\n", plain)
            done = 0
            for mark in marked.marks:
                cursor.insertText(marked.text[done : mark.start], plain)
                cursor.insertText(
                    marked.text[mark.start : mark.end], self._mark_format(mark.kind, mark.rule)
                )
                done = mark.end
                self.replacements.addItem(
                    self.tr("{0} — {1} ({2})").format(mark.replacement, mark.kind, mark.rule)
                )
            cursor.insertText(marked.text[done:], plain)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        if not self.replacements.count():
            self.replacements.addItem(self.tr("No replacements"))

    def _mark_format(self, kind: str, rule: str) -> QTextCharFormat:
        marked = QTextCharFormat()
        marked.setBackground(MARK_BACKGROUND)
        marked.setForeground(QColor("#1f1f1f"))
        marked.setFontWeight(700)
        marked.setToolTip(self.tr("{0}: {1}").format(kind, rule))
        return marked

    def add_term(self) -> None:
        """Add the typed term and preview again; a refused term is explained."""
        text = self.term.text()
        if self.preview is None or not text.strip():
            return
        try:
            self.terms = deidentify.add_term(self.preview, text)
        except WorkbenchError as error:
            self.message.setText(error.user_message)
            return
        self.term.clear()
        self.refresh()

    def how(self) -> Deidentify:
        return Deidentify(pseudonym=self.pseudonym, extra_terms=self.terms)

    def done(self, result: int) -> None:
        if self._session is not None:
            self._session.release(self)
            self._session = None
        super().done(result)


class PreviewControls(QWidget):
    """The export dialog's Preview… button and note; `how()` is the de-identification to use."""

    def __init__(
        self, session: VaultSession | None, client_id: int, choice: ReportChoice, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._session, self._client_id, self._choice = session, client_id, choice
        self.terms: tuple[str, ...] = ()
        self.pseudonym = ""
        self.dialog: DeidPreviewDialog | None = None
        self.button = QPushButton(self.tr("&Preview…"), self)
        self.button.setToolTip(self.tr("See the text as it will appear and add terms to remove"))
        self.button.clicked.connect(self.open_preview)
        self.note = wrapped_label(self.tr("Pseudonymised, not anonymised."), self)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.button)
        box.addWidget(self.note, 1)

    def open_preview(self) -> None:
        if self._session is None or not self._session.is_open:
            return
        kind, number = self._choice()
        dialog = DeidPreviewDialog(
            self._session,
            self._client_id,
            kind,
            number,
            terms=self.terms,
            pseudonym=self.pseudonym,
            parent=self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._use(dialog))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _use(self, dialog: DeidPreviewDialog) -> None:
        self.terms, self.pseudonym = dialog.terms, dialog.pseudonym

    def how(self) -> Deidentify:
        """The terms and pseudonym chosen in the preview (none chosen: the defaults)."""
        return Deidentify(pseudonym=self.pseudonym, extra_terms=self.terms)
