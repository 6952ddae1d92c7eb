"""The trainee's progress across cases: what they miss most, per case, and the PDF export."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
from ui.widgets.page import wrapped_label
from workbench.practice.progress import Progress


def _tree(parent: QWidget, name: str, headers: Sequence[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setHeaderLabels(list(headers))
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class ProgressPage(QWidget):
    """Emits `back_requested()`, `export_requested()` and `trainee_changed(name or '')`."""

    back_requested = Signal()
    export_requested = Signal()
    trainee_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: Progress | None = None
        self.banner = PracticeBanner(self)
        title = QLabel(self.tr("Your progress across the cases"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.trainee = QComboBox(self)
        self.trainee.setAccessibleName(self.tr("Whose attempts"))
        self.trainee.currentIndexChanged.connect(self._trainee_chosen)
        who = QLabel(self.tr("&Attempts by:"), self)
        who.setBuddy(self.trainee)
        self.summary = wrapped_label("", self)
        self.summary.setAccessibleName(self.tr("Progress summary"))
        self.missed = _tree(
            self,
            self.tr("Missed most often"),
            [self.tr("Element"), self.tr("Attempts missed"), self.tr("In cases"), self.tr("Read")],
        )
        self.cases = _tree(
            self,
            self.tr("Progress by case"),
            [
                self.tr("Case"),
                self.tr("Attempts"),
                self.tr("Best"),
                self.tr("Latest"),
                self.tr("Latest result"),
            ],
        )
        self.message = wrapped_label("", self)
        self.back_button = QPushButton(self.tr("All cases"), self)
        self.back_button.setAccessibleName(self.tr("Back to the list of cases"))
        self.back_button.clicked.connect(self.back_requested)
        self.export_button = QPushButton(self.tr("&Export progress PDF…"), self)
        self.export_button.setAccessibleName(self.tr("Export the progress as a PDF"))
        self.export_button.clicked.connect(self.export_requested)
        top = QHBoxLayout()
        top.addWidget(who)
        top.addWidget(self.trainee, 1)
        top.addStretch(2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 16)
        column.setSpacing(8)
        column.addWidget(self.banner)
        column.addWidget(title)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(_bold(QLabel(self.tr("Missed most often"), self)))
        column.addWidget(self.missed, 1)
        column.addWidget(_bold(QLabel(self.tr("By case"), self)))
        column.addWidget(self.cases, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)

    def set_trainees(self, names: Sequence[str], chosen: str = "") -> None:
        self.trainee.blockSignals(True)
        self.trainee.clear()
        self.trainee.addItem(self.tr("everyone (all attempts)"), "")
        for name in names:
            self.trainee.addItem(name, name)
        self.trainee.setCurrentIndex(max(self.trainee.findData(chosen), 0))
        self.trainee.blockSignals(False)

    def chosen_trainee(self) -> str:
        return str(self.trainee.currentData() or "")

    def show_progress(self, report: Progress) -> None:
        self.progress = report
        locale = QLocale()
        self.summary.setText(
            self.tr("{0} attempts · {1} of {2} cases tried · {3} passed at least once.").format(
                locale.toString(report.attempts),
                locale.toString(report.vignettes_tried),
                locale.toString(report.library_size),
                locale.toString(report.vignettes_passed),
            )
        )
        self.missed.clear()
        for element in report.missed_most:
            self.missed.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        element.label,
                        locale.toString(element.attempts),
                        ", ".join(element.vignettes),
                        element.where,
                    ]
                )
            )
        self.cases.clear()
        for case in report.by_vignette:
            self.cases.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        self.tr("{0} · {1}").format(case.vignette, case.title),
                        locale.toString(case.attempts),
                        self.tr("{0} %").format(locale.toString(case.best_percent, "f", 1)),
                        self.tr("{0} %").format(locale.toString(case.latest_percent, "f", 1)),
                        case.latest_result,
                    ]
                )
            )
        self.export_button.setEnabled(report.attempts > 0)

    def _trainee_chosen(self, _index: int) -> None:
        self.trainee_changed.emit(self.chosen_trainee())


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
