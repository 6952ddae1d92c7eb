"""Measures and Risk pages on a real vault: official wording, live scores, flags, risk notes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.reports.course import record_course
from tests.ui.session_support import session_for
from tests.ui.workspace_driver import answer_yes_to_next_question
from ui.tasks import TaskRunner
from ui.workspace.measure_form import ChoiceForm, ScoreEntryForm
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.risk_page import RiskPage
from workbench.domain.risk import OFFLINE_NOTICE
from workbench.measures import INSTRUMENTS, PHQ_ATTRIBUTION
from workbench.services import episodes, measures, risk
from workbench.store.vault import Vault

RISK_WORDS = "Passive wish when exhausted"


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()  # before the vault closes


def course(vault: Vault, held: int) -> int:
    return episodes.current_episode(vault, record_course(vault, sessions_held=held)).id


def page_texts(page: QWidget) -> str:
    """Everything the page's widgets show or tell a screen reader, models included."""
    texts: list[str] = []
    for widget in [page, *page.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.index(r, c).data() or "")
                for r in range(model.rowCount())
                for c in range(model.columnCount())
            ]
    return "\n".join(texts)


def label_texts(widget: QWidget) -> list[str]:
    return [
        w.text() for w in widget.findChildren(QWidget) if isinstance(w, QLabel | QAbstractButton)
    ]


def measures_page(qtbot, vault, runner, episode_id) -> MeasuresPage:
    page = MeasuresPage(session_for(vault, runner), 1, episode_id)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not runner.busy)
    return page


def risk_page(qtbot, vault, runner, episode_id) -> RiskPage:
    page = RiskPage(session_for(vault, runner), 1, episode_id)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.flags_model.rowCount() > 0 and not runner.busy)
    return page


def choose(page: MeasuresPage, instrument: str) -> None:
    page.instrument.setCurrentIndex(page.instrument.findData(instrument))


# Measures ----------------------------------------------------------------------------------


def test_measures_page_loads_table_chart_and_sessions(qtbot, qtmodeltester, vault, runner):
    episode_id = course(vault, 12)
    page = measures_page(qtbot, vault, runner, episode_id)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 6  # PHQ-9 at 1, 4, 8, 12 and the last; GAD-7 at 1
    assert page.model.index(0, 2).data() == "PHQ-9"  # newest first
    assert page.model.index(0, 1).data() == "—"  # given without a session
    assert "PHQ-9: 18, 13, 8, 5, 2" in page.chart.accessibleDescription()
    assert "GAD-7: 11" in page.chart.accessibleDescription()
    assert page.session.count() == 13 and page.session.currentText().startswith("Session 12")
    assert page.date.date().toString("yyyy-MM-dd") == "2026-03-23"


@pytest.mark.parametrize("instrument", ["PHQ-9", "GAD-7"])
def test_phq_and_gad_show_the_official_wording(qtbot, vault, runner, instrument):
    episode_id = course(vault, 1)
    page = measures_page(qtbot, vault, runner, episode_id)
    choose(page, instrument)
    form = page.form
    definition = INSTRUMENTS[instrument]
    assert isinstance(form, ChoiceForm) and form.isVisibleTo(page)
    shown = label_texts(form)
    assert definition.stem in shown
    for item in definition.items:
        assert f"{item.number}. {item.text}" in shown
    for option in definition.items[0].options:
        assert option.label in shown
    assert "Not at all" in shown and "Not at all sure" not in shown
    assert definition.difficulty is not None and definition.difficulty.text in shown
    assert [o.label for o in definition.difficulty.options] == [
        t for t in shown if t.endswith("difficult") or t == "Not difficult at all"
    ]
    assert PHQ_ATTRIBUTION in shown


