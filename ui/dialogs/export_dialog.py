"""Export PDF dialog: report kind, session, privacy and target path; the core exports off-thread."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.deid_preview import PreviewControls
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.session import VaultSession
from ui.widgets.page import wrapped_label
from workbench.errors import NotFound, WorkbenchError
from workbench.reports.output import generated_password, write_atomically
from workbench.services import episodes
from workbench.services.export import (
    KINDS,
    Gathered,
    default_filename,
    gather,
    record_export,
    render,
)
from workbench.services.vaults import Vault

SESSION_SUMMARY, MAINTENANCE_PLAN, SUPERVISOR_REPORT = KINDS
CONTEXT = "ExportDialog"  # the English texts below are shown through tr(CONTEXT, ...)
KIND_LABELS = (
    QT_TRANSLATE_NOOP("ExportDialog", "Session summary"),
    QT_TRANSLATE_NOOP("ExportDialog", "Maintenance plan (for the patient)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Supervisor report"),
)
DEIDENTIFY_TEXT = QT_TRANSLATE_NOOP(
    "ExportDialog", "De-identify (client code, relative dates, people by role)"
)
PLAN_NOT_DEIDENTIFIED = QT_TRANSLATE_NOOP(
    "ExportDialog", "The maintenance plan is written for the patient, so it keeps their name."
)
PASSWORD_NOTE = QT_TRANSLATE_NOOP(
    "ExportDialog", "Send the password separately from the file; AES-256."
)
NO_PATH = QT_TRANSLATE_NOOP(
    "ExportDialog", "Enter the full path to save the PDF to, or use Choose…"
)
NO_PASSWORD = QT_TRANSLATE_NOOP("ExportDialog", "Enter a password for the PDF, or press Generate.")
NO_SESSIONS = QT_TRANSLATE_NOOP("ExportDialog", "No sessions recorded in this course yet.")
ERROR_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"
DONE_STYLE = "color: #1f1f1f; background: #dff6dd; border: 1px solid #107c10; padding: 6px;"
Choices = tuple[tuple[int, ...], dict[str, str]]  # session numbers held, file name per kind
Item = QWidget | QLayout | int  # an int is a stretch


def load_choices(vault: Vault, client_id: int) -> Choices:
    """Runs on the task runner: the current course's session numbers and default file names."""
    names = {kind: default_filename(vault, client_id, kind) for kind in KINDS}
    try:
        episode = episodes.current_episode(vault, client_id)
    except NotFound:
        return (), names
    return tuple(s[1] for s in episodes.sessions(vault, episode.id)), names


def default_folder() -> Path:
    """The user's Documents folder when it exists, else their home folder."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def ask_save_path(parent: QWidget, start: str) -> str:
    """The platform's save dialog (it asks before replacing a file); "" when cancelled."""
    title = translate("ExportDialog", "Save the PDF as")
    pdf_files = translate("ExportDialog", "PDF files (*.pdf)")
    return QFileDialog.getSaveFileName(parent, title, start, pdf_files)[0]


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _box(box: QBoxLayout, *items: Item) -> QBoxLayout:
    """*box* holding *items* in order: widgets, layouts, and ints as stretches."""
    for item in items:
        if isinstance(item, int):
            box.addStretch(item)
        elif isinstance(item, QLayout):
            box.addLayout(item)
        else:
            box.addWidget(item)
    return box


