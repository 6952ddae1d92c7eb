"""A time axis of life events and measure totals (ipt-reference §8), painted with QPainter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.widgets.date_fields import show_number, to_qdate, vocab
from workbench.domain.inventory import TimelineEvent

LEFT, RIGHT, TOP, BOTTOM = 44.0, 18.0, 30.0, 30.0
EVENT_BAND = 46.0  # under the measure lines: life-event markers and their labels
MAX_TOTAL = 27  # PHQ-9's highest total; GAD-7 (21) shares the axis
SERIES = (QColor("#0f6cbd"), QColor("#c25e00"), QColor("#6b3fa0"), QColor("#2b7a3d"))
EVENT_INK = QColor("#5c5c5c")
ONSET_INK = QColor("#c42b1c")


@dataclass(frozen=True)
class Scale:
    """Maps dates to x and totals to y inside the plot rectangle."""

    plot: QRectF
    start: QDate
    end: QDate

    def x(self, day: QDate) -> float:
        days = max(1, self.start.daysTo(self.end))
        return self.plot.left() + self.plot.width() * self.start.daysTo(day) / days

    def y(self, total: int) -> float:
        return self.plot.bottom() - self.plot.height() * total / MAX_TOTAL


@dataclass(frozen=True)
class Total:
    instrument: str
    day: QDate
    total: int


def measure_total(event: TimelineEvent) -> Total | None:
    """A measure row of services.inventory.timeline ('PHQ-9 12') as a point; None if incomplete."""
    if event.event_type != "measure" or not event.symptom_marker:
        return None
    instrument, _, total = event.symptom_marker.rpartition(" ")
    day = to_qdate(event.event_date)
    if not total.isdigit() or not day.isValid():
        return None
    return Total(instrument, day, int(total))


class TimelineView(QWidget):
    """Events as markers along the bottom (bigger = more impact), totals as lines above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: list[TimelineEvent] = []
        self._totals: list[Total] = []
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Timeline of events and measure totals"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        return QSize(800, 320)

    def set_entries(self, entries: Sequence[TimelineEvent]) -> None:
        self._events = [e for e in entries if e.event_type != "measure"]
        self._totals = [t for t in map(measure_total, entries) if t is not None]
        self.setAccessibleDescription(
            self.tr("{0} life events and {1} measure totals").format(
                show_number(len(self._events)), show_number(len(self._totals))
            )
        )
        self.update()

    def clear(self) -> None:
        self._events, self._totals = [], []
        self.setAccessibleDescription("")
        self.update()

    def event_count(self) -> int:
        return len(self._events)

    # ----- painting --------------------------------------------------------------------------

    def _span(self) -> tuple[QDate, QDate]:
        days = [to_qdate(e.event_date) for e in self._events] + [t.day for t in self._totals]
        days = [d for d in days if d.isValid()]
        first, last = min(days), max(days)
        pad = max(7, first.daysTo(last) // 20)
        return first.addDays(-pad), last.addDays(pad)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        ink = palette.color(QPalette.ColorRole.Text)
        painter.setPen(ink)
        if not self._events and not self._totals:
            text = self.tr("No events or measures yet.")
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            return
        plot = QRectF(
            LEFT, TOP, self.width() - LEFT - RIGHT, self.height() - TOP - BOTTOM - EVENT_BAND
        )
        scale = Scale(plot, *self._span())
        self._axes(painter, scale, ink)
        self._events_band(painter, scale)
        self._lines(painter, scale)
        self._legend(painter, ink)

    def _axes(self, painter: QPainter, scale: Scale, ink: QColor) -> None:
        plot = scale.plot
        grid = QColor(ink)
        grid.setAlpha(40)
        painter.setPen(QPen(grid, 1))
        for total in (0, 5, 10, 15, 20, 25):
            y = scale.y(total)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(ink)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for total in (0, 10, 20):
            painter.drawText(QRectF(0, scale.y(total) - 8, LEFT - 6, 16), right, show_number(total))
        baseline = self.height() - BOTTOM
        painter.drawLine(QPointF(plot.left(), baseline), QPointF(plot.right(), baseline))
        locale = QLocale()
        start, end = scale.start, scale.end
        month = QDate(start.year(), start.month(), 1).addMonths(1)
        label_w = painter.fontMetrics().horizontalAdvance("MMM 0000") + 12
        room = max(1, int(plot.width() // label_w))
        step = max(1, (start.daysTo(end) // 30) // room + 1)
        while month <= end:
            x = scale.x(month)
            painter.drawLine(QPointF(x, baseline), QPointF(x, baseline + 4))
            box = QRectF(x - label_w / 2, baseline + 5, label_w, 18)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, locale.toString(month, "MMM yyyy"))
            month = month.addMonths(step)

    def _events_band(self, painter: QPainter, scale: Scale) -> None:
        mid = scale.plot.bottom() + 16
        metrics = painter.fontMetrics()
        for n, entry in enumerate(self._events):
            day = to_qdate(entry.event_date)
            if not day.isValid():
                continue
            x = scale.x(day)
            onset = entry.symptom_marker is not None
            colour = ONSET_INK if onset else EVENT_INK
            style = Qt.PenStyle.SolidLine if onset else Qt.PenStyle.DashLine
            painter.setPen(QPen(colour, 2 if onset else 1, style))
            painter.drawLine(QPointF(x, scale.plot.top()), QPointF(x, mid))
            size = 4 + (entry.impact or 0) * 0.8
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, mid - size),
                        QPointF(x + size, mid),
                        QPointF(x, mid + size),
                        QPointF(x - size, mid),
                    ]
                )
            )
            text = vocab(entry.event_type)
            if entry.symptom_marker:
                text = f"{vocab(entry.symptom_marker)}: {text}"
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 200)
            width = metrics.horizontalAdvance(text) + 4
            left = min(max(x - width / 2, 0.0), self.width() - width)
            top = mid + 12 + (n % 2) * metrics.height()  # alternate rows so neighbours clear
            painter.setPen(colour)
            painter.drawText(
                QRectF(left, top, width, metrics.height()), Qt.AlignmentFlag.AlignCenter, text
            )
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _lines(self, painter: QPainter, scale: Scale) -> None:
        for n, instrument in enumerate(self._instruments()):
            colour = SERIES[n % len(SERIES)]
            points = [
                QPointF(scale.x(t.day), scale.y(t.total))
                for t in self._totals
                if t.instrument == instrument
            ]
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(colour, 2))
            painter.drawPath(path)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _instruments(self) -> list[str]:
        return list(dict.fromkeys(t.instrument for t in self._totals))  # first recorded first

    def _legend(self, painter: QPainter, ink: QColor) -> None:
        x = LEFT
        metrics = painter.fontMetrics()
        items = [
            (SERIES[n % len(SERIES)], self.tr("{0} total").format(name))
            for n, name in enumerate(self._instruments())
        ]
        items += [
            (EVENT_INK, self.tr("life event (bigger = more impact)")),
            (ONSET_INK, self.tr("episode start/end")),
        ]
        for colour, text in items:
            painter.setPen(QPen(colour, 3))
            painter.drawLine(QPointF(x, 14), QPointF(x + 16, 14))
            painter.setPen(ink)
            painter.drawText(QPointF(x + 20, 18), text)
            x += 20 + metrics.horizontalAdvance(text) + 18
