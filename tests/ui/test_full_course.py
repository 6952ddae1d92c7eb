"""A whole 12-session WMK course recorded through the real window, then checked in the vault."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from tests.reports.course import record_course
from tests.ui.conftest import UI_PASSPHRASE, MakeWindow, Unlock, widget_texts
from tests.ui.workspace_driver import (
    add_client,
    answer_yes_to_next_question,
    choose_data,
    create_vault_on_first_run,
    drag_person,
    idle,
    show_page,
    wait_for,
)
from ui.dialogs.unlock import UnlockPage
from ui.views.main_window import MainWindow
from ui.widgets.circle_editor import RADII
from ui.workspace.formulation_page import FormulationPage
from ui.workspace.inventory_page import InventoryPage
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.plan_page import PlanPage
from ui.workspace.risk_page import RiskPage
from ui.workspace.sessions_page import SessionsPage
from ui.workspace.timeline_page import TimelinePage
from workbench.services import (
    audit_log,
    episodes,
    formulation,
    inventory,
    measures,
    risk,
    sessions,
)
from workbench.store.vault import Vault

GIVEN, FAMILY = "Orla", "Fennimore-Quist"  # invented
START = QDate(2026, 1, 5)
SESSIONS = 12
RISK_SESSION = 6
ADDENDUM_SESSION = 3
# PHQ-9 answers per session: totals fall from 20 (severe) to 3; item 9 positive at session 6.
PHQ9 = {n: [max(0, 3 - (n + i) // 5) for i in range(8)] + [0] for n in range(1, SESSIONS + 1)}
PHQ9[RISK_SESSION][8] = 1
PEOPLE = (
    ("Bram Q.", "sibling", "partly", "Argues about who visits their father."),
    ("Nell", "friend", "yes", ""),
    ("Mr Ostrow", "co-worker", "no", "Criticises her in meetings."),
)
STATEMENT_EDIT = " She says the rows with Bram began it."
DRAFT_TYPED = "Ask Bram to share the Sunday visits"
ADDENDUM = "Correction: the visit was on Saturday, not Sunday."
RISK_FORMULATION = "Passing wish not to wake up after the row; no plan, no intent."
PLAN_WORKED_ON = "Asking Bram for a fair share of the visits."


@pytest.fixture
def window(
    qtbot: QtBot, make_window: MakeWindow, fast_kdf: None, request: pytest.FixtureRequest
) -> MainWindow:
    """A new vault made on the first-run pages (or, if they changed shape, made beforehand)."""
    made = make_window([], idle_ms=3_600_000)  # idle lock only when the test asks for it
    if create_vault_on_first_run(qtbot, made, UI_PASSPHRASE):
        return made
    vault, _ = request.getfixturevalue("new_vault")("fallback", passphrase=UI_PASSPHRASE)
    vault.close()
    made.show_unlock(vault.folder)
    page = made.current_page()
    assert isinstance(page, UnlockPage)
    page.secret.setText(UI_PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: made.caseload is not None, timeout=10_000)
    return made


def record_inventory_and_circle(qtbot: QtBot, window: MainWindow) -> dict[str, int]:
    """Three people through the person form, placed on the circle, an intake snapshot saved."""
    page = show_page(qtbot, window, InventoryPage)
    for count, (alias, relationship, confiding, conflict) in enumerate(PEOPLE, start=1):
        page.new_button.click()
        page.form.alias.setText(alias)
        choose_data(page.form.relationship, relationship)
        choose_data(page.form.confiding, confiding)
        page.form.texts["conflict"].setPlainText(conflict)
        if conflict:
            page.form.tags["dispute"].setChecked(True)
        page.save_button.click()

        def saved(n: int = count) -> bool:
            return page.model.rowCount() == n

        wait_for(qtbot, window, saved)
    ids = {page.model.row_at(r).person.alias: page.model.person_id(r) for r in range(3)}

    page.tabs.setCurrentWidget(page.circle)
    editor = page.circle.editor
    assert {p.ring for p in editor.placements()} == {2}  # everyone starts in the middle ring
    drag_person(editor, ids["Nell"], QPointF(RADII[0] * 0.6, 0.0))  # the mouse, into ring 1
    choose_data(page.circle.person, ids["Mr Ostrow"])  # keyboard path: person, then ring
    choose_data(page.circle.ring, 3)
    choose_data(page.circle.person, ids["Bram Q."])
    choose_data(page.circle.line, "conflict")
    page.circle.label.setCurrentText("intake")
    page.circle.taken_on.setDate(START)
    page.circle.save_button.click()
    wait_for(qtbot, window, lambda: page.circle.compare.isEnabled())
    rings = {page.model.row_at(r).person.alias: page.model.row_at(r).ring for r in range(3)}
    assert rings == {"Nell": 1, "Bram Q.": 2, "Mr Ostrow": 3}
    return ids


def record_timeline(qtbot: QtBot, window: MainWindow, bram: int) -> None:
    page = show_page(qtbot, window, TimelinePage)
    page.new_button.click()
    page.form.date.setDate(QDate(2025, 10, 12))
    choose_data(page.form.kind, "conflict escalation")
    page.form.impact.setValue(8)
    choose_data(page.form.marker, "episode start")
    page.form.notes.setPlainText("Row with Bram about their father's care.")
    for row in range(page.form.people_model.rowCount()):
        item = page.form.people_model.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == bram:
            item.setCheckState(Qt.CheckState.Checked)
    page.save_button.click()
    wait_for(qtbot, window, lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 3).data() == "Bram Q."


def record_formulation(qtbot: QtBot, window: MainWindow) -> str:
    """Problem area saved, the suggested sentence edited, agreement recorded; returns it."""
    page = show_page(qtbot, window, FormulationPage)
    wait_for(qtbot, window, lambda: page.loaded)
    choose_data(page.primary, "role_dispute")
    page.save_button.click()
    wait_for(qtbot, window, lambda: not page.dirty)
    page.statement_box.suggest_button.click()
    wait_for(qtbot, window, lambda: bool(page.statement.toPlainText()))
    draft = page.statement.toPlainText()
    cursor = page.statement.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    page.statement.setTextCursor(cursor)
    page.statement.insertPlainText(STATEMENT_EDIT)
    page.shared.shared_on.check.setChecked(True)
    page.shared.shared_on.date.setDate(START.addDays(14))
    choose_data(page.shared.agreement, "yes")
    page.shared.patient_words.setPlainText("It is about Bram and me.")
    page.goals.add_goal()
    index = page.goals.model.index(0, 0)
    page.goals.model.setData(index, "Ask Bram for a fair share of visits")
    page.save_button.click()
    wait_for(qtbot, window, lambda: not page.dirty)
    assert page.error.isHidden()
    return draft + STATEMENT_EDIT


def hold_session(qtbot: QtBot, window: MainWindow, n: int) -> SessionsPage:
    """Record session *n* on the Sessions page and write its note (a draft)."""
    page = show_page(qtbot, window, SessionsPage)
    page.date.setDate(START.addDays(7 * (n - 1)))
    choose_data(page.attendance, "attended")
    page.new_button.click()

    def on_new_draft() -> bool:
        if page.model.rowCount() != n:
            return False
        row = page.model.row_at(n - 1)
        return page.drafts.note_id == row.note_id and page.editor.isEnabled()

    wait_for(qtbot, window, on_new_draft)
    editor = page.editor
    if n == 1:  # typed key by key once; the other notes are pasted in
        qtbot.keyClicks(editor.fields["check_in"], "Low mood, poor sleep")
    else:
        editor.fields["check_in"].setPlainText(f"Session {n}: mood a little better.")
    editor.fields["problem_area_work"].setPlainText("Role dispute with Bram: renegotiation.")
    editor.technique_boxes["communication_analysis"].setChecked(True)
    return page


def sign_shown_note(qtbot: QtBot, window: MainWindow, page: SessionsPage, n: int) -> None:
    answer_yes_to_next_question()
    page.pane.sign_button.click()
    wait_for(qtbot, window, lambda: page.model.row_at(n - 1).signed)
    assert page.editor.is_read_only()


def give_phq9(qtbot: QtBot, window: MainWindow, n: int) -> MeasuresPage:
    """PHQ-9 for session *n*, answered on the Measures page's radio buttons and recorded."""
    page = show_page(qtbot, window, MeasuresPage)
    wait_for(qtbot, window, lambda: page.session.count() == n + 1)
    choose_data(page.instrument, "PHQ-9")
    choose_data(page.session, page.session.itemData(n))
    for item, value in enumerate(PHQ9[n], start=1):
        page.form.groups[item - 1].button(value).click()  # type: ignore[attr-defined]
    assert page.current_score().total == sum(PHQ9[n])
    page.record_button.click()
    wait_for(qtbot, window, lambda: page.model.rowCount() == n)
    return page


