"""Pick a vignette: title, manual profile and the trainee's progress on each case."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.practice.banner import PracticeBanner
from ui.practice.progress import CaseProgress, progress_by_case
from ui.widgets.page import wrapped_label
from workbench.practice import AttemptRecord, Vignette

ERROR_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"


class PickerPage(QWidget):
    """Emits `start_requested(vignette id)` when the trainee opens a case."""

    start_requested = Signal(str)
    progress_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = PracticeBanner(self)
        title = QLabel(self.tr("Practise IPT formulation on fictional cases"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = wrapped_label(
            self.tr(
                "Every case is invented. Read the case, build the inventory, timeline, measures "
                "and formulation with the same tools as the clinical workspace, then ask for "
                "feedback. Attempts are kept in your practice history on this computer, never in "
                "a clinical vault."
            ),
            self,
        )
        self.summary = wrapped_label("", self)
        self.summary.setAccessibleDescription(self.tr("Progress across cases"))
        self.message = wrapped_label("", self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.cases = QTreeWidget(self)
        self.cases.setAccessibleName(self.tr("Practice cases"))
        self.cases.setRootIsDecorated(False)
        self.cases.setUniformRowHeights(True)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Manual"),
                self.tr("Attempts"),
                self.tr("Best score"),
                self.tr("Latest result"),
            ]
        )
        header = self.cases.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.cases.itemActivated.connect(lambda *_: self._start())
        self.cases.currentItemChanged.connect(lambda *_: self._update_button())
        self.start_button = QPushButton(self.tr("&Open the case"), self)
        self.start_button.setAccessibleName(self.tr("Open the selected case"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.progress_button = QPushButton(self.tr("Your &progress…"), self)
        self.progress_button.setAccessibleName(self.tr("Your progress across the cases"))
        self.progress_button.clicked.connect(self.progress_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        page = QVBoxLayout(self)
        page.setContentsMargins(16, 12, 16, 16)
        page.setSpacing(10)
        page.addWidget(self.banner)
        page.addWidget(title)
        page.addWidget(intro)
        page.addWidget(self.summary)
        page.addWidget(self.message)
        page.addWidget(self.cases, 1)
        page.addLayout(buttons)
        self._update_button()

    def show_cases(
        self, vignettes: Sequence[Vignette], records: Sequence[AttemptRecord], problem: str = ""
    ) -> None:
        """List *vignettes* with the progress in *records*; *problem*: what could not be read."""
        chosen = self.selected_id()
        progress = progress_by_case(records)
        self.cases.clear()
        for vignette in vignettes:
            case = progress.get(vignette.id.casefold(), CaseProgress())
            item = QTreeWidgetItem(
                [
                    self.tr("{0} · {1}").format(vignette.id, vignette.title),
                    vignette.profile,
                    QLocale().toString(case.attempts),
                    self._percent(case.best_percent),
                    self._result(case),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, vignette.id)
            item.setToolTip(0, vignette.title)
            self.cases.addTopLevelItem(item)
            if vignette.id == chosen or (chosen is None and self.cases.topLevelItemCount() == 1):
                self.cases.setCurrentItem(item)
        passed = sum(
            1 for v in vignettes if progress.get(v.id.casefold(), CaseProgress()).passed_once
        )
        tried = sum(1 for v in vignettes if v.id.casefold() in progress)
        self.summary.setText(
            self.tr(
                "Progress: {0} of {1} cases tried, {2} passed at least once ({3} attempts)."
            ).format(
                QLocale().toString(tried),
                QLocale().toString(len(vignettes)),
                QLocale().toString(passed),
                QLocale().toString(len(records)),
            )
        )
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        self._update_button()

    def _percent(self, value: float | None) -> str:
        if value is None:
            return self.tr("not tried")
        return self.tr("{0} %").format(QLocale().toString(value, "f", 1))

    def _result(self, case: CaseProgress) -> str:
        if not case.attempts:
            return ""
        return self.tr("passed") if case.last_result == "passed" else self.tr("not passed yet")

    def selected_id(self) -> str | None:
        item = self.cases.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def select(self, vignette_id: str) -> None:
        for row in range(self.cases.topLevelItemCount()):
            item = self.cases.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == vignette_id:
                self.cases.setCurrentItem(item)

    def _update_button(self) -> None:
        self.start_button.setEnabled(self.selected_id() is not None)

    def _start(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.start_requested.emit(chosen)
