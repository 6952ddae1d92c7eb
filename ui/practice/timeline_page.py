"""Tag the case's timeline events: linked to the onset, keeps it going, a coming time of risk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.widgets.date_fields import vocab
from ui.widgets.page import wrapped_label
from ui.workspace.note_editor import bold_label
from workbench.practice import TIMELINE_TAGS, Vignette
from workbench.practice.model import months_text

TAG_LABELS = {
    "onset_link": QT_TRANSLATE_NOOP("TimelineTagsPage", "Linked to the onset"),
    "maintaining": QT_TRANSLATE_NOOP("TimelineTagsPage", "Keeps the episode going"),
    "warning_time": QT_TRANSLATE_NOOP("TimelineTagsPage", "A coming time of risk"),
}


class TimelineTagsPage(QWidget):
    """One row per event, one checkbox per tag; `tags()` is what the attempt scores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(self.tr("Timeline events to tag"))
        self.inner = QWidget()
        self.grid = QGridLayout(self.inner)
        self.grid.setColumnStretch(1, 1)
        self.area.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Tag the events that matter to the formulation. In IPT the question is "
                    "what the onset follows most closely, in time and in meaning, and what "
                    "keeps the episode going."
                ),
                self,
            )
        )
        layout.addWidget(self.area, 1)

    def set_events(self, vignette: Vignette) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.boxes = {}
        headers = [self.tr("When"), self.tr("Event")] + [
            translate("TimelineTagsPage", TAG_LABELS[t]) for t in TIMELINE_TAGS
        ]
        for column, text in enumerate(headers):
            self.grid.addWidget(bold_label(text, self.inner), 0, column)
        events = sorted(vignette.timeline, key=lambda e: e.months)
        for row, event in enumerate(events, start=1):
            self.grid.addWidget(QLabel(months_text(event.months), self.inner), row, 0)
            marker = f" [{event.symptom_marker}]" if event.symptom_marker else ""
            notes = wrapped_label(f"{event.notes} ({vocab(event.type)}){marker}", self.inner)
            notes.setMinimumWidth(260)
            self.grid.addWidget(notes, row, 1)
            for column, tag in enumerate(TIMELINE_TAGS, start=2):
                label = translate("TimelineTagsPage", TAG_LABELS[tag])
                box = QCheckBox(self.inner)
                box.setAccessibleName(self.tr("{0}: {1}").format(event.notes, label))
                box.setToolTip(label)
                self.grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignCenter)
                self.boxes[(event.id, tag)] = box
        self.grid.setRowStretch(len(events) + 1, 1)

    def tag(self, event_id: str, tag: str, on: bool = True) -> None:
        self.boxes[(event_id, tag)].setChecked(on)

    def tags(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}
        for (event_id, tag), box in self.boxes.items():
            if box.isChecked():
                found[event_id] = (*found.get(event_id, ()), tag)
        return found