def write_risk_note(qtbot: QtBot, window: MainWindow) -> None:
    """The open flag stays open until a risk note with the clinician's formulation is signed."""
    page = show_page(qtbot, window, RiskPage)
    wait_for(qtbot, window, lambda: page.flags_model.rowCount() == 1)
    assert page.flags_model.index(0, 0).data() == "open"
    assert list(page.form.flag_boxes) and all(b.isChecked() for b in page.form.flag_boxes.values())
    page.form.save_button.click()  # nothing written yet: refused, nothing asked, flag open
    assert "“Your summary in your own words”" in page.notice.text()
    idle(qtbot, window)
    assert page.flags_model.index(0, 0).data() == "open"

    page.form.formulation.setPlainText(RISK_FORMULATION)
    page.form.nature_boxes[0].setChecked(True)  # passive wish
    page.form.protective.setPlainText("Her daughter; her work.")
    page.form.frequency.setPlainText("Asked directly: twice last week, none since.")
    page.form.actions_text.setPlainText("Safety plan reviewed together.")
    page.form.follow_up_set.setChecked(True)
    page.form.action_boxes[0].setChecked(True)  # safety plan reviewed
    answer_yes_to_next_question()
    page.form.save_button.click()
    wait_for(qtbot, window, lambda: page.notes_model.rowCount() == 1)
    assert page.flags_model.index(0, 0).data() == "noted in a risk note"
    assert page.banner.lines.text() == ""


