"""The PDF trend chart: the core's points on a date axis, labels that never overlap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

import pytest
from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.measures import trend
from workbench.reports import charts


@dataclass(frozen=True)
class Given:
    instrument: str
    administered_on: str
    total: int | None
    session_id: int | None = None
    voided_at: str | None = None


def course(sessions: int) -> tuple[list[Given], list[tuple[int, int, str]]]:
    held = [
        (n, n, (date(2026, 1, 5) + timedelta(days=7 * (n - 1))).isoformat())
        for n in range(1, sessions + 1)
    ]
    return [Given("PHQ-9", day, 20 - n % 20, sid) for sid, n, day in held], held


@pytest.mark.parametrize("sessions", [2, 12, 40])
@pytest.mark.parametrize("width", [180, 300, 480])
def test_labels_on_a_row_never_overlap(width: float, sessions: int) -> None:
    given, held = course(sessions)
    drawing = charts.trend_chart(trend(given, held), width=width)
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for item in drawing.contents:
        if isinstance(item, String) and item.textAnchor == "middle":
            half = stringWidth(item.text, item.fontName, item.fontSize) / 2
            rows.setdefault(round(item.y, 1), []).append((item.x - half, item.x + half, item.text))
    assert rows
    for row in rows.values():
        row.sort()
        for (_, right, a), (left, _, b) in pairwise(row):
            assert right <= left, (a, b, width)


def test_relative_chart_names_weeks_not_dates() -> None:
    given, held = course(12)
    drawing = charts.trend_chart(trend(given, held).relative_to(held[0][2]), relative=True)
    texts = [item.text for item in drawing.contents if isinstance(item, String)]
    assert "week 1" in texts
    assert not any("Jan" in t or "2026" in t for t in texts)