class ExportDialog(QDialog):
    """One client's export; `discard()` wipes and closes it (lock). Emits `exported(Path)`."""

    exported = Signal(object)

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        client: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))  # never the client's name
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(580)
        self.ask_save_path: Callable[[QWidget, str], str] = ask_save_path  # tests replace
        self.open_file: Callable[[Path], bool] = open_file  # these two
        self._session: VaultSession | None = session
        self._client_id = client_id
        self._filenames: dict[str, str] = {}
        self._sessions: tuple[int, ...] = ()
        self.saved: Path | None = None
        self._exporting = self._closed = False
        self._build_inputs(client)
        self._build_footer()
        self._kind_changed()
        self._set_busy(True, self.tr("Loading the client's sessions…"))
        session.op(
            lambda vault: load_choices(vault, client_id), self._loaded, on_error=self._failed
        )

    def _preview_choice(self) -> tuple[str, int | None]:
        return self.kind(), self.session.value() if self._sessions else None

    def _build_inputs(self, client: str) -> None:
        self.inputs = QWidget(self)
        form = QFormLayout(self.inputs)
        form.setContentsMargins(0, 0, 0, 0)
        self.client_label = QLabel(client, self.inputs)
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Client:"), self.client_label)
        labels = zip(KINDS, KIND_LABELS, strict=True)
        self.kind_buttons = {
            kind: QRadioButton(translate(CONTEXT, text), self.inputs) for kind, text in labels
        }
        self.kind_buttons[SESSION_SUMMARY].setChecked(True)  # siblings: exclusive already
        for button in self.kind_buttons.values():
            button.toggled.connect(self._kind_changed)
        form.addRow(self.tr("Report:"), _box(QVBoxLayout(), *self.kind_buttons.values()))
        self.session = QSpinBox(self.inputs)
        self.session.setAccessibleName(self.tr("Session number"))
        self.session_hint = QLabel(self.inputs)
        form.addRow(self.tr("Session:"), _box(QHBoxLayout(), self.session, self.session_hint, 1))
        self.deidentify = QCheckBox(translate(CONTEXT, DEIDENTIFY_TEXT), self.inputs)
        self.deidentify_note = wrapped_label(translate(CONTEXT, PLAN_NOT_DEIDENTIFIED), self.inputs)
        self.preview = PreviewControls(
            self._session, self._client_id, self._preview_choice, self.inputs
        )
        self.deidentify.toggled.connect(lambda _on: self._kind_changed())
        privacy = (self.deidentify, self.preview, self.deidentify_note)
        form.addRow(self.tr("Privacy:"), _box(QVBoxLayout(), *privacy))
        self.protect = QCheckBox(self.tr("Protect with a password"), self.inputs)
        self.password = QLineEdit(self.inputs)
        self.password.setAccessibleName(self.tr("PDF password"))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.password.setEnabled(False)
        self.protect.toggled.connect(self.password.setEnabled)
        self.generate_button = QPushButton(self.tr("Generate"), self.inputs)
        self.generate_button.clicked.connect(self._generate)
        note = wrapped_label(translate(CONTEXT, PASSWORD_NOTE), self.inputs)
        row = _box(QHBoxLayout(), self.password, self.generate_button)
        form.addRow(self.tr("Password:"), _box(QVBoxLayout(), self.protect, row, note))
        self.path = QLineEdit(self.inputs)
        self.path.setAccessibleName(self.tr("Save to"))
        self.choose_button = QPushButton(self.tr("Choose…"), self.inputs)
        self.choose_button.clicked.connect(self._choose)
        form.addRow(self.tr("Save to:"), _box(QHBoxLayout(), self.path, self.choose_button))

    def _build_footer(self) -> None:
        """Result, error line, busy bar and buttons below the inputs."""
        self.saved_note = wrapped_label("", self)
        self.saved_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_note.setStyleSheet(DONE_STYLE)
        self.message = wrapped_label("", self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.busy_text = wrapped_label("", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        cancel, role = QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.ButtonRole
        self.buttons = QDialogButtonBox(cancel, self)
        self.close_button = self.buttons.button(cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), role.ApplyRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button = self.buttons.addButton(self.tr("Open PDF"), role.ActionRole)
        self.open_button.clicked.connect(self._open)
        self.buttons.rejected.connect(self.reject)
        widgets = (self.inputs, self.saved_note, self.message, self.busy_text, self.progress)
        _box(QVBoxLayout(self), *widgets, 1, self.buttons).setContentsMargins(16, 16, 16, 16)
        for widget in (self.saved_note, self.message, self.open_button):
            widget.hide()

    # ----- state -----------------------------------------------------------------------------

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def _kind_changed(self, *_: object) -> None:
        kind = self.kind()
        self.session.setEnabled(kind == SESSION_SUMMARY and bool(self._sessions))
        plan = kind == MAINTENANCE_PLAN
        self.deidentify.setChecked(self.deidentify.isChecked() and not plan)
        self.deidentify.setEnabled(not plan)
        self.deidentify.setToolTip(translate(CONTEXT, PLAN_NOT_DEIDENTIFIED) if plan else "")
        self.deidentify_note.setVisible(plan)
        self.preview.button.setEnabled(self.deidentify.isChecked() and not plan)
        text = self.path.text().strip()  # a default name follows the kind; a typed one stays
        folder, name = (Path(text).parent, Path(text).name) if text else (default_folder(), "")
        if self._filenames and (not name or name in self._filenames.values()):
            self.path.setText(str(folder / self._filenames[kind]))

    def _generate(self) -> None:
        self.protect.setChecked(True)
        self.password.setText(generated_password())

    def _choose(self) -> None:
        if chosen := self.ask_save_path(self, self.path.text()):
            self.path.setText(chosen)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        """Disable the inputs and show a moving bar with *text* while the runner works."""
        self.inputs.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.busy_text.setText(text if busy else "")
        self.busy_text.setVisible(busy)
        self.progress.setVisible(busy)
        self.show_message("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _loaded(self, choices: Choices) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self._sessions, self._filenames = held, _ = choices
        self.session.setRange(min(held, default=0), max(held, default=0))
        self.session.setSpecialValueText("" if held else self.tr("none"))
        self.session.setValue(held[-1] if held else 0)
        self.session_hint.setText(
            self.tr("the latest is {0}").format(QLocale().toString(held[-1]))
            if held
            else translate(CONTEXT, NO_SESSIONS)
        )
        self._kind_changed()
        self.kind_buttons[self.kind()].setFocus()

    def _failed(self, error: WorkbenchError) -> None:
        if not self._closed:
            self._exporting = False
            self._set_busy(False)
            self.show_message(error.user_message)

    # ----- export ----------------------------------------------------------------------------

    def start_export(self) -> None:
        """Check the inputs, then hand the export to the task runner."""
        if self._session is None or self._exporting or not self.export_button.isEnabled():
            return
        target = Path(self.path.text().strip()).expanduser()  # "" gives ".", not absolute
        password = self.password.text() if self.protect.isChecked() else None
        if not target.is_absolute() or password == "":
            self.show_message(translate(CONTEXT, NO_PASSWORD if target.is_absolute() else NO_PATH))
            return
        kind = self.kind()
        client_id = self._client_id
        session = self.session.value() if kind == SESSION_SUMMARY and self._sessions else None
        deidentify = self.deidentify.isChecked() and kind != MAINTENANCE_PLAN
        how = self.preview.how()  # the terms and pseudonym chosen in the preview, if any
        self._exporting = True
        self._set_busy(True, self.tr("Writing the PDF…"))
        self._session.op(  # read on the database worker, then build on the CPU worker
            lambda vault: gather(
                vault, client_id, kind, session=session, deidentify=deidentify, how=how
            ),
            partial(self._render, target, password),
            on_error=self._failed,
        )

    def _render(self, target: Path, password: str | None, gathered: Gathered) -> None:
        if self._closed or self._session is None:
            return
        self._session.render(
            lambda: write_atomically(render(gathered, password), target),
            partial(self._written, gathered),
            self._failed,
        )

    def _written(self, gathered: Gathered, path: Path) -> None:
        if self._closed or self._session is None:
            return
        client_id = self._client_id
        self._session.op(
            lambda vault: record_export(vault, client_id, gathered),
            lambda _none: self._exported(path),
            on_error=self._failed,
        )

    def _exported(self, path: Path) -> None:
        """Show where the PDF went (and its password) with Open PDF and Close."""
        if self._closed:
            return
        self._exporting = False
        self._set_busy(False)
        self.inputs.setEnabled(False)  # left in view: what was exported, and how
        self.saved = path
        password = self.password.text() if self.protect.isChecked() else ""
        saved = self.tr("The PDF was saved as:\n{0}").format(path)
        if password:
            note = translate(CONTEXT, PASSWORD_NOTE)
            saved += "\n\n" + self.tr("Password: {0}").format(password) + "\n" + note
        self.saved_note.setText(saved)
        self.export_button.hide()
        self.saved_note.show()
        self.open_button.show()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        self.exported.emit(path)

    def _open(self) -> None:
        if self.saved is not None and not self.open_file(self.saved):
            self.show_message(self.tr("No program could open the PDF; open it from its folder."))

    def done(self, result: int) -> None:
        if not self._exporting:  # closing while the file is written would hide the result
            self._closed = True  # late answers from the task runner are ignored from now on
            super().done(result)

    def discard(self) -> None:
        """Wipe every field that held client data and close (the vault is locking)."""
        self._closed, self._exporting = True, False
        self._session, self.saved, self._filenames = None, None, {}
        self.password.setText("")  # setText drops the undo history too
        self.path.setText("")
        for label in (self.client_label, self.saved_note, self.session_hint):
            label.clear()
        self.done(QDialog.DialogCode.Rejected.value)
