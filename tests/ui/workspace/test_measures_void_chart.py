"""Measures page: asking before an incomplete record, voiding, and one chart for app and PDF."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from reportlab.graphics.shapes import Circle

from tests.reports.course import record_course
from tests.ui.session_support import session_for
from ui.tasks import TaskRunner
from ui.workspace.measures_page import MeasuresPage
from workbench.reports import charts
from workbench.services import episodes, measures, report_supervisor
from workbench.store.vault import Vault


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """What was announced to screen readers: (message, interrupts)."""
    heard: list[tuple[str, bool]] = []

    def spy(event: object) -> None:
        message = getattr(event, "message", None)
        if callable(message):
            urgent = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive  # type: ignore[attr-defined]
            heard.append((message(), urgent))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(spy))
    return heard


def page_for(qtbot, vault: Vault, runner: TaskRunner, held: int = 4) -> tuple[MeasuresPage, int]:
    client = record_course(vault, sessions_held=held)
    episode_id = episodes.current_episode(vault, client).id
    page = MeasuresPage(session_for(vault, runner), client, episode_id)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not runner.busy)
    return page, client


def test_an_incomplete_administration_is_recorded_only_when_confirmed(qtbot, vault, runner):
    page, _ = page_for(qtbot, vault, runner)
    rows = page.model.rowCount()
    for n in range(1, 9):
        page.form.answer(n, 1)
    asked: list[str] = []
    page.confirm_incomplete = lambda result: asked.append(result.instrument) or False  # type: ignore[method-assign]
    page.record_button.click()
    assert asked == ["PHQ-9"] and not runner.busy
    assert page.model.rowCount() == rows
    assert page.form.responses()[:8] == [1] * 8  # nothing typed is lost
    assert "Not recorded" in page.notice.text()


def test_recording_announces_the_result_and_a_new_flag(qtbot, vault, runner, said):
    page, _ = page_for(qtbot, vault, runner)
    for n, value in enumerate([1, 1, 1, 1, 1, 1, 1, 1, 2], start=1):
        page.form.answer(n, value)
    page.record_button.click()
    qtbot.waitUntil(lambda: "recorded" in page.notice.text() and not runner.busy)
    assert ("PHQ-9 recorded: 10.", False) in said
    assert any(urgent and "item 9 endorsed" in text for text, urgent in said)
    assert page.notice.accessibleName() in ("", page.notice.text())
    assert page.result.accessibleName() in ("", page.result.text())


def test_void_keeps_the_row_struck_through_and_drops_the_point(qtbot, vault, runner, said):
    page, _ = page_for(qtbot, vault, runner)
    given = measures.record(
        vault, page.episode_id, "PHQ-9", [3] * 8 + [0], administered_on="2026-02-03"
    )
    page.reload()
    qtbot.waitUntil(lambda: not runner.busy)
    assert ("PHQ-9", "2026-02-03", 24) in page.chart.plotted()
    page.history.select(given.administration_id)
    assert page.history.void_button.isEnabled()
    page.ask_void_reason = lambda row: "wrong client"  # type: ignore[method-assign]
    page.history.void_button.click()
    qtbot.waitUntil(lambda: "is void" in page.notice.text() and not runner.busy)
    assert ("PHQ-9", "2026-02-03", 24) not in page.chart.plotted()
    row = next(
        n
        for n in range(page.model.rowCount())
        if page.model.row_at(n).id == given.administration_id
    )
    font = page.model.index(row, 3).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()
    assert page.model.index(row, 4).data() == "void: wrong client"
    page.history.select(given.administration_id)
    assert not page.history.void_button.isEnabled()  # a void cannot be voided again
    assert any("is void" in text for text, _ in said)


def test_app_and_pdf_charts_plot_the_same_points(qtbot, vault, runner):
    page, client = page_for(qtbot, vault, runner, held=12)
    ep = page.episode_id
    measures.record(vault, ep, "PHQ-9", [1] * 8 + [None], administered_on="2026-03-30")
    void = measures.record(vault, ep, "PHQ-9", [3] * 9, administered_on="2026-03-31")
    measures.void(vault, void.administration_id, "duplicate")
    measures.record(vault, ep, "GAD-7", [1] * 7, administered_on="2026-04-01")  # no session
    page.reload()
    qtbot.waitUntil(lambda: not runner.busy)
    shown = page.chart.plotted()
    report = report_supervisor.supervisor_report(vault, client)
    assert shown == report.trend.plotted()
    assert len(shown) == len(measures.episode_trend(vault, ep).plotted()) >= 7
    assert ("GAD-7", "2026-04-01", 7) in shown
    assert not any(total == 27 for *_, total in shown)
    drawing = charts.trend_chart(report.trend, phase_markers=report.phase_markers)
    phq_points = sum(1 for i, _, _ in shown if i == "PHQ-9")
    circles = [c for c in drawing.contents if isinstance(c, Circle)]
    assert len(circles) == phq_points + 1  # every PHQ-9 point, and the legend's marker


def test_chart_and_history_never_squeeze_the_questionnaire(qtbot, vault, runner):
    page, _ = page_for(qtbot, vault, runner)
    page.resize(1300, 760)
    qtbot.waitUntil(lambda: page.history.isVisible())
    assert page.form_scroll.isVisible()  # wide: both, side by side
    page.resize(850, 700)
    qtbot.waitUntil(lambda: not page.history.isVisible())
    assert page.form_scroll.isVisible()  # narrow: the questionnaire first
    page.history_button.click()
    assert page.history.isVisible() and not page.form_scroll.isVisible()
    assert page.history_button.text() == "Back to the &questionnaire"
    page.resize(860, 700)
    assert page.history.isVisible()  # the clinician's choice stays
    page.history_button.click()
    assert page.form_scroll.isVisible() and not page.history.isVisible()
