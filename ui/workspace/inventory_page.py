"""Inventory page: the people table, the person form, and the closeness circle with snapshots."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_tables import PeopleModel, PersonRow
from ui.session import RECORD, VaultSession
from ui.widgets.circle_panel import CirclePanel
from ui.widgets.page import wrapped_label
from ui.widgets.person_form import PersonForm
from ui.workspace.base import WorkspacePage
from workbench.domain.inventory import CircleSnapshot, Person, PersonDetails
from workbench.errors import WorkbenchError
from workbench.services import identifiers, inventory

Names = tuple[tuple[str, ...], tuple[str, ...]]  # (nicknames, places)

Loaded = tuple[list[Person], list[CircleSnapshot]]


class InventoryPage(WorkspacePage):
    """Who matters to the client (§7.1) and how close they are (§7.2)."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Inventory")
    shows = frozenset({RECORD})

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self.loaded = False
        self._people: list[Person] = []
        self.model = PeopleModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setAccessibleName(self.tr("Important people"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._row_chosen)

        self.form = PersonForm(self)
        self.new_button = QPushButton(self.tr("&New person"), self)
        self.new_button.setAccessibleName(self.tr("New person"))
        self.new_button.clicked.connect(self.new_person)
        self.save_button = QPushButton(self.tr("&Save person"), self)
        self.save_button.setAccessibleName(self.tr("Save person"))
        self.save_button.clicked.connect(lambda: self.save_person())
        self.form_title = wrapped_label("", self)

        self.circle = CirclePanel(self)
        self.circle.save_requested.connect(self.save_snapshot)
        self.circle.placement_changed.connect(self._placement_changed)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Inventory views"))
        self.tabs.addTab(self._people_tab(), self.tr("People"))
        self.tabs.addTab(self.circle, self.tr("Closeness circle"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.form.load(None)
        self._show_form_title()

    def _people_tab(self) -> QWidget:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(300)
        scroll.setAccessibleName(self.tr("Person details"))
        right = QWidget(self)
        detail = QVBoxLayout(right)
        detail.addWidget(self.form_title)
        detail.addWidget(scroll, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        detail.addLayout(save_row)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        return split

    # ----- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        vault, episode = self.vault, self.episode_id

        def load() -> Loaded:
            return inventory.people(vault, episode), inventory.circle_snapshots(vault, episode)

        self.load(load, self._loaded)

    def _loaded(self, result: Loaded) -> None:
        people, snapshots = result
        self._people = people
        self.circle.show_people(people, snapshots)
        self._fill_table()
        if self.form.person_id is not None and not self.form.dirty:
            self.form.load(self._person(self.form.person_id))
        self._show_form_title()
        self.loaded = True

    def _fill_table(self) -> None:
        chosen = self.form.person_id
        rings = self.circle.rings()
        self.model.set_rows([PersonRow(p, rings.get(p.id)) for p in self._people])
        for row in range(self.model.rowCount()):
            if self.model.person_id(row) == chosen:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)

    def _person(self, person_id: int) -> Person | None:
        return next((p for p in self._people if p.id == person_id), None)

    def _show_form_title(self) -> None:
        person = self._person(self.form.person_id) if self.form.person_id else None
        self.form_title.setText(
            self.tr("Editing %s") % person.alias if person else self.tr("New person")
        )

    # ----- people ----------------------------------------------------------------------------

    def _row_chosen(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        person_id = self.model.person_id(rows[0].row())
        if person_id == self.form.person_id:
            return
        self.save_person(then=partial(self._open, person_id))

    def _open(self, person_id: int | None) -> None:
        self.form.load(self._person(person_id) if person_id is not None else None)
        self._show_form_title()

    def new_person(self) -> None:
        self.save_person(then=partial(self._open, None))
        self.table.clearSelection()
        self.form.alias.setFocus()

    def save_person(self, then: Callable[[], None] | None = None) -> None:
        """Save the form if it changed, then run *then*; a refusal keeps the typed text."""
        if not self.form.dirty:
            if then is not None:
                then()
            return
        person_id = self.form.person_id
        alias, relationship, details = self.form.value()
        names = self.form.identifiers.aliases(), self.form.identifiers.places()
        work = partial(self._store, person_id, alias, relationship, details, names)
        self.form.dirty = False
        if then is not None:
            then()

        def failed(error: WorkbenchError) -> None:
            self.form.load(Person(person_id or 0, alias, relationship, details, *names))
            self.form.person_id = person_id
            self.form.dirty = True
            self._show_form_title()
            self.show_error(error)

        def saved(new_id: int) -> None:
            if self.form.person_id is None and then is None:
                self.form.person_id = new_id
            self.message.emit(self.tr("Saved %s.") % alias.strip())
            self.reload()

        self.write(work, saved, {RECORD}, failed)

    def _store(
        self,
        person_id: int | None,
        alias: str,
        relationship: str,
        details: PersonDetails,
        names: Names = ((), ()),
    ) -> int:
        if person_id is None:
            person_id = inventory.add_person(
                self.vault, self.episode_id, alias, relationship, details
            )
            if not any(names):
                return person_id
        else:
            inventory.update_person(self.vault, person_id, alias, relationship, details)
        aliases, places = names  # nicknames and places, which de-identified exports remove
        identifiers.set_person_identifiers(self.vault, person_id, aliases=aliases, places=places)
        return person_id

    # ----- circle ----------------------------------------------------------------------------

    def _placement_changed(self) -> None:
        self._fill_table()

    def save_snapshot(self, taken_on: str, label: str) -> None:
        placements = self.circle.editor.placements()
        vault, episode = self.vault, self.episode_id

        def done(_: int) -> None:
            self.message.emit(self.tr("Closeness circle saved as “%s”.") % label)
            self.reload()

        self.write(
            lambda: inventory.snapshot_circle(vault, episode, taken_on, label, placements),
            done,
            {RECORD},
        )

    # ----- contract --------------------------------------------------------------------------

    def flush(self) -> None:
        if not self.form.dirty:
            return
        alias, relationship, details = self.form.value()
        names = self.form.identifiers.aliases(), self.form.identifiers.places()
        try:
            self.form.person_id = self._store(
                self.form.person_id, alias, relationship, details, names
            )
            self.form.dirty = False
        except WorkbenchError as error:
            self.show_error(error)

    def clear(self) -> None:
        self._people = []
        self.model.clear()
        self.form.clear()
        self.form_title.clear()
        self.circle.clear()
        self.loaded = False
