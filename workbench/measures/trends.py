"""Measure totals over time, one source for the app's chart and the PDF chart: which
administrations are plotted, the band lines and the session markers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from workbench.measures.registry import get_instrument

CHARTED = ("PHQ-9", "GAD-7")
DAY_STEPS = (1, 2, 7, 14)  # tick spacing in days, then in months
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
EPOCH = date(2000, 1, 3)  # day 1 of week 1 of a trend re-based to its episode's start


class Given(Protocol):
    """What the chart needs of one recorded administration."""

    @property
    def instrument(self) -> str: ...
    @property
    def administered_on(self) -> str: ...
    @property
    def total(self) -> int | None: ...
    @property
    def session_id(self) -> int | None: ...
    @property
    def voided_at(self) -> str | None: ...


@dataclass(frozen=True)
class TrendPoint:
    on: str  # ISO date the measure was given
    total: int
    session: int | None  # the session's number, when given at one


@dataclass(frozen=True)
class TrendSeries:
    instrument: str
    points: tuple[TrendPoint, ...]  # date order


@dataclass(frozen=True)
class Trend:
    """What a chart of totals draws: x is the date, y the total (0 to *maximum*)."""

    series: tuple[TrendSeries, ...]  # only instruments with at least one point
    sessions: tuple[tuple[int, str], ...]  # (number, ISO date) markers on the date axis
    maximum: int
    bands: tuple[tuple[int, str], ...]  # (lowest total, label) of the first charted instrument

    @property
    def empty(self) -> bool:
        return not self.series

    def span(self) -> tuple[date, date]:
        """First and last day on the axis: every point and session, at least a week apart."""
        days = [date.fromisoformat(p.on) for s in self.series for p in s.points]
        days += [date.fromisoformat(on) for _, on in self.sessions]
        if not days:
            today = date(2000, 1, 1)
            return today, today + timedelta(days=7)
        first, last = min(days), max(days)
        if (last - first).days < 7:
            first, last = first - timedelta(days=3), last + timedelta(days=4)
        return first, last

    def relative_to(self, start: str) -> Trend:
        """The same trend with every date moved so that *start* falls on EPOCH (for a
        de-identified report: weeks from the start, never the real dates)."""
        shift = EPOCH - date.fromisoformat(start[:10])

        def moved(on: str) -> str:
            return (date.fromisoformat(on) + shift).isoformat()

        return replace(
            self,
            series=tuple(
                TrendSeries(
                    s.instrument,
                    tuple(replace(p, on=moved(p.on)) for p in s.points),
                )
                for s in self.series
            ),
            sessions=tuple((number, moved(on)) for number, on in self.sessions),
        )

    def plotted(self) -> tuple[tuple[str, str, int], ...]:
        """(instrument, date, total) of every point, for comparing two drawings."""
        return tuple((s.instrument, p.on, p.total) for s in self.series for p in s.points)


def band_lines(instrument_id: str) -> tuple[tuple[int, str], ...]:
    """(lowest total, label) of each default band of the instrument: the chart's band lines."""
    return tuple((b.low, b.label) for b in get_instrument(instrument_id).default_bands.bands)


def counted(given: Given) -> bool:
    """A complete, non-void administration: the only kind a trend, total or outcome uses."""
    return given.total is not None and given.voided_at is None


def trend(
    given: Iterable[Given],
    sessions: Sequence[tuple[int, int, str]],
    instruments: Sequence[str] = CHARTED,
) -> Trend:
    """Chart data from administrations and the episode's (session id, number, date) rows.

    Every complete, non-void administration of *instruments* is a point at the date it was
    given, whether or not it belongs to a session; incomplete and voided ones never are.
    """
    numbers = {session_id: number for session_id, number, _ in sessions}
    chosen = [g for g in given if g.instrument in instruments and counted(g)]
    series = []
    for instrument in instruments:
        points = sorted(
            (
                TrendPoint(
                    g.administered_on[:10],
                    g.total or 0,
                    numbers.get(g.session_id) if g.session_id is not None else None,
                )
                for g in chosen
                if g.instrument == instrument
            ),
            key=lambda p: p.on,
        )
        if points:
            series.append(TrendSeries(instrument, tuple(points)))
    return Trend(
        series=tuple(series),
        sessions=tuple((number, day[:10]) for _, number, day in sessions),
        maximum=max(get_instrument(i).max_total for i in instruments),
        bands=band_lines(instruments[0]),
    )


def date_ticks(first: date, last: date, most: int) -> tuple[tuple[date, bool], ...]:
    """At most *most* evenly spaced tick days from *first* to *last*, and whether the spacing
    is in months (labels then name the month, not the day)."""
    most = max(most, 1)
    span = (last - first).days
    for step in DAY_STEPS:
        if span // step + 1 <= most:
            count = span // step + 1
            return tuple((first + timedelta(days=n * step), False) for n in range(count))
    for months in MONTH_STEPS:
        ticks = _month_starts(first, last, months)
        if len(ticks) <= most:
            return tuple((t, True) for t in ticks)
    return ((first, True),)


def _month_starts(first: date, last: date, months: int) -> list[date]:
    index = first.year * 12 + first.month - 1 + (first.day > 1)  # the first whole month
    index += -index % months  # aligned, so ticks fall on the same months at every width
    ticks = []
    while (day := date(index // 12, index % 12 + 1, 1)) <= last:
        ticks.append(day)
        index += months
    return ticks
