"""The closeness-circle tab: the editor, keyboard controls, snapshots and the compare view."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.circle_editor import CircleEditor, CircleEntry
from ui.widgets.date_fields import date_edit, show_date, to_iso, vocab
from ui.widgets.page import wrapped_label
from workbench.domain.inventory import LINE_STYLES, RINGS, CircleSnapshot, Person

SNAPSHOT_LABELS = ("intake", "mid-treatment", "end", "follow-up")
DEFAULT_RING = 2


def default_style(person: Person) -> str:
    return "deceased" if not person.details.living else "supportive"


class CirclePanel(QWidget):
    """Places people in rings; emits `save_requested(date, label)` for the page to store."""

    save_requested = Signal(str, str)
    placement_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placed: dict[int, tuple[int, str]] = {}
        self.editor = CircleEditor(self)
        self.first = CircleEditor(self, editable=False)
        self.now_caption = QLabel(self.tr("Now (drag people between rings)"), self)
        self.first_caption = QLabel("", self)
        self.editor.placement_changed.connect(self._dragged)
        self.editor.person_selected.connect(self._dot_selected)

        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Person to place"))
        self.ring = QComboBox(self)
        self.ring.setAccessibleName(self.tr("Ring"))
        ring_names = (self.tr("1 — closest"), self.tr("2 — middle"), self.tr("3 — outer"))
        for ring, name in zip(RINGS, ring_names, strict=True):
            self.ring.addItem(name, ring)
        self.line = QComboBox(self)
        self.line.setAccessibleName(self.tr("Line style"))
        for style in LINE_STYLES:
            self.line.addItem(vocab(style), style)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.ring.activated.connect(self._ring_chosen)
        self.line.activated.connect(self._line_chosen)

        self.label = QComboBox(self)
        self.label.setEditable(True)
        self.label.setAccessibleName(self.tr("Snapshot label"))
        self.label.addItems([vocab(label) for label in SNAPSHOT_LABELS])
        self.taken_on = date_edit(self)
        self.taken_on.setAccessibleName(self.tr("Snapshot date"))
        self.save_button = QPushButton(self.tr("Save s&napshot"), self)
        self.save_button.setAccessibleName(self.tr("Save snapshot"))
        self.save_button.clicked.connect(self._save)
        self.compare = QCheckBox(self.tr("&Compare with the first snapshot"), self)
        self.compare.setAccessibleName(self.tr("Compare with the first snapshot"))
        self.compare.toggled.connect(self._show_compare)
        self.saved_list = wrapped_label("", self)
        legend = wrapped_label(
            self.tr("Lines: solid blue supportive · red dashed conflict · grey dotted deceased"),
            self,
        )

        placing = QGroupBox(self.tr("Selected person"), self)
        place_form = QFormLayout(placing)
        place_form.addRow(self.tr("&Person"), self.person)
        place_form.addRow(self.tr("&Ring"), self.ring)
        place_form.addRow(self.tr("&Line"), self.line)
        place_form.addRow(legend)
        snap = QGroupBox(self.tr("Snapshot"), self)
        snap_form = QFormLayout(snap)
        snap_form.addRow(self.tr("La&bel"), self.label)
        snap_form.addRow(self.tr("&Date"), self.taken_on)
        snap_form.addRow(self.save_button)
        snap_form.addRow(self.compare)
        snap_form.addRow(self.saved_list)
        side = QVBoxLayout()
        side.addWidget(placing)
        side.addWidget(snap)
        side.addStretch(1)
        side_box = QWidget(self)
        side_box.setLayout(side)
        side_box.setFixedWidth(270)

        circles = self._circles = QGridLayout()
        circles.addWidget(self.now_caption, 0, 0)
        circles.addWidget(self.editor, 1, 0)
        circles.addWidget(self.first_caption, 0, 1)
        circles.addWidget(self.first, 1, 1)
        circles.setRowStretch(1, 1)
        circles.setColumnStretch(0, 1)
        circles.setColumnStretch(1, 1)
        row = QHBoxLayout(self)
        row.addLayout(circles, 1)
        row.addWidget(side_box)
        self._show_compare(False)
        self._snapshots: list[CircleSnapshot] = []

    # ----- content ---------------------------------------------------------------------------

    def show_people(self, people: list[Person], snapshots: list[CircleSnapshot]) -> None:
        """Place *people*: unsaved moves first, then the latest snapshot, then the middle ring."""
        self._snapshots = snapshots
        latest = (
            {p.person_id: (p.ring, p.line_style) for p in snapshots[-1].placements}
            if (snapshots)
            else {}
        )
        self._placed = {
            p.id: self._placed.get(p.id) or latest.get(p.id) or (DEFAULT_RING, default_style(p))
            for p in people
        }
        aliases = {p.id: p.alias for p in people}
        self.editor.set_people(
            [
                CircleEntry(pid, aliases[pid], ring, style)
                for pid, (ring, style) in self._placed.items()
            ]
        )
        chosen = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        for person in people:
            self.person.addItem(person.alias, person.id)
        self.person.setCurrentIndex(max(self.person.findData(chosen), 0))
        self.person.blockSignals(False)
        self._person_chosen()
        self._show_first(aliases)
        self.saved_list.setText(
            self.tr("Saved: %s")
            % ", ".join(f"{vocab(s.label)} ({show_date(s.taken_on)})" for s in snapshots)
            if snapshots
            else self.tr("No snapshot saved yet.")
        )
        self.compare.setEnabled(bool(snapshots))

    def _show_first(self, aliases: dict[int, str]) -> None:
        if not self._snapshots:
            self.first.clear()
            self.first_caption.setText("")
            return
        first = self._snapshots[0]
        self.first.set_people(
            [
                CircleEntry(p.person_id, aliases.get(p.person_id, "?"), p.ring, p.line_style)
                for p in first.placements
            ]
        )
        self.first_caption.setText(
            self.tr("First snapshot: %s, %s") % (vocab(first.label), show_date(first.taken_on))
        )

    def rings(self) -> dict[int, int]:
        return {pid: ring for pid, (ring, _) in self._placed.items()}

    def clear(self) -> None:
        self._placed = {}
        self._snapshots = []
        self.editor.clear()
        self.first.clear()
        self.person.clear()
        self.first_caption.clear()
        self.saved_list.clear()

    # ----- placing ---------------------------------------------------------------------------

    def _dragged(self, person_id: int, ring: int) -> None:
        style = self._placed.get(person_id, (ring, "supportive"))[1]
        self._placed[person_id] = (ring, style)
        self.person.setCurrentIndex(self.person.findData(person_id))
        self._person_chosen()
        self.placement_changed.emit()

    def _dot_selected(self, person_id: int) -> None:
        if person_id:
            self.person.setCurrentIndex(self.person.findData(person_id))

    def _person_chosen(self, *_: object) -> None:
        person_id = self.person.currentData()
        placed = self._placed.get(person_id) if person_id is not None else None
        self.ring.setEnabled(placed is not None)
        self.line.setEnabled(placed is not None)
        if placed is not None:
            self.ring.setCurrentIndex(self.ring.findData(placed[0]))
            self.line.setCurrentIndex(self.line.findData(placed[1]))
            self.editor.select_person(person_id)

    def _ring_chosen(self, _: int) -> None:
        person_id = self.person.currentData()
        if person_id is not None:
            self.editor.move_person(person_id, int(self.ring.currentData()))

    def _line_chosen(self, _: int) -> None:
        person_id = self.person.currentData()
        if person_id is None:
            return
        style = str(self.line.currentData())
        self._placed[person_id] = (self._placed[person_id][0], style)
        self.editor.set_line_style(person_id, style)

    def _show_compare(self, on: bool) -> None:
        self.first.setVisible(on)
        self.first_caption.setVisible(on)
        self._circles.setColumnStretch(1, 1 if on else 0)  # alone, "now" takes the whole width

    def _save(self) -> None:
        text = self.label.currentText().strip()
        offered = self.label.findText(text)  # a listed label is stored as its English word
        label = SNAPSHOT_LABELS[offered] if 0 <= offered < len(SNAPSHOT_LABELS) else text
        label = label or SNAPSHOT_LABELS[0]
        date: QDate = self.taken_on.date()
        self.save_requested.emit(to_iso(date), label)
