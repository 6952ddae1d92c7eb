"""Chart data in the core: which administrations are plotted, bands, date ticks, re-basing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.measures import INSTRUMENTS, band_lines, trend
from workbench.measures.trends import EPOCH, date_ticks


@dataclass(frozen=True)
class Given:
    instrument: str
    administered_on: str
    total: int | None
    session_id: int | None = None
    voided_at: str | None = None


SESSIONS = [(11, 1, "2026-01-05"), (12, 2, "2026-01-12"), (13, 3, "2026-01-19")]


def test_only_complete_non_void_administrations_are_points_by_date() -> None:
    found = trend(
        [
            Given("PHQ-9", "2026-01-12", 14, 12),
            Given("PHQ-9", "2026-01-05", 18, 11),
            Given("PHQ-9", "2026-01-19", None, 13),  # incomplete
            Given("PHQ-9", "2026-01-20", 27, None, "2026-01-21T10:00:00Z"),  # void
            Given("PHQ-9", "2026-01-26", 9),  # given without a session: still a point
            Given("GAD-7", "2026-01-05", 11, 11),
            Given("EPDS", "2026-01-05", 12, 11),  # not charted
        ],
        SESSIONS,
    )
    assert found.plotted() == (
        ("PHQ-9", "2026-01-05", 18),
        ("PHQ-9", "2026-01-12", 14),
        ("PHQ-9", "2026-01-26", 9),
        ("GAD-7", "2026-01-05", 11),
    )
    assert [p.session for p in found.series[0].points] == [1, 2, None]
    assert found.sessions == ((1, "2026-01-05"), (2, "2026-01-12"), (3, "2026-01-19"))
    assert found.maximum == 27
    assert found.bands == band_lines("PHQ-9")


def test_bands_come_from_the_instrument_definition() -> None:
    assert band_lines("PHQ-9") == (
        (0, "minimal/none"),
        (5, "mild"),
        (10, "moderate"),
        (15, "moderately severe"),
        (20, "severe"),
    )
    assert [low for low, _ in band_lines("GAD-7")] == [
        b.low for b in INSTRUMENTS["GAD-7"].default_bands.bands
    ]


def test_no_points_is_empty_and_a_short_span_is_widened() -> None:
    empty = trend([Given("PHQ-9", "2026-01-05", None)], SESSIONS[:1])
    assert empty.empty and empty.plotted() == ()
    first, last = empty.span()
    assert (last - first).days >= 7 and first <= date(2026, 1, 5) <= last


def test_date_ticks_never_exceed_the_room_and_months_stay_put() -> None:
    start, end = date(2026, 1, 5), date(2026, 9, 20)
    for most in range(1, 40):
        ticks = date_ticks(start, end, most)
        assert 1 <= len(ticks) <= max(most, 1)
        assert all(start <= day <= end for day, _ in ticks)
    monthly = [day for day, by_month in date_ticks(start, end, 6) if by_month]
    assert monthly and all(day.day == 1 for day in monthly)
    assert set(date_ticks(start, end, 4)) <= set(date_ticks(start, end, 9))  # aligned months
    weekly = date_ticks(date(2026, 1, 5), date(2026, 2, 2), 6)
    assert [d.day for d, _ in weekly] == [5, 12, 19, 26, 2]


def test_relative_trend_counts_from_the_start_and_keeps_no_real_date() -> None:
    found = trend([Given("PHQ-9", "2026-01-12", 14, 12)], SESSIONS).relative_to("2026-01-05")
    assert found.plotted() == (("PHQ-9", (EPOCH.replace(day=EPOCH.day + 7)).isoformat(), 14),)
    assert found.sessions[0] == (1, EPOCH.isoformat())
    assert "2026" not in repr(found)
