"""A search box over a results table: debounced queries on the task runner, newest answer wins."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.rows import RowsModel
from ui.tasks import TaskRunner
from workbench.errors import WorkbenchError

DEBOUNCE_MS = 150
FIT_SAMPLE_ROWS = 50  # the columns fit the first rows shown, never all 30,000
Fetch = Callable[[str], Sequence[Any]]
Describe = Callable[[int, str], str]

WIDE_COLUMN_MAX = 240  # px: a long name is elided rather than pushing the columns away


class QueryPanel(QWidget):
    """Runs *fetch(text)* 150 ms after typing stops; emits `status_changed` with a count."""

    status_changed = Signal(str)

    def __init__(
        self,
        fetch: Fetch,
        runner: TaskRunner,
        model: RowsModel[Any],
        *,
        placeholder: str,
        describe: Describe,
        stretch_column: int,
        query_when_empty: bool,
        count_inline: bool = True,
        busy_text: str = "",
        row_key: Callable[[Any], object] | None = None,
        widest: int = WIDE_COLUMN_MAX,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch: Fetch | None = fetch
        self._runner = runner
        self._describe = describe
        self._query_when_empty = query_when_empty
        self._count_inline = count_inline
        self._busy_text = busy_text  # shown by the slow-work indicator; the search can stop
        self._row_key = row_key  # keeps the selected row selected when new results arrive
        self._pending_key: object = None  # a row to select once it is listed
        self._generation = 0
        self._job: int | None = None  # the query in flight, dropped when a newer one starts
        self.model = model
        model.setParent(self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setAccessibleName(placeholder)
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setAccessibleName(self.tr("Results: {0}").format(placeholder))
        self._stretch_column = stretch_column
        self._widest = widest
        self._fitted = False
        self._configure_table()

        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setAccessibleDescription(self.tr("Search result summary"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)

    def _configure_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the core's order until asked
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        if self._stretch_column == self.model.columnCount() - 1:
            header.setSectionResizeMode(self._stretch_column, QHeaderView.ResizeMode.Stretch)
        else:  # a wide column in the middle must not be squeezed to nothing in a narrow pane
            header.setStretchLastSection(True)

    def _fit_columns_once(self) -> None:
        """Size columns to the text of the first rows shown and to their header's words,
        measured with the font directly, without room held for a sort arrow in every header.

        resizeColumnToContents asks the delegate for every cell's size hint (a dozen model
        roles each), which cost a sixth of the time from unlock to a painted caseload.
        """
        if self._fitted or not self.model.rowCount():
            return
        self._fitted = True
        table, model = self.table, self.model
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 4
        padding = 4 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        rows = range(min(model.rowCount(), FIT_SAMPLE_ROWS))
        last = model.columnCount() - 1
        for column in range(last + 1):
            if column == self._stretch_column == last:
                continue  # it stretches
            texts = (model.index(row, column).data() for row in rows)
            widest = max(metrics.horizontalAdvance(str(text or "")) for text in texts)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            words = header.fontMetrics().horizontalAdvance(title) + padding
            width = max(words, widest + margin)
            if column == self._stretch_column:
                width = min(width, self._widest)
            table.setColumnWidth(column, width)

    def refresh(self) -> None:
        """Query now with the current text (the debounce timer calls this)."""
        self._debounce.stop()
        self._generation += 1
        if self._job is not None:
            self._runner.cancel(self._job)  # never run a query nobody will read
            self._job = None
        text = self.search.text().strip()
        if self._fetch is None:
            return
        if not text and not self._query_when_empty:
            self._show(self._generation, text, [])
            return
        self._job = self._runner.submit(
            partial(self._fetch, text),
            partial(self._show, self._generation, text),
            self._failed,
            description=self._busy_text,
            cancellable=True,
            on_cancel=partial(self._stopped, self._generation),
        )

    def _show(self, generation: int, text: str, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return  # an older query answered late; a newer one is on its way
        kept = self._selected_key()
        self.model.set_rows(rows)
        self._reselect(kept)
        self._fit_columns_once()
        described = self._describe(len(rows), text)
        self.info.setText(described if self._count_inline else "")
        self.status_changed.emit(described)

    def _selected_key(self) -> object:
        current = self.table.selectionModel().currentIndex()
        if self._row_key is None or not current.isValid():
            return None
        return self._row_key(self.model.row_at(current.row()))

    def _reselect(self, key: object) -> None:
        target = self._pending_key if self._pending_key is not None else key
        if target is not None:
            self.select_key(target)

    def select_key(self, key: object) -> None:
        """Select the row whose key is *key*; if it is not shown yet, once results arrive."""
        if self._row_key is None:
            return
        for row in range(self.model.rowCount()):
            if self._row_key(self.model.row_at(row)) == key:
                self._pending_key = None
                if self.table.selectionModel().currentIndex().row() != row:
                    self.table.selectRow(row)
                return
        self._pending_key = key

    def _stopped(self, generation: int) -> None:
        if generation == self._generation:
            stopped = self.tr("Search stopped. Change the words to search again.")
            self.info.setText(stopped)
            self.status_changed.emit(stopped)

    def _failed(self, error: WorkbenchError) -> None:
        self.info.setText(error.user_message)

    def clear(self) -> None:
        """Forget the query and every row (used on lock); the panel cannot query afterwards."""
        self._debounce.stop()
        self._generation += 1
        self._fetch = None
        self.search.blockSignals(True)
        self.search.setText("")  # unlike clear(), setText drops the undo history too
        self.search.blockSignals(False)
        self.model.clear()
        self.info.clear()
