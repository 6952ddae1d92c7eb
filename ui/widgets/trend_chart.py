"""Measure totals over time, painted with QPainter: a trend chart and a small sparkline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.widgets.date_fields import show_number
from workbench.measures import Trend
from workbench.measures.trends import date_ticks

# Two hues that read on light and dark palettes; the line style and marker also differ,
# so the series never depend on colour alone. No green: nothing here means "safe".
SERIES_COLOURS = (QColor("#2f6fdf"), QColor("#d9640c"))


@dataclass(frozen=True)
class ChartLayout:
    """Where everything goes at one size: the plot and every text label's rectangle."""

    plot: QRectF
    first: int  # julian days at the plot's left and right edges
    last: int
    texts: tuple[tuple[QRectF, str], ...]  # axis values, dates, session numbers, legend

    def x(self, iso: str) -> float:
        return self.plot.left() + (_day(iso) - self.first) / (self.last - self.first) * (
            self.plot.width()
        )


def _day(iso: str) -> int:
    return int(QDate.fromString(iso[:10], Qt.DateFormat.ISODate).toJulianDay())


def _iso(day: date) -> str:
    return day.isoformat()


class TrendChart(QWidget):
    """Totals of PHQ-9 and GAD-7 against a date axis, with band lines and session markers.

    What is plotted comes from the core (`workbench.measures.Trend`), the same data the PDF
    chart draws. Labels are placed so that none overlaps another, at any width.
    """

    LEFT, TOP, RIGHT = 34, 26, 14
    GAP = 8  # at least this much space between two labels on a row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend: Trend | None = None
        self.setMinimumSize(300, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Trend of measure totals"))
        self.empty_text = self.tr("No totals recorded yet.")

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def set_trend(self, trend: Trend | None) -> None:
        self.trend = trend if trend is not None and not trend.empty else None
        described = "; ".join(
            f"{s.instrument}: " + ", ".join(show_number(p.total) for p in s.points)
            for s in (trend.series if trend else ())
        )
        self.setAccessibleDescription(described)
        self.update()

    def clear(self) -> None:
        self.set_trend(None)

    def plotted(self) -> tuple[tuple[str, str, int], ...]:
        """(instrument, date, total) of every point drawn."""
        return self.trend.plotted() if self.trend else ()

    def chart_layout(self, width: int | None = None) -> ChartLayout | None:
        """The layout at *width* (default: the widget's); None with nothing to plot."""
        trend = self.trend
        if trend is None:
            return None
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        width = self.width() if width is None else width
        bottom = 2 * line + 10  # session numbers, then dates
        plot = QRectF(
            self.LEFT, self.TOP, width - self.LEFT - self.RIGHT, self.height() - self.TOP - bottom
        )
        start, end = trend.span()
        first, last = _day(_iso(start)), _day(_iso(end))
        texts: list[tuple[QRectF, str]] = []
        layout = ChartLayout(plot, first, last, ())
        for value in (0, *(low for low, _ in trend.bands if low > 0), trend.maximum):
            level = self._y(plot, value, trend.maximum)
            texts.append((QRectF(0, level - line / 2, self.LEFT - 6, line), show_number(value)))
        texts += self._row(metrics, plot.bottom() + 4, self._session_labels(trend, layout))
        texts += self._row(metrics, plot.bottom() + 6 + line, self._date_labels(plot, start, end))
        at = plot.left()
        for series in trend.series:
            advance = metrics.horizontalAdvance(series.instrument)
            texts.append(
                (QRectF(at + 12, plot.top() - 10 - line, advance, line), series.instrument)
            )
            at += 12 + advance + 18
        caption = self.tr("sessions: numbers under the axis")
        advance = metrics.horizontalAdvance(caption)
        if at + advance <= plot.right():
            texts.append(
                (QRectF(plot.right() - advance, plot.top() - 10 - line, advance, line), caption)
            )
        return ChartLayout(plot, first, last, tuple(texts))

    def _session_labels(self, trend: Trend, layout: ChartLayout) -> list[tuple[float, str]]:
        return [(layout.x(on), show_number(number)) for number, on in trend.sessions]

    def _date_labels(self, plot: QRectF, start: date, end: date) -> list[tuple[float, str]]:
        metrics = QFontMetricsF(self.font())
        locale = QLocale()
        widest = metrics.horizontalAdvance(locale.toString(QDate(2000, 12, 28), "d MMM yyyy"))
        most = int(plot.width() // (widest + self.GAP)) + 1
        first, last = _day(_iso(start)), _day(_iso(end))
        labels = []
        for day, monthly in date_ticks(start, end, most):
            shown = QDate(day.year, day.month, day.day)
            text = locale.toString(shown, "MMM yyyy" if monthly else "d MMM")
            x = plot.left() + (shown.toJulianDay() - first) / (last - first) * plot.width()
            labels.append((x, text))
        return labels

    def _row(
        self, metrics: QFontMetricsF, top: float, labels: list[tuple[float, str]]
    ) -> list[tuple[QRectF, str]]:
        """Centred labels on one row, skipping any that would touch the one before."""
        placed: list[tuple[QRectF, str]] = []
        right_edge = -1e9
        for x, text in labels:
            advance = metrics.horizontalAdvance(text)
            left = min(max(x - advance / 2, 0.0), self.width() - advance)
            if left < right_edge + self.GAP:
                continue
            placed.append((QRectF(left, top, advance, metrics.height()), text))
            right_edge = left + advance
        return placed

    @staticmethod
    def _y(plot: QRectF, value: int, maximum: int) -> float:
        return plot.bottom() - value / maximum * plot.height()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        layout, trend = self.chart_layout(), self.trend
        if layout is None or trend is None:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        plot = layout.plot
        grid = QColor(text)
        grid.setAlpha(90)
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DashLine))
        for low, _ in trend.bands:
            if 0 < low < trend.maximum:
                level = self._y(plot, low, trend.maximum)
                painter.drawLine(QPointF(plot.left(), level), QPointF(plot.right(), level))
        painter.setPen(QPen(text, 1))
        for _, on in trend.sessions:
            at = layout.x(on)
            painter.drawLine(QPointF(at, plot.bottom()), QPointF(at, plot.bottom() + 4))
        self._paint_series(painter, layout, trend)
        painter.setPen(text)
        for rect, label in layout.texts:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        self._paint_legend_marks(painter, layout, trend)

    def _paint_series(self, painter: QPainter, layout: ChartLayout, trend: Trend) -> None:
        for n, series in enumerate(trend.series):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            style = Qt.PenStyle.SolidLine if n % 2 == 0 else Qt.PenStyle.DashLine
            points = [
                QPointF(layout.x(p.on), self._y(layout.plot, p.total, trend.maximum))
                for p in series.points
            ]
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

    def _paint_legend_marks(self, painter: QPainter, layout: ChartLayout, trend: Trend) -> None:
        names = {s.instrument: n for n, s in enumerate(trend.series)}
        for rect, label in layout.texts:
            n = names.get(label)
            if n is not None and rect.top() < layout.plot.top():
                colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
                painter.setBrush(colour)
                painter.setPen(QPen(colour, 1))
                self._marker(painter, QPointF(rect.left() - 8, rect.center().y()), n)

    @staticmethod
    def _marker(painter: QPainter, at: QPointF, n: int) -> None:
        if n % 2 == 0:
            painter.drawEllipse(at, 3.5, 3.5)
        else:
            painter.drawRect(QRectF(at.x() - 3.5, at.y() - 3.5, 7, 7))


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
