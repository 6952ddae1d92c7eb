"""Risk note, addendum and measure answers being typed survive an idle lock; signing drops them."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.support import PASSPHRASE
from tests.ui.conftest import Unlock, widget_texts
from tests.ui.workspace_driver import answer_yes_to_next_question, idle, show_page, wait_for
from ui.views.main_window import MainWindow
from ui.workspace.measure_form import ChoiceForm
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.risk_page import RiskPage
from ui.workspace.sessions_page import SessionsPage
from workbench.errors import DiskFull
from workbench.services import form_drafts as draft_service
from workbench.services.form_drafts import ADDENDUM, MEASURE, RISK_NOTE, load_draft

CANARY = "QZXFORMDRAFT canary"
PHQ9_PART = [2, 1, 3, 0, 2]


def _lock_and_unlock(qtbot: QtBot, window: MainWindow, unlock: Unlock) -> None:
    """Idle lock (the timer's signal, injected), check nothing typed is left, unlock."""
    window.idle.idle.emit()
    qtbot.waitUntil(lambda: window.vault is None, timeout=10_000)
    assert not any(CANARY in text for text in widget_texts())
    unlock(window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)


def _stored(window: MainWindow, kind: str, ref: str) -> dict[str, Any] | None:
    vault, workspace = window.vault, window.workspace
    assert vault is not None and workspace is not None
    return load_draft(vault, workspace.episode_id, kind, ref)


def test_a_risk_note_being_written_comes_back_after_a_lock_and_goes_once_signed(
    qtbot: QtBot, course_window: MainWindow, unlock: Unlock
) -> None:
    window = course_window
    page = show_page(qtbot, window, RiskPage)
    signed_before = page.notes_model.rowCount()
    qtbot.keyClicks(page.form.formulation, CANARY)
    page.form.nature_boxes[0].click()

    _lock_and_unlock(qtbot, window, unlock)
    page = show_page(qtbot, window, RiskPage)  # the workspace reopened on the Risk tab
    wait_for(qtbot, window, lambda: page.form.formulation.toPlainText() == CANARY)
    assert page.form.nature_boxes[0].isChecked()
    assert "Draft restored" in page.notice.text()

    page.form.frequency.setPlainText("Asked directly: most evenings last week.")
    page.form.protective.setPlainText("Her sister and the allotment.")
    page.form.actions_text.setPlainText("Safety plan reviewed together.")
    page.form.follow_up_set.setChecked(True)
    answer_yes_to_next_question()
    page.form.save_button.click()
    wait_for(qtbot, window, lambda: page.notes_model.rowCount() == signed_before + 1)
    assert page.form.formulation.toPlainText() == ""
    assert _stored(window, RISK_NOTE, "") is None


def test_an_addendum_being_typed_comes_back_after_a_lock_and_goes_once_signed(
    qtbot: QtBot, course_window: MainWindow, unlock: Unlock
) -> None:
    window = course_window

    def signed_session_one() -> SessionsPage:
        page = show_page(qtbot, window, SessionsPage)
        page.table.selectRow(0)  # session 1, signed
        wait_for(qtbot, window, lambda: page.pane.addenda.isVisibleTo(page.pane))
        return page

    page = signed_session_one()
    qtbot.keyClicks(page.addenda.text, CANARY)
    note_id = page.drafts.note_id
    assert note_id is not None

    _lock_and_unlock(qtbot, window, unlock)
    page = signed_session_one()
    wait_for(qtbot, window, lambda: page.addenda.text.toPlainText() == CANARY)
    assert "Draft restored" in page.notice.text()

    page.table.selectRow(1)  # another signed note: its own (empty) addendum field
    wait_for(qtbot, window, lambda: page.drafts.note_id != note_id)
    assert page.addenda.text.toPlainText() == ""
    page.table.selectRow(0)
    wait_for(qtbot, window, lambda: page.addenda.text.toPlainText() == CANARY)

    page.addenda.add_button.click()
    wait_for(qtbot, window, lambda: CANARY in page.addenda.history.toPlainText())
    assert page.addenda.text.toPlainText() == ""
    assert _stored(window, ADDENDUM, str(note_id)) is None


def test_phq9_answers_not_recorded_come_back_after_a_lock_and_go_once_recorded(
    qtbot: QtBot, course_window: MainWindow, unlock: Unlock
) -> None:
    window = course_window
    page = show_page(qtbot, window, MeasuresPage)
    page.instrument.setCurrentIndex(page.instrument.findData("PHQ-9"))
    phq9 = page.forms["PHQ-9"]
    assert isinstance(phq9, ChoiceForm)
    for item, value in enumerate(PHQ9_PART, start=1):
        phq9.groups[item - 1].button(value).click()
    # The debounced autosave reaches the vault without a lock too.
    wait_for(qtbot, window, lambda: not page.drafts.dirty and not page.drafts.pending)
    stored = _stored(window, MEASURE, "PHQ-9")
    assert stored is not None and stored["responses"][:5] == PHQ9_PART
    page.instrument.setCurrentIndex(page.instrument.findData("GAD-7"))

    _lock_and_unlock(qtbot, window, unlock)
    page = show_page(qtbot, window, MeasuresPage)
    form = page.forms["PHQ-9"]
    wait_for(qtbot, window, lambda: form.responses()[:5] == PHQ9_PART)
    assert form.responses()[5:] == [None] * 4
    assert page.form is form  # the form with the restored answers is the one shown
    assert "Draft restored" in page.notice.text()
    assert "Unanswered: 6, 7, 8, 9" in page.result.text()

    given_before = page.model.rowCount()
    answer_yes_to_next_question()  # an incomplete administration is recorded only when asked
    page.record_button.click()
    wait_for(qtbot, window, lambda: page.model.rowCount() == given_before + 1)
    assert form.responses() == [None] * 9
    assert _stored(window, MEASURE, "PHQ-9") is None


def test_a_failed_draft_save_keeps_the_text_and_says_why(
    qtbot: QtBot, course_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(draft_service, "save_draft", full)
    window = course_window
    page = show_page(qtbot, window, RiskPage)
    qtbot.keyClicks(page.form.frequency, "Most evenings")
    wait_for(qtbot, window, lambda: DiskFull.message in page.notice.text())
    assert page.form.frequency.toPlainText() == "Most evenings"
    assert "Most evenings" in str(page.drafts.pending)
    monkeypatch.undo()  # space freed: the window's close (at teardown) saves, nothing is held
