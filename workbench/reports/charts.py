"""Vector charts for reports: measure scores across sessions, and a plain start-to-now change."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.measures import Trend
from workbench.measures.trends import EPOCH, date_ticks
from workbench.reports import fonts, style

_DASHES: tuple[list[float] | None, ...] = (None, [4, 2], [1.2, 1.8], [6, 2, 1.5, 2])
_SHAPES = ("circle", "square", "triangle", "diamond")
_TICK, _BAND, _LEGEND, _MARK = 7.0, 6.5, 7.5, 5.5
_BAND_LINE = HexColor("#98A3B0")
_TRACK = HexColor("#EDF1F5")
_START_BAR = HexColor("#9AA8B8")


@dataclass(frozen=True)
class Series:
    """One measure over sessions: (session number, score or None for a gap)."""

    label: str
    points: Sequence[tuple[float, int | None]]


def _text(x: float, y: float, text: str, size: float, **kw: object) -> String:
    kw.setdefault("fontName", fonts.REGULAR)
    kw.setdefault("fillColor", style.MUTED)
    return String(x, y, text, fontSize=size, **kw)


def _marker(shape: str, x: float, y: float, colour: Color, r: float = 2.6) -> Circle | Polygon:
    common = {"fillColor": colour, "strokeColor": style.WHITE, "strokeWidth": 0.6}
    if shape == "circle":
        return Circle(x, y, r, **common)
    if shape == "square":
        s = r * 0.9
        return Polygon([x - s, y - s, x + s, y - s, x + s, y + s, x - s, y + s], **common)
    if shape == "triangle":
        t = r * 1.2
        return Polygon([x - t, y - t * 0.8, x + t, y - t * 0.8, x, y + t], **common)
    d = r * 1.25
    return Polygon([x, y - d, x + d, y, x, y + d, x - d, y], **common)


def _x_ticks(lo: float, hi: float) -> list[int]:
    span = hi - lo
    step = 1 if span <= 16 else 2 if span <= 32 else 5 if span <= 80 else 10
    return [k for k in range(math.ceil(lo), math.floor(hi) + 1) if step == 1 or k % step == 0]


def _spaced(
    labels: Sequence[tuple[float, str]], px: Callable[[float], float], size: float
) -> list[tuple[float, str]]:
    """The labels, left to right, without any whose text would touch the one before."""
    kept: list[tuple[float, str]] = []
    right_edge = -1e9
    for x, label in sorted(labels, key=lambda t: t[0]):
        half = stringWidth(label, fonts.REGULAR, size) / 2
        if px(x) - half >= right_edge + 3:
            kept.append((x, label))
            right_edge = px(x) + half
    return kept


def trend_chart(
    trend: Trend,
    *,
    phase_markers: Sequence[tuple[int, str]] = (),
    relative: bool = False,
    width: float = style.CONTENT_WIDTH,
    height: float = 200,
) -> Drawing:
    """The core's trend (the app's chart data) on a date axis, with session marks.

    *phase_markers* are (session number, phase) and sit at that session's date. *relative*
    labels the axis in weeks from EPOCH (a trend re-based with `Trend.relative_to`).
    """
    start, end = trend.span()
    day_of = {number: date.fromisoformat(on).toordinal() for number, on in trend.sessions}
    most = max(int(width // 46), 2)
    if relative:
        weeks = (end - EPOCH).days // 7 + 1
        step = max(-(-weeks // most), 1)
        ticks = [
            (float(EPOCH.toordinal() + 7 * week), f"week {week + 1}")
            for week in range(0, weeks + 1, step)
            if EPOCH.toordinal() + 7 * week >= start.toordinal() - 3
        ]
    else:
        ticks = [
            (float(d.toordinal()), d.strftime("%b %Y" if monthly else "%d %b").lstrip("0"))
            for d, monthly in date_ticks(start, end, most)
        ]
    return measure_chart(
        [
            Series(
                s.instrument,
                [(float(date.fromisoformat(p.on).toordinal()), p.total) for p in s.points],
            )
            for s in trend.series
        ],
        bands=trend.bands,
        max_score=trend.maximum,
        phase_markers=[(float(day_of[n]), label) for n, label in phase_markers if n in day_of],
        width=width,
        height=height,
        x_ticks=ticks,
        x_title="Weeks from the start" if relative else "Date given (small numbers: sessions)",
        session_marks=[(float(day_of[n]), str(n)) for n, _ in trend.sessions],
    )


def _band_label_ys(centres: list[float], gap: float, top: float) -> list[float]:
    """Label baselines: each band's centre, nudged up (then down from *top*) to never overlap."""
    ys: list[float] = []
    for c in centres:
        ys.append(max(c, ys[-1] + gap) if ys else c)
    for i in range(len(ys) - 1, -1, -1):
        limit = top if i == len(ys) - 1 else ys[i + 1] - gap
        ys[i] = min(ys[i], limit)
    return ys