def test_hamd_and_epds_are_score_entry_without_epds_item_text(qtbot, vault, runner):
    episode_id = course(vault, 1)
    page = measures_page(qtbot, vault, runner, episode_id)
    choose(page, "EPDS")
    epds = page.form
    assert isinstance(epds, ScoreEntryForm)
    assert [t for t in label_texts(epds) if t.startswith("Item ")] == [
        f"Item {n}" for n in range(1, 11)
    ]
    assert INSTRUMENTS["EPDS"].notice in label_texts(epds)
    choose(page, "HAM-D-17")
    hamd = page.form
    assert isinstance(hamd, ScoreEntryForm) and "3. Suicide" in label_texts(hamd)
    for n, value in enumerate([2, 1, 0, 1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 0, 0, 0, 0], start=1):
        hamd.answer(n, value)
    assert page.result.text() == (
        "Total 15 of 52 · mild (HAM-D-17 empirical bands (Zimmerman et al. 2013))"
    )


def test_phq9_answers_give_the_total_and_band_and_item9_opens_a_flag(qtbot, vault, runner):
    episode_id = course(vault, 2)
    page = measures_page(qtbot, vault, runner, episode_id)
    before = len(risk.open_flags(vault, episode_id))
    form = page.form
    assert isinstance(form, ChoiceForm)
    answers = [2, 2, 2, 2, 1, 2, 1, 1, 1]
    for n, value in enumerate(answers[:8], start=1):
        form.groups[n - 1].button(value).click()
    assert page.result.text().startswith("Incomplete: no total (never prorated)")
    assert page.result.text().endswith("Unanswered: 9")
    form.groups[8].button(1).click()
    form.difficulty_group.button(1).click()
    assert page.result.text() == "Total 14 of 27 · moderate"

    page.record_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not runner.busy)
    assert "PHQ-9 item 9 endorsed: Several days — clinician review required" in (
        page.banner.lines.text()
    )
    assert "Risk page" in page.banner.hint.text()
    assert page.banner.notice.text() == OFFLINE_NOTICE
    assert len(risk.open_flags(vault, episode_id)) == before + 1
    given = measures.administrations(vault, episode_id, "PHQ-9")[-2]  # the last is undated
    assert given.total == 14 and given.responses[9] == 1
    assert page.result.text() == "No answers yet."  # the form is ready for the next one
    assert not re.search(r"\bsafe\b", page_texts(page), re.IGNORECASE)


def test_an_unanswered_item9_is_allowed_and_flagged(qtbot, vault, runner):
    episode_id = course(vault, 2)
    page = measures_page(qtbot, vault, runner, episode_id)
    page.session.setCurrentIndex(0)  # no session
    for n in range(1, 9):
        page.form.answer(n, 0)
    answer_yes_to_next_question()  # "Record an incomplete PHQ-9?"
    page.record_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not runner.busy)
    assert "PHQ-9 item 9 unanswered — clinician review required" in page.banner.lines.text()
    totals = [page.model.index(r, 3).data() for r in range(page.model.rowCount())]
    assert "incomplete" in totals


def test_an_empty_form_is_not_recorded(qtbot, vault, runner):
    episode_id = course(vault, 1)
    page = measures_page(qtbot, vault, runner, episode_id)
    page.record_button.click()
    assert not runner.busy
    assert page.notice.text() == "Enter at least one answer before recording."


def test_measures_clear_forgets_everything(qtbot, vault, runner):
    episode_id = course(vault, 12)
    page = measures_page(qtbot, vault, runner, episode_id)
    page.form.answer(1, 3)
    page.clear()
    assert page.model.rowCount() == 0
    assert page.chart.accessibleDescription() == ""
    assert [page.session.itemText(i) for i in range(page.session.count())] == ["No session"]
    assert page.form.responses() == [None] * 9
    assert "Session 12" not in page_texts(page)


# Risk --------------------------------------------------------------------------------------


