"""Timeline page: life events and measure totals on one time axis, the table, and an event form."""

from __future__ import annotations

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
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.workspace_tables import EventRow, EventsModel
from ui.session import RECORD, VaultSession
from ui.widgets.date_fields import show_date
from ui.widgets.event_form import EventForm
from ui.widgets.page import wrapped_label
from ui.widgets.timeline_view import TimelineView
from ui.workspace.base import WorkspacePage
from workbench.domain.inventory import Person, TimelineEvent
from workbench.errors import WorkbenchError
from workbench.services import identifiers, inventory, workspace_edits

Loaded = tuple[list[Person], list[TimelineEvent]]
NOTES_COLUMN = 5


class TimelinePage(WorkspacePage):
    """Interpersonal changes near onset and mood over time (ipt-reference §8)."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Timeline")
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
        self.view = TimelineView(self)
        self.model = EventsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setAccessibleName(self.tr("Timeline entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._row_chosen)

        self.form = EventForm(self)
        self.form_title = wrapped_label(self.tr("New event"), self)
        self.new_button = QPushButton(self.tr("&New event"), self)
        self.new_button.setAccessibleName(self.tr("New event"))
        self.new_button.clicked.connect(self.new_event)
        self.save_button = QPushButton(self.tr("&Save event"), self)
        self.save_button.setAccessibleName(self.tr("Save event"))
        self.save_button.clicked.connect(self.save_event)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setAccessibleName(self.tr("Event details"))
        right = QWidget(self)
        detail = QVBoxLayout(right)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.form_title)
        detail.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        detail.addLayout(buttons)
        right.setMinimumWidth(260)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.table)
        lower.addWidget(right)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setChildrenCollapsible(False)
        upper = QSplitter(Qt.Orientation.Vertical, self)
        upper.addWidget(self.view)
        upper.addWidget(lower)
        upper.setStretchFactor(0, 1)
        upper.setStretchFactor(1, 1)
        upper.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(upper)

    # ----- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        vault, episode = self.vault, self.episode_id

        def load() -> Loaded:
            return inventory.people(vault, episode), inventory.timeline(vault, episode)

        self.load(load, self._loaded)

    def _loaded(self, result: Loaded) -> None:
        people, entries = result
        aliases = {p.id: p.alias for p in people}
        self.form.set_people(people)
        self.view.set_entries(entries)
        self.model.set_rows(
            [EventRow(e, ", ".join(aliases.get(p, "?") for p in e.people)) for e in entries]
        )
        self.loaded = True

    # ----- editing ---------------------------------------------------------------------------

    def _row_chosen(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        if row.is_measure:
            self.message.emit(self.tr("Measure totals are recorded on the Measures page."))
            return
        if row.event.id != self.form.event_id:
            self.flush_async()
            self.form.load(row.event)
            when = show_date(row.event.event_date, row.event.date_precision)
            self.form_title.setText(self.tr("Editing the event of %s") % when)

    def new_event(self) -> None:
        self.flush_async()
        self.table.clearSelection()
        self.form.load(None)
        self.form_title.setText(self.tr("New event"))
        self.form.date.setFocus()

    def save_event(self) -> None:
        self.form.dirty = True
        self.flush_async()

    def flush_async(self) -> None:
        """Save the form on the worker if it changed; a refusal puts the typed event back."""
        if not self.form.dirty:
            return
        event = self.form.value()
        self.form.dirty = False

        def failed(error: WorkbenchError) -> None:
            self.form.load(event)
            self.form.dirty = True
            self.show_error(error)

        def saved(event_id: int) -> None:
            if self.form.event_id == 0 and event.id == 0 and not self.form.dirty:
                self.form.event_id = event_id
            self.message.emit(self.tr("Event saved."))
            self.reload()

        self.write(partial(self._store, event), saved, {RECORD}, failed)

    def _store(self, event: TimelineEvent) -> int:
        if event.id == 0:
            return inventory.add_event(self.vault, self.episode_id, event)
        workspace_edits.update_event(self.vault, self.episode_id, event)
        identifiers.set_event_places(self.vault, event.id, event.places)  # not in update_event
        return event.id

    # ----- contract --------------------------------------------------------------------------

    def flush(self) -> None:
        if not self.form.dirty:
            return
        try:
            self.form.event_id = self._store(self.form.value())
            self.form.dirty = False
        except WorkbenchError as error:
            self.show_error(error)

    def clear(self) -> None:
        self.model.clear()
        self.view.clear()
        self.form.clear()
        self.form_title.setText(self.tr("New event"))
        self.loaded = False
