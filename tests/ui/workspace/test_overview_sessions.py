"""Overview and Sessions pages on a real vault: load, autosave drafts, sign, addenda, lock."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
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

from tests.reports.course import SISTER, record_course
from tests.ui.session_support import session_for
from ui.tasks import TaskRunner
from ui.workspace.overview_page import OverviewPage
from ui.workspace.sessions_page import SessionsPage
from workbench.domain.episode import Contract
from workbench.domain.risk import OFFLINE_NOTICE
from workbench.errors import DiskFull
from workbench.services import episodes, sessions
from workbench.store.vault import Vault

CANARY = "Quenby Larkspur-Oduya"


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()  # before the vault closes


def course(vault: Vault, held: int) -> int:
    """The episode id of a fictional course with *held* sessions."""
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


def idle_note(qtbot, runner: TaskRunner, vault: Vault, note_id: int):
    """The note as the vault has it, read only while the worker is idle."""
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    return sessions.get_note(vault, note_id)


def sessions_page(qtbot, vault: Vault, runner: TaskRunner, episode_id: int) -> SessionsPage:
    page = SessionsPage(session_for(vault, runner), 1, episode_id)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.drafts.note_id is not None)
    qtbot.waitUntil(lambda: not runner.busy)
    return page


# Overview ----------------------------------------------------------------------------------


def test_overview_shows_phase_open_items_flags_and_measures(qtbot, qtmodeltester, vault, runner):
    episode_id = course(vault, 12)
    page = OverviewPage(session_for(vault, runner), 1, episode_id)
    qtbot.addWidget(page)
    qtmodeltester.check(page.items_model)
    page.reload()
    qtbot.waitUntil(lambda: page.items_model.rowCount() > 0)
    qtmodeltester.check(page.items_model)

    assert page.phase.text() == "Middle phase"
    assert page.session_line.text() == "session 12 of 20 · Middle phase"
    assert page.progress.value() == 12 and page.progress.maximum() == 20
    levels = [page.items_model.index(r, 0).data() for r in range(page.items_model.rowCount())]
    assert levels == sorted(levels, key=lambda level: level != "required")  # required first
    assert "Required initial-phase items are still open" in page.reminders.text()
    # the open flag of the last PHQ-9 (item 9 = 2): a flag and the offline notice, no advice
    assert not page.banner.isHidden()
    assert "PHQ-9 item 9 — clinician review required" in page.banner.lines.text()
    assert page.banner.notice.text() == OFFLINE_NOTICE
    phq = page.tiles["PHQ-9"]
    assert phq.value.text().startswith("2 · minimal/none")
    assert "Response (by definition: ≥50% fall from baseline score)" in phq.caption.text()
    assert "Remission (by definition: PHQ-9 total <5)" in phq.caption.text()
    assert page.tiles["GAD-7"].value.text().startswith("11 · moderate")
    assert not re.search(r"\bsafe\b", page_texts(page), re.IGNORECASE)


def test_overview_of_a_new_episode_has_no_banner(qtbot, vault, runner):
    client = episodes.add_client(vault, "Tamsin", "Oakes")
    episode_id = episodes.open_episode(vault, client, Contract("SR", 12), "2026-03-02")
    page = OverviewPage(session_for(vault, runner), 1, episode_id)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.phase.text() != "")
    assert page.banner.isHidden()
    assert page.tiles["PHQ-9"].value.text() == "Not given in this episode yet."
    assert page.session_line.text().startswith("session 0 of 12")


def test_overview_clear_forgets_everything(qtbot, vault, runner):
    episode_id = course(vault, 12)
    page = OverviewPage(session_for(vault, runner), 1, episode_id)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.items_model.rowCount() > 0)
    assert "session 12 of 20" in page_texts(page)
    page.clear()
    shown = page_texts(page)
    assert "session 12" not in shown and "PHQ-9 item 9" not in shown and "18" not in shown
    assert page.items_model.rowCount() == 0


# Sessions ----------------------------------------------------------------------------------


def test_sessions_list_and_model(qtbot, qtmodeltester, vault, runner):
    episode_id = course(vault, 4)
    page = sessions_page(qtbot, vault, runner, episode_id)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 4
    states = [page.model.index(r, 3).data() for r in range(4)]
    assert states == ["signed", "signed", "signed", "draft"]
    # the latest session is open, as a draft with the techniques of the WMK catalogue
    assert page.heading.text().startswith("Session 4 ·")
    assert not page.editor.is_read_only()
    assert page.editor.technique_boxes["clarification"].isChecked()
    assert "Session 4" in page.editor.fields["check_in"].toPlainText()


def test_new_session_then_typing_autosaves_the_draft(qtbot, vault, runner):
    episode_id = course(vault, 2)
    page = sessions_page(qtbot, vault, runner, episode_id)
    page.date.setDate(QDate(2026, 2, 2))
    page.new_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtbot.waitUntil(lambda: page.heading.text().startswith("Session 3 ·"))
    qtbot.waitUntil(lambda: not runner.busy)
    row = page.model.row_at(2)
    assert row.held_on == "2026-02-02" and row.attendance == "attended"
    note_id = page.drafts.note_id
    assert note_id == row.note_id
    assert page.editor.fields["check_in"].toPlainText() == ""

    box = page.editor.fields["check_in"]
    box.setFocus()
    qtbot.keyClicks(box, "Slept better this week")
    page.editor.technique_boxes["role_play"].setChecked(True)
    assert page.drafts.timer.isActive()  # debounced: nothing saved while typing
    assert idle_note(qtbot, runner, vault, note_id).body == {}
    qtbot.waitUntil(
        lambda: (
            not runner.busy
            and sessions.get_note(vault, note_id).body.get("check_in") == "Slept better this week"
        ),
        timeout=5000,
    )
    assert sessions.get_note(vault, note_id).body["techniques"] == ["role_play"]
    assert "Draft saved" in page.pane.save_state.text()


def test_flush_saves_the_draft_at_once(qtbot, vault, runner):
    episode_id = course(vault, 2)
    page = sessions_page(qtbot, vault, runner, episode_id)
    note_id = page.drafts.note_id
    page.editor.fields["next_session_plan"].setPlainText(f"Talk with {CANARY}")
    assert page.drafts.timer.isActive()
    page.flush()
    assert not page.drafts.timer.isActive()
    assert sessions.get_note(vault, note_id).body["next_session_plan"] == f"Talk with {CANARY}"


def test_sign_makes_the_note_read_only_and_addenda_are_signed(qtbot, vault, runner, monkeypatch):
    episode_id = course(vault, 2)
    page = sessions_page(qtbot, vault, runner, episode_id)
    note_id = page.drafts.note_id
    page.editor.fields["supervision_question"].setPlainText("Impasse or renegotiation?")
    monkeypatch.setattr(page, "confirm_sign", lambda: True)
    page.pane.sign_button.click()
    qtbot.waitUntil(lambda: page.editor.is_read_only() and page.addenda.isVisibleTo(page))
    qtbot.waitUntil(lambda: page.model.index(1, 3).data() == "signed")
    note = idle_note(qtbot, runner, vault, note_id)
    assert note.signed and note.body["supervision_question"] == "Impasse or renegotiation?"
    assert not page.pane.sign_button.isEnabled()
    assert not page.editor.technique_boxes["role_play"].isEnabled()

    page.addenda.text.setPlainText("Ελένη phoned: the visit went ahead.")  # non-ASCII: set directly
    page.addenda.add_button.click()
    qtbot.waitUntil(lambda: "the visit went ahead" in page.addenda.history.toPlainText())
    assert page.addenda.text.toPlainText() == ""
    note = idle_note(qtbot, runner, vault, note_id)
    assert [a.body["text"] for a in note.addenda] == ["Ελένη phoned: the visit went ahead."]
    assert all(a.signed for a in note.addenda)
    qtbot.waitUntil(lambda: page.model.index(1, 3).data() == "signed, 1 addendum")


def test_declining_the_confirmation_leaves_the_draft(qtbot, vault, runner, monkeypatch):
    episode_id = course(vault, 1)
    page = sessions_page(qtbot, vault, runner, episode_id)
    monkeypatch.setattr(page, "confirm_sign", lambda: False)
    page.pane.sign_button.click()
    assert not runner.busy and not page.editor.is_read_only()


def test_disk_full_keeps_the_text_in_the_editor(qtbot, vault, runner, monkeypatch):
    episode_id = course(vault, 2)
    page = sessions_page(qtbot, vault, runner, episode_id)
    note_id = page.drafts.note_id

    def full(*_args, **_kwargs):
        raise DiskFull()

    monkeypatch.setattr(sessions, "save_note", full)
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        page.editor.fields["incidents"].setPlainText(f"Argument with {CANARY} on Sunday")
    assert DiskFull.message in said.args[0]
    assert "still in the editor" in said.args[0]
    assert page.editor.fields["incidents"].toPlainText() == f"Argument with {CANARY} on Sunday"
    assert DiskFull.message in page.notice.text()
    assert "Not saved" in page.pane.save_state.text()
    assert note_id in page.drafts.pending

    monkeypatch.undo()  # the disk has room again: the kept text reaches the vault on flush
    page.flush()
    assert sessions.get_note(vault, note_id).body["incidents"].startswith("Argument with")
    assert page.drafts.pending == {}


def test_a_failed_draft_comes_back_when_its_session_is_reopened(qtbot, vault, runner, monkeypatch):
    episode_id = course(vault, 3)
    page = sessions_page(qtbot, vault, runner, episode_id)
    monkeypatch.setattr(sessions, "save_note", lambda *_a, **_k: (_ for _ in ()).throw(DiskFull()))
    with qtbot.waitSignal(page.message, timeout=5000):
        page.editor.fields["role_play"].setPlainText("Rehearsed the phone call")
    page.table.selectRow(0)  # signed session 1
    qtbot.waitUntil(lambda: page.editor.is_read_only())
    page.table.selectRow(2)
    qtbot.waitUntil(lambda: not page.editor.is_read_only())
    assert page.editor.fields["role_play"].toPlainText() == "Rehearsed the phone call"


def test_process_notes_are_kept_apart(qtbot, vault, runner):
    episode_id = course(vault, 2)
    page = sessions_page(qtbot, vault, runner, episode_id)
    assert "not searched" in page_texts(page.process)
    assert page.tabs.tabText(1) == "Process notes (kept apart)"
    page.process.text.setPlainText("My own reaction: impatience.")
    page.process.save_button.click()
    qtbot.waitUntil(lambda: "impatience" in page.process.history.toPlainText())
    assert page.process.text.toPlainText() == ""
    note = idle_note(qtbot, runner, vault, page.drafts.note_id)
    assert "impatience" not in str(note.body)


def test_sessions_clear_leaves_no_client_text(qtbot, vault, runner):
    episode_id = course(vault, 3)
    page = sessions_page(qtbot, vault, runner, episode_id)
    page.editor.fields["decision_analysis"].setPlainText(CANARY)
    page.process.text.setPlainText(CANARY)
    page.flush()
    assert SISTER in page_texts(page)
    page.clear()
    shown = page_texts(page)
    for canary in (CANARY, SISTER, "Ελένη", "Session 3"):
        assert canary not in shown
    assert page.model.rowCount() == 0 and page.drafts.pending == {}
