"""Widgets of the Sessions page: the structured note editor, addenda, and process notes apart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.models.workspace_models import local_date
from ui.widgets.note_field import NoteField
from workbench.domain.notes import SESSION_SECTIONS, Note
from workbench.protocol import Technique
from workbench.services.workspace_reads import ProcessNote

TECHNIQUES = "techniques"
TECHNIQUE_COLUMNS = 2
# The core's SESSION_SECTIONS titles, marked so translators get them; shown via `translate`.
SECTION_CONTEXT = "NoteEditor"
SECTION_TITLES = (
    QT_TRANSLATE_NOOP("NoteEditor", "Check-in and symptoms"),
    QT_TRANSLATE_NOOP("NoteEditor", "Mood and event link"),
    QT_TRANSLATE_NOOP("NoteEditor", "Problem-area work"),
    QT_TRANSLATE_NOOP("NoteEditor", "Techniques used"),
    QT_TRANSLATE_NOOP("NoteEditor", "Interpersonal incidents and communication analysis"),
    QT_TRANSLATE_NOOP("NoteEditor", "Decision analysis"),
    QT_TRANSLATE_NOOP("NoteEditor", "Role play"),
    QT_TRANSLATE_NOOP("NoteEditor", "Between-session plan"),
    QT_TRANSLATE_NOOP("NoteEditor", "Plan for next session"),
    QT_TRANSLATE_NOOP("NoteEditor", "Question for supervision"),
)


def text_box(parent: QWidget, name: str, lines: int = 4, *, grow: bool = False) -> QPlainTextEdit:
    """A plain-text field that leaves Tab to focus navigation, *lines* lines high.

    With *grow* it takes the room its layout gives it (at least *lines* lines).
    """
    box = NoteField(parent)
    box.setAccessibleName(name)
    height = box.fontMetrics().lineSpacing() * lines + 14
    if grow:
        box.setMinimumHeight(height)
    else:
        box.setFixedHeight(height)
    return box


def bold_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class NoteEditor(QWidget):
    """One field per section of the IPT session pattern; techniques as checkboxes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QPlainTextEdit] = {}
        self.technique_boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        self.locked = bold_label(self.tr("Signed note: read only."), self)
        self.locked.hide()
        layout.addWidget(self.locked)
        for key, core_title in SESSION_SECTIONS:
            title = translate(SECTION_CONTEXT, core_title)
            label = bold_label(title, self)
            layout.addWidget(label)
            if key == TECHNIQUES:
                self.technique_area = QWidget(self)
                self.technique_grid = QGridLayout(self.technique_area)
                self.technique_grid.setContentsMargins(0, 0, 0, 0)
                self.technique_area.setAccessibleName(title)
                layout.addWidget(self.technique_area)
                continue
            box = text_box(self, title, lines=4)
            label.setBuddy(box)
            box.textChanged.connect(self.edited)
            self.fields[key] = box
            layout.addWidget(box)

    def set_techniques(self, catalogue: Sequence[Technique]) -> None:
        """Checkboxes for the techniques the episode's manual names."""
        for box in self.technique_boxes.values():
            self.technique_grid.removeWidget(box)
            box.setParent(None)  # gone from the page now, not at the next event loop
            box.deleteLater()
        self.technique_boxes = {}
        for n, technique in enumerate(catalogue):
            box = QCheckBox(technique.label, self.technique_area)  # protocol text: not translated
            box.setToolTip(technique.description)
            box.toggled.connect(self.edited)
            self.technique_boxes[technique.id] = box
            self.technique_grid.addWidget(box, n // TECHNIQUE_COLUMNS, n % TECHNIQUE_COLUMNS)

    def set_body(self, body: dict[str, Any]) -> None:
        """Show *body* without reporting an edit."""
        for key, box in self.fields.items():
            box.blockSignals(True)
            box.setPlainText(str(body.get(key, "") or ""))
            box.blockSignals(False)
        chosen = set(body.get(TECHNIQUES, []) or [])
        for technique_id, check in self.technique_boxes.items():
            check.blockSignals(True)
            check.setChecked(technique_id in chosen)
            check.blockSignals(False)

    def body(self) -> dict[str, Any]:
        """The draft as the clinician left it (text exactly as typed)."""
        body: dict[str, Any] = {key: box.toPlainText() for key, box in self.fields.items()}
        body[TECHNIQUES] = [t for t, check in self.technique_boxes.items() if check.isChecked()]
        return body

    def set_read_only(self, read_only: bool) -> None:
        self.locked.setVisible(read_only)
        for box in self.fields.values():
            box.setReadOnly(read_only)
        for check in self.technique_boxes.values():
            check.setEnabled(not read_only)

    def is_read_only(self) -> bool:
        return all(box.isReadOnly() for box in self.fields.values())

    def clear(self) -> None:
        self.set_body({})
        self.set_read_only(False)


class AddendaPanel(QGroupBox):
    """A signed note's signature, its signed addenda, and a field for a new one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Signed note and addenda"), parent)
        self.signature = QLabel(self)
        self.signature.setWordWrap(True)
        self.history = text_box(self, self.tr("Signed addenda"), lines=5)
        self.history.setReadOnly(True)
        self.text = text_box(self, self.tr("New addendum"), lines=3)
        self.text.setPlaceholderText(self.tr("An addendum is signed when added; the note stays."))
        self.add_button = QPushButton(self.tr("Sign and add addendum"), self)
        self.add_button.setAccessibleName(self.tr("Sign and add addendum"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.signature)
        layout.addWidget(self.history)
        layout.addWidget(self.text)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_note(self, note: Note) -> None:
        sig = note.signature
        if sig is not None:
            self.signature.setText(
                self.tr("Signed by {0} on {1}. Signed notes never change.").format(
                    sig.signed_by, local_date(sig.signed_at)
                )
            )
        entries = [
            self.tr("Addendum signed by {0} on {1}:\n{2}").format(
                a.signature.signed_by if a.signature else "",
                local_date(a.signature.signed_at if a.signature else ""),
                a.body.get("text", ""),
            )
            for a in note.addenda
        ]
        self.history.setPlainText("\n\n".join(entries) or self.tr("No addenda yet."))

    def clear(self) -> None:
        self.signature.clear()
        self.history.clear()
        self.text.clear()


class ProcessNotesPanel(QWidget):
    """Process notes live apart from the record: never searched, never exported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        notice = QLabel(
            self.tr(
                "Process notes are kept apart from the clinical record: they are not searched, "
                "not exported and not part of signed notes."
            ),
            self,
        )
        notice.setWordWrap(True)
        self.history = text_box(self, self.tr("Earlier process notes"), lines=6, grow=True)
        self.history.setReadOnly(True)
        self.text = text_box(self, self.tr("New process note"), lines=5, grow=True)
        self.save_button = QPushButton(self.tr("Save process note"), self)
        self.save_button.setAccessibleName(self.tr("Save process note"))
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addWidget(bold_label(self.tr("Earlier process notes"), self))
        layout.addWidget(self.history, 2)
        layout.addWidget(bold_label(self.tr("New process note"), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_notes(self, notes: Sequence[ProcessNote], numbers: dict[int, int]) -> None:
        """Earlier notes, oldest first, headed by session *numbers* (session id -> number)."""
        self.history.setPlainText(
            "\n\n".join(f"{self._heading(n, numbers)}\n{n.body}" for n in notes)
            or self.tr("None yet.")
        )

    def _heading(self, note: ProcessNote, numbers: dict[int, int]) -> str:
        written = local_date(note.created_at)
        if note.session_id is None or note.session_id not in numbers:
            return self.tr("Written {0}").format(written)
        return self.tr("Session {0}, written {1}").format(numbers[note.session_id], written)

    def clear(self) -> None:
        self.history.clear()
        self.text.clear()


class SessionNotePane(QWidget):
    """The note editor and, once signed, its addenda; save state and buttons underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = NoteEditor(self)
        self.addenda = AddendaPanel(self)
        self.addenda.hide()
        self.save_state = QLabel(self)
        self.save_state.setWordWrap(True)
        self.save_state.setAccessibleDescription(self.tr("Draft save state"))
        self.save_button = QPushButton(self.tr("Save draft now"), self)
        self.sign_button = QPushButton(self.tr("Sign note…"), self)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.editor)
        body_layout.addWidget(self.addenda)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_state, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

    def show_signed(self, note: Note | None) -> None:
        """Read-only view with addenda for a signed *note*; editable draft otherwise."""
        signed = note is not None and note.signed
        self.addenda.setVisible(signed)
        self.save_button.setEnabled(note is not None and not signed)
        self.sign_button.setEnabled(note is not None and not signed)
        if note is not None and signed:
            self.addenda.show_note(note)
            self.save_state.setText(self.tr("Signed: read only. Add a signed addendum below."))

    def clear(self) -> None:
        self.editor.clear()
        self.addenda.clear()
        self.save_state.clear()
        self.show_signed(None)