def measure_chart(
    series: Sequence[Series],
    *,
    bands: Sequence[tuple[int, str]],
    max_score: int,
    phase_markers: Sequence[tuple[float, str]] = (),
    width: float = style.CONTENT_WIDTH,
    height: float = 200,
    x_ticks: Sequence[tuple[float, str]] | None = None,
    x_title: str = "Session",
    session_marks: Sequence[tuple[float, str]] = (),
) -> Drawing:
    """Scores (y, 0..max_score) by session (x): a line per series with point markers.

    Bands are (lower bound, label); each lower bound above 0 gets a dashed line and each band
    its label in the right margin. Phase markers are (x, label) dotted verticals. A None
    score leaves a gap in its line; no points at all draws empty axes with a note.
    *x_ticks* (x, label) replace the session-number ticks (a date axis); *session_marks*
    (x, number) are short marks with the number just above the axis. Labels never overlap.
    """
    fonts.register()
    drawing = style.new_drawing(width, height)
    max_score = max(max_score, 1)
    ordered = sorted(bands)
    band_w = max((stringWidth(b, fonts.REGULAR, _BAND) for _, b in ordered), default=0.0)
    left, right = 34.0, width - (band_w + 10 if ordered else 10)
    bottom = 26.0
    top = height - (16.0 if series else 4.0) - (12.0 if phase_markers else 0.0)

    xs = [x for s in series for x, _ in s.points] + [x for x, _ in phase_markers]
    xs += [x for x, _ in session_marks] + [x for x, _ in x_ticks or ()]
    lo, hi = (min(xs) - 0.5, max(xs) + 0.5) if xs else (0.5, 1.5)

    def px(x: float) -> float:
        return left + (x - lo) / (hi - lo) * (right - left)

    def py(v: float) -> float:
        return bottom + min(max(v, 0), max_score) / max_score * (top - bottom)

    # Band lines and labels; y ticks at 0, every band bound and the maximum.
    bounds = [b for b, _ in ordered if 0 < b < max_score]
    for b in bounds:
        drawing.add(
            Line(
                left,
                py(b),
                right,
                py(b),
                strokeColor=_BAND_LINE,
                strokeWidth=0.5,
                strokeDashArray=[3, 2.5],
            )
        )
    edges = [b for b, _ in ordered] + [max_score]
    centres = [(py(max(a, 0)) + py(b)) / 2 - _BAND / 3 for a, b in itertools.pairwise(edges)]
    for (_, label), y in zip(
        ordered, _band_label_ys(centres, _BAND + 1.5, top - _BAND), strict=True
    ):
        drawing.add(_text(right + 6, y, label, _BAND))
    last_y = -99.0
    for tick in [0, *bounds, max_score]:
        if py(tick) - last_y >= _TICK + 1:
            drawing.add(_text(left - 4, py(tick) - _TICK / 3, str(tick), _TICK, textAnchor="end"))
            drawing.add(
                Line(left - 2, py(tick), left, py(tick), strokeColor=style.INK, strokeWidth=0.5)
            )
            last_y = py(tick)
    title = Group(_text(0, 0, "Score", _TICK, textAnchor="middle"))
    title.transform = (0, 1, -1, 0, 9, (bottom + top) / 2)
    drawing.add(title)

    # Axes, x ticks and title.
    drawing.add(Line(left, bottom, left, top, strokeColor=style.INK, strokeWidth=0.6))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=style.INK, strokeWidth=0.6))
    ticks = x_ticks if x_ticks is not None else [(k, str(k)) for k in _x_ticks(lo, hi) if xs]
    for x, label in _spaced(ticks, px, _TICK):
        drawing.add(Line(px(x), bottom, px(x), bottom - 2, strokeColor=style.INK, strokeWidth=0.5))
        drawing.add(_text(px(x), bottom - 10, label, _TICK, textAnchor="middle"))
    for x, label in _spaced(session_marks, px, _MARK):
        drawing.add(
            Line(px(x), bottom, px(x), bottom + 2.5, strokeColor=style.INK, strokeWidth=0.5)
        )
        drawing.add(_text(px(x), bottom + 3.5, label, _MARK, textAnchor="middle"))
    drawing.add(_text((left + right) / 2, 2, x_title, _TICK, textAnchor="middle"))
    if not any(v is not None for s in series for _, v in s.points):
        note, cx, cy = "No scores recorded yet", (left + right) / 2, (bottom + top) / 2
        note_w = stringWidth(note, fonts.REGULAR, 8) + 12
        drawing.add(
            Rect(cx - note_w / 2, cy - 5, note_w, 14, fillColor=style.WHITE, strokeColor=None)
        )
        drawing.add(_text(cx, cy, note, 8, textAnchor="middle"))

    # Phase markers: dotted verticals, labels above the plot, cut short before the next one.
    marks = sorted(phase_markers)
    for i, (x, label) in enumerate(marks):
        drawing.add(
            Line(
                px(x),
                bottom,
                px(x),
                top + 2,
                strokeColor=style.MUTED,
                strokeWidth=0.7,
                strokeDashArray=[1, 2],
            )
        )
        room = (px(marks[i + 1][0]) if i + 1 < len(marks) else width) - px(x) - 6
        text = style.fit(label, fonts.ITALIC, _TICK, max(room, 8))
        drawing.add(_text(px(x) + 2, top + 4, text, _TICK, fontName=fonts.ITALIC))

    # Series: polylines split at gaps, then markers on top; legend in the top row.
    legend_x = left
    for i, s in enumerate(series):
        colour = style.SERIES_COLOURS[i % len(style.SERIES_COLOURS)]
        dash, shape = _DASHES[i % len(_DASHES)], _SHAPES[i % len(_SHAPES)]
        segment: list[float] = []
        segments = [segment]
        for x, v in sorted(s.points, key=lambda p: p[0]):
            if v is None:
                segment = []
                segments.append(segment)
            else:
                segment += [px(x), py(v)]
        for seg in (seg for seg in segments if len(seg) >= 4):
            drawing.add(
                PolyLine(
                    seg, strokeColor=colour, strokeWidth=1.4, strokeDashArray=dash, strokeLineJoin=1
                )
            )
        for x, v in s.points:
            if v is not None:
                drawing.add(_marker(shape, px(x), py(v), colour))
        label_w = stringWidth(s.label, fonts.REGULAR, _LEGEND)
        y = height - 9
        drawing.add(
            Line(
                legend_x,
                y + 2.5,
                legend_x + 20,
                y + 2.5,
                strokeColor=colour,
                strokeWidth=1.4,
                strokeDashArray=dash,
            )
        )
        drawing.add(_marker(shape, legend_x + 10, y + 2.5, colour))
        drawing.add(_text(legend_x + 24, y, s.label, _LEGEND, fillColor=style.INK))
        legend_x += 24 + label_w + 16
    return drawing


