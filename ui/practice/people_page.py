"""Build the inventory: people (alias, relationship) in the person form, rings on the circle."""

from __future__ import annotations

import itertools
from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.circle_editor import CircleEditor, CircleEntry
from ui.widgets.date_fields import vocab
from ui.widgets.page import wrapped_label
from ui.widgets.person_form import PersonForm, choose
from workbench.practice import PersonEntry

SCORED_ROWS = 3  # the person form's alias, relationship and living rows; the rest is not scored


@dataclass
class _Person:
    key: int
    alias: str
    relationship: str
    ring: int | None
    living: bool = True

    @property
    def line_style(self) -> str:
        return "deceased" if not self.living or self.relationship == "deceased" else "supportive"


class PeoplePage(QWidget):
    """The people the trainee found, each with a relationship and a place on the circle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys = itertools.count(1)
        self._people: list[_Person] = []
        self._loading = False

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("People in the inventory"))
        self.list.setMinimumWidth(220)
        self.list.currentRowChanged.connect(self._row_changed)
        self.add_button = QPushButton(self.tr("&Add person"), self)
        self.add_button.setAccessibleName(self.tr("Add a person to the inventory"))
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected person"))
        self.remove_button.clicked.connect(self.remove_person)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(
            wrapped_label(
                self.tr(
                    "The people given are listed. Add everyone else the presentation names "
                    "who matters to the patient."
                ),
                left,
            )
        )
        left_column.addWidget(self.list, 1)
        left_column.addLayout(buttons)

        self.details = QGroupBox(self.tr("Person"), self)
        self.form = PersonForm(self.details)
        form_layout = self.form.layout()
        assert isinstance(form_layout, QFormLayout)
        for row in range(SCORED_ROWS, form_layout.rowCount()):
            form_layout.setRowVisible(row, False)
        self.form.edited.connect(self._form_edited)
        self.ring = QComboBox(self.details)
        self.ring.setAccessibleName(self.tr("Ring on the closeness circle"))
        self.ring.addItem(self.tr("not placed"), None)
        self.ring.addItem(self.tr("1 — closest"), 1)
        self.ring.addItem(self.tr("2 — middle"), 2)
        self.ring.addItem(self.tr("3 — outer"), 3)
        self.ring.currentIndexChanged.connect(self._ring_chosen)
        ring_form = QFormLayout()
        ring_form.addRow(self.tr("Closeness &ring"), self.ring)
        details_column = QVBoxLayout(self.details)
        details_column.addWidget(self.form)
        details_column.addLayout(ring_form)
        details_column.addStretch(1)

        self.circle = CircleEditor(self)
        self.circle.placement_changed.connect(self._placed)
        self.circle.person_selected.connect(self._circle_selected)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.addWidget(self.circle)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._sync_enabled()

    # ----- content ---------------------------------------------------------------------------

    def set_people(self, people: tuple[PersonEntry, ...], deceased: Collection[str] = ()) -> None:
        """Start from *people*; those whose alias is in *deceased* are drawn as deceased."""
        self._people = [
            _Person(next(self._keys), p.alias, p.relationship, p.ring, p.alias not in deceased)
            for p in people
        ]
        self._refresh(0 if self._people else -1)

    def entries(self) -> tuple[PersonEntry, ...]:
        return tuple(
            PersonEntry(p.alias.strip(), p.relationship, p.ring)
            for p in self._people
            if p.alias.strip()
        )

    def add_person(self) -> None:
        self._people.append(_Person(next(self._keys), "", "friend", None))
        self._refresh(len(self._people) - 1)
        self.form.alias.setFocus()

    def remove_person(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._people):
            del self._people[row]
            self._refresh(min(row, len(self._people) - 1))

    def set_ring(self, ring: int | None) -> None:
        """Place the selected person, as choosing in the ring drop-down does."""
        self.ring.setCurrentIndex(max(self.ring.findData(ring), 0))

    # ----- sync ------------------------------------------------------------------------------

    def _current(self) -> _Person | None:
        row = self.list.currentRow()
        return self._people[row] if 0 <= row < len(self._people) else None

    def _label(self, person: _Person) -> str:
        alias = person.alias.strip() or self.tr("(no alias yet)")
        ring = self.tr("ring {0}").format(person.ring) if person.ring else self.tr("not placed")
        if not person.living:
            return self.tr("{0} — {1} (deceased), {2}").format(
                alias, vocab(person.relationship), ring
            )
        return self.tr("{0} — {1}, {2}").format(alias, vocab(person.relationship), ring)

    def _refresh(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        for person in self._people:
            item = QListWidgetItem(self._label(person))
            item.setData(Qt.ItemDataRole.UserRole, person.key)
            self.list.addItem(item)
        self._loading = False
        self._draw_circle()
        self.list.setCurrentRow(select)
        self._row_changed(select)

    def _draw_circle(self) -> None:
        self.circle.set_people(
            [
                CircleEntry(p.key, p.alias.strip() or "?", p.ring, p.line_style)
                for p in self._people
                if p.ring is not None
            ]
        )

    def _row_changed(self, row: int) -> None:
        if self._loading:
            return
        person = self._current()
        self._loading = True
        self.form.load(None)
        if person is not None:
            self.form.alias.setText(person.alias)
            choose(self.form.relationship, person.relationship)
            self.form.living.setChecked(person.living)
            self.ring.setCurrentIndex(max(self.ring.findData(person.ring), 0))
            self.circle.select_person(person.key)
        self._loading = False
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        has = self._current() is not None
        self.details.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _form_edited(self) -> None:
        person = self._current()
        if self._loading or person is None:
            return
        alias, relationship, details = self.form.value()
        person.alias = alias
        person.relationship = relationship
        person.living = details.living
        self._relabel(person)
        if person.ring is not None:
            self._draw_circle()
            self.circle.select_person(person.key)

    def _relabel(self, person: _Person) -> None:
        row = self._people.index(person)
        item = self.list.item(row)
        if item is not None:
            item.setText(self._label(person))

    def _ring_chosen(self, _index: int) -> None:
        person = self._current()
        if self._loading or person is None:
            return
        ring = self.ring.currentData()
        person.ring = int(ring) if ring is not None else None
        self._relabel(person)
        self._draw_circle()
        self.circle.select_person(person.key)

    def _placed(self, key: int, ring: int) -> None:
        """A drag on the circle moved someone into another ring."""
        person = next((p for p in self._people if p.key == key), None)
        if person is None:
            return
        person.ring = ring
        self._relabel(person)
        if person is self._current():
            self._loading = True
            self.ring.setCurrentIndex(max(self.ring.findData(ring), 0))
            self._loading = False

    def _circle_selected(self, key: int) -> None:
        if not key or self._loading:
            return
        for row, person in enumerate(self._people):
            if person.key == key and row != self.list.currentRow():
                self.list.setCurrentRow(row)
