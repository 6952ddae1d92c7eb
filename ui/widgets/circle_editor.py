"""The closeness circle (ipt-reference §7.2): three rings round the client, people as dots."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ui.widgets.announce import announce
from workbench.domain.inventory import Placement

CENTRE_R = 24.0
RADII = (110.0, 180.0, 245.0)  # outer edge of ring 1 (closest), 2 and 3
MARGIN = 70.0
DOT_R = 8.0
MAX_LABEL = 18
RING_FILLS = ("#dbe6f3", "#e8eff7", "#f5f8fb")
INK = QColor("#1f1f1f")
LINES = {
    "supportive": (QColor("#4a6a8f"), Qt.PenStyle.SolidLine),
    "conflict": (QColor("#c42b1c"), Qt.PenStyle.DashLine),
    "deceased": (QColor("#7a7574"), Qt.PenStyle.DotLine),
}


@dataclass(frozen=True)
class CircleEntry:
    """One person shown on the circle: id, label, ring 1-3 and line style."""

    person_id: int
    label: str
    ring: int
    line_style: str = "supportive"


RING_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}
STEP_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}  # up: closer to the client
PICK_KEYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}


def ring_at(distance: float) -> int:
    """The ring a drop at *distance* from the centre lands in (outside the circle: ring 3)."""
    for ring, outer in enumerate(RADII, start=1):
        if distance <= outer:
            return ring
    return len(RADII)


def ring_middle(ring: int) -> float:
    inner = CENTRE_R if ring == 1 else RADII[ring - 2]
    return (inner + RADII[ring - 1]) / 2


def short_label(label: str) -> str:
    text = " ".join(label.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


class PersonDot(QGraphicsObject):
    """A draggable dot with its label; the editor snaps it into a ring when it is dropped."""

    dropped = Signal(int)  # person id

    def __init__(self, entry: CircleEntry, movable: bool) -> None:
        super().__init__()
        self.person_id = entry.person_id
        self.line_style = entry.line_style
        self.ring = entry.ring
        self.label = short_label(entry.label)
        self._font = QFont()
        self._font.setPointSizeF(9)
        metrics = QFontMetricsF(self._font)
        self._text_w = metrics.horizontalAdvance(self.label) + 8
        self._text_h = metrics.height() + 2
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, movable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.setCursor(Qt.CursorShape.OpenHandCursor if movable else Qt.CursorShape.ArrowCursor)
        self.setToolTip(entry.label)
        self.setZValue(2)

    def boundingRect(self) -> QRectF:
        width = max(self._text_w, DOT_R * 2) + 2
        reach = DOT_R + self._text_h + 4  # the label sits above or below, away from the centre
        return QRectF(-width / 2, -reach, width, reach * 2)

    def _label_box(self) -> QRectF:
        if self.pos().y() < 0:  # above the centre: label above the dot
            return QRectF(-self._text_w / 2, -DOT_R - 2 - self._text_h, self._text_w, self._text_h)
        return QRectF(-self._text_w / 2, DOT_R + 2, self._text_w, self._text_h)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.update()
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colour, _ = LINES.get(self.line_style, LINES["supportive"])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPen(QColor("#0f6cbd"), 3) if self.isSelected() else QPen(QColor("#ffffff"), 1.5)
        painter.setPen(outline)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(QPointF(0, 0), DOT_R, DOT_R)
        box = self._label_box()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(INK)
        painter.setFont(self._font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.label)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            self.dropped.emit(self.person_id)


class CircleEditor(QGraphicsView):
    """Drag people between rings (or use `move_person`); `placements()` is what a snapshot saves."""

    placement_changed = Signal(int, int)  # person id, ring
    person_selected = Signal(int)  # person id, 0 when none

    def __init__(self, parent: QWidget | None = None, *, editable: bool = True) -> None:
        super().__init__(parent)
        self._editable = editable
        self._scene = QGraphicsScene(self)
        extent = RADII[-1] + MARGIN
        self._scene.setSceneRect(-extent, -extent, extent * 2, extent * 2)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(260, 260)
        self._dots: dict[int, PersonDot] = {}
        self._lines: dict[int, QGraphicsLineItem] = {}
        self._draw_rings()
        self._scene.selectionChanged.connect(self._selection_changed)
        self.setAccessibleName(
            self.tr("Closeness circle editor") if editable else self.tr("Closeness circle snapshot")
        )
        if editable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setAccessibleDescription(
                self.tr(
                    "Left and Right arrows choose a person; Up and Down move them closer or "
                    "farther; 1, 2 or 3 puts them in that ring."
                )
            )

    def _draw_rings(self) -> None:
        for radius, fill in zip(reversed(RADII), reversed(RING_FILLS), strict=True):
            ring = QGraphicsEllipseItem(-radius, -radius, radius * 2, radius * 2)
            ring.setBrush(QColor(fill))
            ring.setPen(QPen(QColor("#9fb4cc"), 1))
            ring.setZValue(0)
            self._scene.addItem(ring)
        centre = QGraphicsEllipseItem(-CENTRE_R, -CENTRE_R, CENTRE_R * 2, CENTRE_R * 2)
        centre.setBrush(QColor("#0f6cbd"))
        centre.setPen(QPen(Qt.PenStyle.NoPen))
        centre.setZValue(1.5)
        self._scene.addItem(centre)
        label = self._scene.addSimpleText(self.tr("Client"))
        label.setBrush(QColor("#ffffff"))
        label.setPos(-label.boundingRect().width() / 2, -label.boundingRect().height() / 2)
        label.setZValue(1.6)

    # ----- content ---------------------------------------------------------------------------

    def set_people(self, entries: Sequence[CircleEntry]) -> None:
        """Show *entries*; people in one ring are spread evenly round it."""
        self.clear()
        by_ring: dict[int, list[CircleEntry]] = {}
        for entry in entries:
            by_ring.setdefault(entry.ring, []).append(entry)
        for ring, members in by_ring.items():
            start = -math.pi / 2 + ring * 0.45
            for n, entry in enumerate(members):
                angle = start + 2 * math.pi * n / len(members)
                self._add(entry, angle)

    def _add(self, entry: CircleEntry, angle: float) -> None:
        dot = PersonDot(entry, self._editable)
        radius = ring_middle(entry.ring)
        dot.setPos(radius * math.cos(angle), radius * math.sin(angle))
        dot.dropped.connect(self._snap)
        dot.xChanged.connect(lambda d=dot: self._follow(d))
        dot.yChanged.connect(lambda d=dot: self._follow(d))
        line = QGraphicsLineItem()
        line.setZValue(1)
        self._scene.addItem(line)
        self._scene.addItem(dot)
        self._dots[entry.person_id] = dot
        self._lines[entry.person_id] = line
        self._style_line(dot)
        self._follow(dot)

    def _follow(self, dot: PersonDot) -> None:
        line = self._lines.get(dot.person_id)
        if line is not None:
            line.setLine(0, 0, dot.pos().x(), dot.pos().y())

    def _style_line(self, dot: PersonDot) -> None:
        colour, pen_style = LINES.get(dot.line_style, LINES["supportive"])
        pen = QPen(colour, 2, pen_style)
        self._lines[dot.person_id].setPen(pen)
        dot.update()

    def clear(self) -> None:
        """Remove every person (and their labels) from the scene."""
        for item in [*self._dots.values(), *self._lines.values()]:
            self._scene.removeItem(item)
        self._dots.clear()
        self._lines.clear()

    # ----- placing ---------------------------------------------------------------------------

    def _snap(self, person_id: int) -> None:
        dot = self._dots[person_id]
        self._place(dot, ring_at(math.hypot(dot.pos().x(), dot.pos().y())))

    def _place(self, dot: PersonDot, ring: int) -> None:
        angle = math.atan2(dot.pos().y(), dot.pos().x())
        radius = ring_middle(ring)
        dot.setPos(radius * math.cos(angle), radius * math.sin(angle))
        changed = ring != dot.ring
        dot.ring = ring
        if changed:
            self.placement_changed.emit(dot.person_id, ring)

    def drop_person(self, person_id: int, scene_point: QPointF) -> None:
        """What a drag ends with: the person lands at *scene_point* and snaps into its ring."""
        dot = self._dots[person_id]
        dot.setPos(scene_point)
        self._snap(person_id)

    def move_person(self, person_id: int, ring: int) -> None:
        """Put a person in *ring* (1 closest to 3), keeping their direction round the circle."""
        self._place(self._dots[person_id], ring)

    def set_line_style(self, person_id: int, style: str) -> None:
        dot = self._dots[person_id]
        dot.line_style = style
        self._style_line(dot)

    def placements(self) -> list[Placement]:
        return [Placement(d.person_id, d.ring, d.line_style) for d in self._dots.values()]

    def dot(self, person_id: int) -> PersonDot:
        return self._dots[person_id]

    def select_person(self, person_id: int) -> None:
        dot = self._dots.get(person_id)
        if dot is not None and self._scene.selectedItems() == [dot]:
            return
        self._scene.clearSelection()
        if dot is not None:
            dot.setSelected(True)

    def _selection_changed(self) -> None:
        chosen = [i for i in self._scene.selectedItems() if isinstance(i, PersonDot)]
        self.person_selected.emit(chosen[0].person_id if chosen else 0)

    # ----- keyboard --------------------------------------------------------------------------

    def _ordered(self) -> list[PersonDot]:
        """People ring by ring, clockwise from the top: the order Left and Right walk."""

        def clockwise(dot: PersonDot) -> float:
            return (math.atan2(dot.pos().y(), dot.pos().x()) + math.pi / 2) % (2 * math.pi)

        return sorted(self._dots.values(), key=lambda dot: (dot.ring, clockwise(dot)))

    def _chosen(self) -> PersonDot | None:
        chosen = [i for i in self._scene.selectedItems() if isinstance(i, PersonDot)]
        return chosen[0] if chosen else None

    def describe(self, dot: PersonDot) -> str:
        """'Sam: ring 2 of 3' — what a screen reader says about a person on the circle."""
        return self.tr("{0}: ring {1} of {2}").format(dot.toolTip(), dot.ring, len(RADII))

    def _pick(self, dot: PersonDot) -> None:
        self.select_person(dot.person_id)
        self.ensureVisible(dot)
        announce(self, self.describe(dot))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, dots, chosen = Qt.Key(event.key()), self._ordered(), self._chosen()
        if not self._editable or not dots:
            super().keyPressEvent(event)
        elif key in PICK_KEYS and chosen in dots:
            self._pick(dots[(dots.index(chosen) + PICK_KEYS[key]) % len(dots)])
        elif key in PICK_KEYS:
            self._pick(dots[0] if PICK_KEYS[key] > 0 else dots[-1])
        elif chosen is not None and (key in STEP_KEYS or key in RING_KEYS):
            ring = RING_KEYS.get(key) or chosen.ring + STEP_KEYS[key]
            self._place(chosen, max(1, min(len(RADII), ring)))
            announce(self, self.describe(chosen))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        dots, chosen = self._ordered(), self._chosen()
        if self._editable and dots:
            self._pick(chosen or dots[0])  # says who is chosen, and where

    # ----- view ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.viewport().update()
