"""Strategies (the manual's checklist items) and techniques (the catalogue) as tick lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ui.widgets.page import wrapped_label
from workbench.protocol import ManualProfile, Technique

ID = Qt.ItemDataRole.UserRole


class TickTree(QTreeWidget):
    """Groups of checkable rows; `ticked()` gives the ids in the order shown."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setHeaderLabels([name])
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.itemActivated.connect(self._toggle)

    def fill(self, groups: Sequence[tuple[str, Sequence[tuple[str, str, str]]]]) -> None:
        """*groups*: (group title, [(id, text, tooltip)]); groups start expanded."""
        self.clear()
        for title, rows in groups:
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(group)
            for item_id, text, tip in rows:
                row = QTreeWidgetItem([text])
                row.setData(0, ID, item_id)
                row.setToolTip(0, tip or text)
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                row.setCheckState(0, Qt.CheckState.Unchecked)
                group.addChild(row)
            group.setExpanded(True)

    def _rows(self) -> list[QTreeWidgetItem]:
        rows: list[QTreeWidgetItem] = []
        for n in range(self.topLevelItemCount()):
            group = self.topLevelItem(n)
            if group is not None:
                rows += [row for c in range(group.childCount()) if (row := group.child(c))]
        return rows

    def _toggle(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState(0) == Qt.CheckState.Checked
            item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def tick(self, item_id: str, on: bool = True) -> None:
        for row in self._rows():
            if row.data(0, ID) == item_id:
                row.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise KeyError(item_id)

    def ticked(self) -> tuple[str, ...]:
        return tuple(
            str(row.data(0, ID))
            for row in self._rows()
            if row.checkState(0) == Qt.CheckState.Checked
        )


class ChoicesPage(QWidget):
    """What the work would include: checklist items by phase, and the techniques to use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strategies = TickTree(self.tr("Strategies (the manual's checklist)"), self)
        self.techniques = TickTree(self.tr("Techniques"), self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.strategies)
        splitter.addWidget(self.techniques)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            wrapped_label(
                self.tr(
                    "Tick the strategies and techniques this case calls for (Space or Enter "
                    "ticks the current row). Strategies of an area the case does not work on "
                    "cost a point: time-limited IPT stays on the agreed focus."
                ),
                self,
            )
        )
        column.addWidget(splitter, 1)

    def set_catalogue(self, profile: ManualProfile, catalogue: Sequence[Technique]) -> None:
        areas = {a.id: a.label for a in profile.problem_areas}
        groups = []
        for phase in profile.phases:
            items = profile.items_for(phase.phase)
            if not items:
                continue
            rows = []
            for item in items:
                area = areas.get(item.problem_area or "")
                text = self.tr("{0} [{1}]").format(item.text, area) if area else item.text
                rows.append((item.id, text, item.text))
            groups.append((phase.label, rows))
        self.strategies.fill(groups)
        self.techniques.fill(
            [
                (
                    self.tr("{0} profile").format(profile.id),
                    [(t.id, t.label, t.description) for t in catalogue],
                )
            ]
        )