def small_change_chart(
    baseline: int | None,
    latest: int | None,
    *,
    max_score: int,
    title: str = "",
    labels: tuple[str, str] = ("Start", "Now"),
    width: float = 220,
    height: float = 140,
) -> Drawing:
    """Two plain bars, start → now, each on a pale track showing the full scale ('of 27')."""
    fonts.register()
    drawing = style.new_drawing(width, height)
    max_score = max(max_score, 1)
    top = height - (16 if title else 4) - 14
    bottom = 30.0
    if title:
        drawing.add(
            _text(
                width / 2,
                height - 10,
                style.fit(title, fonts.BOLD, 8.5, width),
                8.5,
                fontName=fonts.BOLD,
                fillColor=style.INK,
                textAnchor="middle",
            )
        )
    bar_w = min(46.0, width / 5)
    for i, (value, label, colour) in enumerate(
        zip((baseline, latest), labels, (_START_BAR, style.ACCENT), strict=True)
    ):
        cx = width * (0.3 if i == 0 else 0.7)
        drawing.add(
            Rect(cx - bar_w / 2, bottom, bar_w, top - bottom, fillColor=_TRACK, strokeColor=None)
        )
        if value is None:
            shown = "not recorded"
        else:
            h = min(max(value, 0), max_score) / max_score * (top - bottom)
            drawing.add(Rect(cx - bar_w / 2, bottom, bar_w, h, fillColor=colour, strokeColor=None))
            drawing.add(
                _text(
                    cx,
                    bottom + h + 4,
                    str(value),
                    11,
                    fontName=fonts.BOLD,
                    fillColor=style.INK,
                    textAnchor="middle",
                )
            )
            shown = f"out of {max_score}"
        drawing.add(
            _text(
                cx,
                bottom - 12,
                style.fit(label, fonts.BOLD, 8, width * 0.38),
                8,
                fontName=fonts.BOLD,
                fillColor=style.INK,
                textAnchor="middle",
            )
        )
        drawing.add(_text(cx, bottom - 22, shown, 7, textAnchor="middle"))
    mid_y = bottom + (top - bottom) / 2
    drawing.add(
        Line(width * 0.45, mid_y, width * 0.55, mid_y, strokeColor=style.MUTED, strokeWidth=1)
    )
    tip = width * 0.55
    drawing.add(
        Polygon(
            [tip, mid_y, tip - 5, mid_y + 3, tip - 5, mid_y - 3],
            fillColor=style.MUTED,
            strokeColor=None,
        )
    )
    return drawing