def test_risk_page_lists_flags_open_first_and_signed_notes(qtbot, qtmodeltester, vault, runner):
    episode_id = course(vault, 12)
    page = risk_page(qtbot, vault, runner, episode_id)
    qtmodeltester.check(page.flags_model)
    qtmodeltester.check(page.notes_model)
    states = [page.flags_model.index(r, 0).data() for r in range(page.flags_model.rowCount())]
    assert states == ["open", "noted in a risk note"]
    assert page.notes_model.rowCount() == 1
    assert RISK_WORDS in page.note_text.toPlainText()
    assert page.banner.notice.text() == OFFLINE_NOTICE and not page.banner.isHidden()
    assert list(page.form.flag_boxes) == [risk.open_flags(vault, episode_id)[0].id]
    styles = " ".join(w.styleSheet() for w in page.findChildren(QWidget)).lower()
    assert "green" not in styles
    assert not re.search(r"\bsafe\b", page_texts(page), re.IGNORECASE)


def test_a_risk_note_with_a_one_word_field_is_refused(qtbot, vault, runner, monkeypatch):
    episode_id = course(vault, 12)
    page = risk_page(qtbot, vault, runner, episode_id)
    monkeypatch.setattr(page, "confirm_save", lambda: True)
    page.form.nature_boxes[0].setChecked(True)
    page.form.frequency.setPlainText("Asked directly; most evenings last week.")
    page.form.protective.setPlainText("Her garden.")
    page.form.formulation.setPlainText("ok")
    page.form.actions_text.setPlainText("Safety plan reviewed together.")
    page.form.follow_up_set.setChecked(True)
    with qtbot.waitSignal(page.message) as said:
        page.form.save_button.click()
    refusal = (
        "“Your summary in your own words” needs a few words of your own, "
        "not a blank or a single word."
    )
    assert said.args == [refusal]
    assert page.notice.text() == refusal
    assert not runner.busy
    assert len(risk.open_flags(vault, episode_id)) == 1
    assert page.form.protective.toPlainText() == "Her garden."  # nothing typed is lost


def test_a_proper_risk_note_closes_the_flag(qtbot, vault, runner, monkeypatch):
    episode_id = course(vault, 12)
    page = risk_page(qtbot, vault, runner, episode_id)
    monkeypatch.setattr(page, "confirm_save", lambda: True)
    form = page.form
    form.nature_boxes[0].setChecked(True)  # passive wish
    form.frequency.setPlainText("Twice this week, last on Sunday.")
    form.formulation.setPlainText("Ελένη: passive wish when her sister cancels; no plan.")
    form.protective.setPlainText("Her sister and the allotment.")
    form.actions_text.setPlainText("Safety plan reviewed together.")
    form.action_boxes[0].setChecked(True)  # safety plan reviewed
    form.follow_up_set.setChecked(True)
    page.form.save_button.click()
    qtbot.waitUntil(lambda: page.notes_model.rowCount() == 2 and not runner.busy)
    assert risk.open_flags(vault, episode_id) == []
    latest = risk.risk_notes(vault, episode_id)[0]
    assert latest.signed and latest.body["nature_of_thoughts"] == ["passive wish"]
    assert latest.body["action_checks"] == ["safety plan reviewed"]
    assert latest.body["follow_up_date"] is not None
    assert page.notice.text() == "Risk note signed; it closed 1 flag(s)."
    assert page.form.formulation.toPlainText() == ""
    assert page.form.flag_boxes == {}
    assert page.banner.title.isHidden() and not page.banner.notice.isHidden()


def test_risk_clear_leaves_no_client_text(qtbot, vault, runner):
    episode_id = course(vault, 12)
    page = risk_page(qtbot, vault, runner, episode_id)
    page.form.formulation.setPlainText("Ελένη said so")
    assert RISK_WORDS in page_texts(page)
    page.clear()
    shown = page_texts(page)
    for canary in (RISK_WORDS, "Her daughter", "Ελένη", "PHQ-9 item 9"):
        assert canary not in shown