def write_plan(qtbot: QtBot, window: MainWindow, nell: int) -> None:
    page = show_page(qtbot, window, PlanPage)
    wait_for(qtbot, window, lambda: page.loaded)
    page.texts["what_we_worked_on"].setPlainText(PLAN_WORKED_ON)
    page.texts["skills_that_helped"].setPlainText("Saying what I need\nWalking with Nell")
    page.texts["warning_signs_symptoms"].setPlainText("Waking at 4am")
    choose_data(page.support.person, nell)
    page.support.add_button.click()  # opens the 'Contact for' cell for editing
    editors = page.support.table.viewport().findChildren(QLineEdit)
    assert editors, "the 'Contact for' cell opens for typing"
    editors[-1].setText("a walk when low")
    qtbot.keyClick(editors[-1], Qt.Key.Key_Return)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: page.support.table.state() != editing)  # committed (queued)
    choose_data(page.frequency, "monthly")
    page.duration.setValue(6)
    page.review.check.setChecked(True)
    page.review.date.setDate(START.addMonths(6))
    choose_data(page.focus, "same problem area")
    page.save_button.click()
    wait_for(qtbot, window, lambda: not page.dirty)
    assert page.error.isHidden()


def add_addendum(qtbot: QtBot, window: MainWindow, n: int) -> None:
    page = show_page(qtbot, window, SessionsPage)
    page.table.selectRow(n - 1)
    wait_for(qtbot, window, lambda: page.pane.addenda.isVisible())
    page.addenda.text.setPlainText(ADDENDUM)
    page.addenda.add_button.click()
    wait_for(qtbot, window, lambda: page.model.row_at(n - 1).addenda == 1)
    assert ADDENDUM in page.addenda.history.toPlainText()


