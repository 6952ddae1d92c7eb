"""The trend chart's labels never overlap, at any width, with dense sessions and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

import pytest

from ui.widgets.trend_chart import TrendChart
from workbench.measures import trend


@dataclass(frozen=True)
class Given:
    instrument: str
    administered_on: str
    total: int | None
    session_id: int | None = None
    voided_at: str | None = None


def weekly(count: int, start: date = date(2026, 1, 5)) -> list[tuple[int, int, str]]:
    return [
        (100 + n, n, (start + timedelta(days=7 * (n - 1))).isoformat()) for n in range(1, count + 1)
    ]


@pytest.mark.parametrize("sessions", [3, 20, 60])
@pytest.mark.parametrize("width", [300, 420, 640, 900, 1400])
def test_no_two_labels_touch(qtbot, width: int, sessions: int) -> None:
    held = weekly(sessions)
    given = [Given("PHQ-9", day, (27 - n) % 28, sid) for sid, n, day in held]
    given += [Given("GAD-7", day, n % 22, sid) for sid, n, day in held[::4]]
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(width, 260)
    chart.set_trend(trend(given, held))
    layout = chart.chart_layout()
    assert layout is not None
    rects = [rect for rect, _ in layout.texts]
    assert len(rects) >= 6  # axis values, dates, session numbers and the legend are there
    for (a, text_a), (b, text_b) in combinations(layout.texts, 2):
        assert not a.intersects(b), (text_a, text_b, width)
    for rect, text in layout.texts:
        assert rect.left() >= 0 and rect.right() <= width, (text, width)
    dates = [t for r, t in layout.texts if r.top() > layout.plot.bottom() + 10]
    assert len(dates) >= 2  # the date axis keeps at least two labelled dates


def test_an_empty_chart_says_so(qtbot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(trend([Given("PHQ-9", "2026-01-05", None)], weekly(1)))
    assert chart.chart_layout() is None and chart.plotted() == ()
    assert chart.accessibleDescription() == ""
