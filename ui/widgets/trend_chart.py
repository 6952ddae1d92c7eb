"""Measure totals over time, painted with QPainter: a trend chart and a small sparkline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.widgets.date_fields import show_number

# Two hues that read on light and dark palettes; the line style and marker also differ,
# so the series never depend on colour alone. No green: nothing here means "safe".
SERIES_COLOURS = (QColor("#2f6fdf"), QColor("#d9640c"))


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[str, int], ...]  # (ISO date, total), date order


ToX = Callable[[str], float]
ToY = Callable[[int], float]


def _day(iso: str) -> int:
    return int(QDate.fromString(iso[:10], Qt.DateFormat.ISODate).toJulianDay())


class TrendChart(QWidget):
    """Totals of one or two instruments against dates, with band lines and session markers."""

    MARGINS = (40, 30, 16, 44)  # left, top, right, bottom

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[Series, ...] = ()
        self._sessions: tuple[tuple[int, str], ...] = ()
        self._maximum = 27
        self._cuts: tuple[int, ...] = (5, 10, 15, 20)
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Trend of measure totals"))
        self.empty_text = self.tr("No totals recorded yet.")

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def set_data(
        self,
        series: Sequence[Series],
        sessions: Sequence[tuple[int, str]] = (),
        *,
        maximum: int = 27,
        cuts: Sequence[int] = (5, 10, 15, 20),
    ) -> None:
        """*sessions* are (number, ISO date) markers; *cuts* the band boundaries drawn."""
        self._series = tuple(s for s in series if s.points)
        self._sessions = tuple(sessions)
        self._maximum, self._cuts = maximum, tuple(cuts)
        described = "; ".join(
            f"{s.name}: " + ", ".join(show_number(total) for _, total in s.points)
            for s in self._series
        )
        self.setAccessibleDescription(described)
        self.update()

    def clear(self) -> None:
        self.set_data(())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        left, top, right, bottom = self.MARGINS
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self._series:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        days = [_day(d) for s in self._series for d, _ in s.points]
        days += [_day(d) for _, d in self._sessions]
        first, last = min(days), max(days)
        if last - first < 7:
            first, last = first - 3, last + 4

        def x(iso: str) -> float:
            return plot.left() + (_day(iso) - first) / (last - first) * plot.width()

        def y(value: int) -> float:
            return plot.bottom() - value / self._maximum * plot.height()

        self._paint_axes(painter, plot, y, text)
        self._paint_sessions(painter, plot, x, text)
        self._paint_series(painter, x, y)
        self._paint_legend(painter, plot, text)
        self._paint_date_range(painter, plot, first, last, text)

    def _paint_axes(self, painter: QPainter, plot: QRectF, y: ToY, text: QColor) -> None:
        grid = QColor(text)
        grid.setAlpha(90)
        metrics = painter.fontMetrics()
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for value in (0, *self._cuts, self._maximum):
            level = y(value)
            if value not in (0, self._maximum):
                painter.setPen(QPen(grid, 1, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(plot.left(), level), QPointF(plot.right(), level))
            painter.setPen(text)
            label = QRectF(0, level - metrics.height() / 2, plot.left() - 6, metrics.height())
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                show_number(value),
            )

    def _paint_sessions(self, painter: QPainter, plot: QRectF, x: ToX, text: QColor) -> None:
        metrics = painter.fontMetrics()
        painter.setPen(QPen(text, 1))
        last_end = -1e9
        for number, iso in self._sessions:
            at = x(iso)
            painter.drawLine(QPointF(at, plot.bottom()), QPointF(at, plot.bottom() + 4))
            label = show_number(number)
            width = metrics.horizontalAdvance(label)
            if at - width / 2 > last_end + 4:  # skip labels that would overlap
                painter.drawText(
                    QPointF(at - width / 2, plot.bottom() + 4 + metrics.ascent()), label
                )
                last_end = at + width / 2

    def _paint_series(self, painter: QPainter, x: ToX, y: ToY) -> None:
        for n, series in enumerate(self._series):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            style = Qt.PenStyle.SolidLine if n % 2 == 0 else Qt.PenStyle.DashLine
            points = [QPointF(x(d), y(total)) for d, total in series.points]
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(colour, 2, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            painter.setPen(QPen(colour, 1))
            for point in points:
                self._marker(painter, point, n)

    @staticmethod
    def _marker(painter: QPainter, at: QPointF, n: int) -> None:
        if n % 2 == 0:
            painter.drawEllipse(at, 3.5, 3.5)
        else:
            painter.drawRect(QRectF(at.x() - 3.5, at.y() - 3.5, 7, 7))

    def _paint_legend(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        metrics = painter.fontMetrics()
        at = plot.left()
        base = plot.top() - 10
        for n, series in enumerate(self._series):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            painter.setBrush(colour)
            painter.setPen(QPen(colour, 1))
            self._marker(painter, QPointF(at + 4, base - metrics.ascent() / 2 + 1), n)
            painter.setPen(text)
            painter.drawText(QPointF(at + 12, base), series.name)
            at += 12 + metrics.horizontalAdvance(series.name) + 18
        caption = self.tr("session")
        painter.drawText(
            QPointF(plot.right() - metrics.horizontalAdvance(caption), plot.bottom() + 36), caption
        )

    def _paint_date_range(
        self, painter: QPainter, plot: QRectF, first: int, last: int, text: QColor
    ) -> None:
        locale = QLocale()
        fmt = QLocale.FormatType.ShortFormat
        start = locale.toString(QDate.fromJulianDay(first), fmt)
        end = locale.toString(QDate.fromJulianDay(last), fmt)
        base = plot.bottom() + 36
        painter.setPen(text)
        painter.drawText(QPointF(plot.left(), base), start)
        end_x = plot.left() + painter.fontMetrics().horizontalAdvance(start) + 24
        painter.drawText(QPointF(end_x, base), "– " + end)


class Sparkline(QWidget):
    """A small line of totals, oldest to newest, scaled to the instrument's maximum."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: tuple[int, ...] = ()
        self._maximum = 27
        self.setMinimumSize(120, 36)
        self.setMaximumWidth(150)
        self.setAccessibleName(self.tr("Totals over time"))

    def sizeHint(self) -> QSize:
        return QSize(160, 40)

    def set_values(self, values: Sequence[int], maximum: int) -> None:
        self._values, self._maximum = tuple(values), max(maximum, 1)
        self.setAccessibleDescription(", ".join(show_number(v) for v in self._values))
        self.update()

    def clear(self) -> None:
        self.set_values((), self._maximum)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pad = 4.0
        width, height = self.width() - 2 * pad, self.height() - 2 * pad
        step = width / max(len(self._values) - 1, 1)
        points = [
            QPointF(pad + n * step, pad + height - v / self._maximum * height)
            for n, v in enumerate(self._values)
        ]
        colour = SERIES_COLOURS[0]
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(pad, pad + height), QPointF(pad + width, pad + height))
        painter.setPen(QPen(colour, 1.5))
        for a, b in pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(colour)
        painter.drawEllipse(points[-1], 2.5, 2.5)