def test_a_whole_course_through_the_window(
    qtbot: QtBot, window: MainWindow, unlock: Unlock
) -> None:
    add_client(qtbot, window, GIVEN, FAMILY, START)
    workspace = window.workspace
    assert workspace is not None
    client_id = workspace.client_id
    people = record_inventory_and_circle(qtbot, window)
    record_timeline(qtbot, window, people["Bram Q."])
    statement = record_formulation(qtbot, window)

    for n in range(1, SESSIONS + 1):
        page = hold_session(qtbot, window, n)
        measures_page = give_phq9(qtbot, window, n)
        if n == RISK_SESSION:
            assert measures_page.banner.isVisible()
            assert "clinician review required" in measures_page.banner.lines.text()
            write_risk_note(qtbot, window)
        if n < SESSIONS:
            page = show_page(qtbot, window, SessionsPage)
            sign_shown_note(qtbot, window, page, n)
    write_plan(qtbot, window, people["Nell"])
    add_addendum(qtbot, window, ADDENDUM_SESSION)

    # The last note stays a draft: type into it, walk away, and let the idle timer lock.
    page = show_page(qtbot, window, SessionsPage)
    page.table.selectRow(SESSIONS - 1)
    wait_for(qtbot, window, lambda: not page.editor.is_read_only())
    qtbot.keyClicks(page.editor.fields["between_session_plan"], DRAFT_TYPED)
    tab = workspace.currentIndex()
    window.idle.set_timeout(50)  # the real idle timer, shortened: no input follows
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)
    assert isinstance(window.current_page(), UnlockPage)
    shown = "\n".join(widget_texts())
    assert DRAFT_TYPED not in shown and FAMILY not in shown

    window.idle.set_timeout(3_600_000)
    unlock(window, UI_PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    back = window.workspace
    assert back is not None and back.client_id == client_id
    assert back.currentIndex() == tab
    reopened = back.pages[tab]
    assert isinstance(reopened, SessionsPage)
    wait_for(qtbot, window, lambda: reopened.model.rowCount() == SESSIONS)
    wait_for(qtbot, window, lambda: reopened.editor.isEnabled())
    assert reopened.editor.fields["between_session_plan"].toPlainText() == DRAFT_TYPED

    vault = window.vault
    assert vault is not None
    idle(qtbot, window)
    episode = episodes.current_episode(vault, client_id)
    client = episodes.get_client(vault, client_id)
    assert (client.given_name, client.family_name) == (GIVEN, FAMILY)
    assert episode.contract.manual_profile == "WMK"
    assert episode.contract.contracted_sessions == SESSIONS

    held = episodes.sessions(vault, episode.id)
    assert [s[1] for s in held] == list(range(1, SESSIONS + 1))
    notes = [sessions.get_note(vault, sessions.session_note_id(vault, s[0]) or 0) for s in held]
    assert [n.signed for n in notes] == [True] * (SESSIONS - 1) + [False]
    assert notes[0].body["check_in"] == "Low mood, poor sleep"
    assert notes[-1].body["between_session_plan"] == DRAFT_TYPED
    assert all("communication_analysis" in n.body["techniques"] for n in notes)
    addenda = notes[ADDENDUM_SESSION - 1].addenda
    assert [a.body["text"] for a in addenda] == [ADDENDUM] and addenda[0].signed

    given = measures.administrations(vault, episode.id, "PHQ-9")
    assert len(given) == SESSIONS
    assert [a.total for a in given] == [sum(PHQ9[n]) for n in range(1, SESSIONS + 1)]
    flags = risk.flags(vault, episode.id)
    assert len(flags) == 1 and not flags[0].open
    (risk_note,) = risk.risk_notes(vault, episode.id)
    assert risk_note.signed and risk_note.body["risk_formulation"] == RISK_FORMULATION

    people_saved = inventory.people(vault, episode.id)
    assert sorted(p.alias for p in people_saved) == sorted(p[0] for p in PEOPLE)
    (snapshot,) = inventory.circle_snapshots(vault, episode.id)
    rings = {p.person_id: (p.ring, p.line_style) for p in snapshot.placements}
    assert rings[people["Nell"]][0] == 1 and rings[people["Mr Ostrow"]][0] == 3
    assert rings[people["Bram Q."]] == (2, "conflict")
    entries = inventory.timeline(vault, episode.id)
    (event,) = [e for e in entries if e.event_type != "measure"]
    assert len(entries) == 1 + SESSIONS  # the PHQ-9 totals share the time axis
    assert event.event_type == "conflict escalation" and event.people == (people["Bram Q."],)

    saved = formulation.get_formulation(vault, episode.id)
    assert saved is not None and saved.primary_area == "role_dispute"
    assert saved.statement == statement.strip() and saved.statement.endswith(STATEMENT_EDIT)
    assert saved.patient_agreed == "yes"
    plan = formulation.get_plan(vault, episode.id)
    assert plan is not None and plan.what_we_worked_on == PLAN_WORKED_ON
    assert plan.frequency == "monthly" and plan.duration_months == 6
    assert [(s.person_id, s.contact_for) for s in plan.support_people] == [
        (people["Nell"], "a walk when low")
    ]

    done = Counter((e.action, e.entity) for e in audit_log.for_client(vault, client_id))
    assert done[("create", "client")] == 1
    assert done[("create", "session")] == SESSIONS
    assert done[("create", "measure")] == SESSIONS
    assert done[("sign", "note")] == SESSIONS - 1
    assert done[("sign", "addendum")] == 1
    assert done[("sign", "risk-note")] == 1


def test_a_table_cell_still_being_typed_survives_an_idle_lock(
    qtbot: QtBot,
    make_window: MakeWindow,
    new_vault: Callable[..., tuple[Vault, str]],
    unlock: Unlock,
) -> None:
    """A goal or a 'Contact for' typed into its cell, never confirmed with Enter, is kept."""
    vault, _ = new_vault("cells", passphrase=UI_PASSPHRASE)
    client_id = record_course(vault, sessions_held=4)
    vault.close()
    window = make_window([str(vault.folder)], idle_ms=3_600_000)
    caseload = unlock(window, UI_PASSPHRASE)
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)

    page = show_page(qtbot, window, FormulationPage)
    wait_for(qtbot, window, lambda: page.loaded)
    page.goals.table.edit(page.goals.model.index(0, 0))  # double-click on the first goal
    (goal_cell,) = page.goals.table.viewport().findChildren(QLineEdit)
    goal_cell.setText("Visit father with Bram, not for him")
    idle_lock_and_unlock(qtbot, window, unlock)

    plan = show_page(qtbot, window, PlanPage)
    wait_for(qtbot, window, lambda: plan.loaded)
    plan.support.table.edit(plan.support.model.index(0, 1))
    (contact_cell,) = plan.support.table.viewport().findChildren(QLineEdit)
    contact_cell.setText("a call on Sundays")
    idle_lock_and_unlock(qtbot, window, unlock)

    opened = window.vault
    assert opened is not None
    episode = episodes.current_episode(opened, client_id).id
    assert formulation.goals(opened, episode)[0].text == "Visit father with Bram, not for him"
    saved_plan = formulation.get_plan(opened, episode)
    assert saved_plan is not None
    assert saved_plan.support_people[0].contact_for == "a call on Sundays"


def idle_lock_and_unlock(qtbot: QtBot, window: MainWindow, unlock: Unlock) -> None:
    window.idle.set_timeout(50)
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)
    window.idle.set_timeout(3_600_000)
    unlock(window, UI_PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)
