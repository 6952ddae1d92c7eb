"""Formulation, maintenance plan and audit pages on a real vault: refusals, drafts, round trips."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.reports.course import FRIEND, SISTER, record_course
from tests.ui.workspace.test_inventory_timeline import idle, model_text, open_page, page_texts
from ui.tasks import TaskRunner
from ui.workspace.audit_page import AuditPage
from ui.workspace.formulation_page import FormulationPage
from ui.workspace.plan_page import PlanPage
from workbench.domain.episode import Contract
from workbench.domain.formulation import Formulation
from workbench.domain.maintenance import SupportPerson
from workbench.services import episodes, formulation, inventory
from workbench.store.vault import Vault

CANARY = "Quillon Canarywing"
SAVED_STATEMENT = "Your depression began around the row about your mother's care."
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def course(vault: Vault) -> tuple[int, int]:
    client = record_course(vault, sessions_held=5)
    return client, episodes.current_episode(vault, client).id


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()


def choose(combo, value) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_formulation_loads_the_wmk_form(qtbot, qtmodeltester, vault, runner, course):
    page = open_page(qtbot, FormulationPage, vault, runner, course)
    assert isinstance(page, FormulationPage)
    assert page.primary.currentData() == "role_dispute"
    assert page.statement.toPlainText() == SAVED_STATEMENT
    assert page.statement_box.isVisible() and not page.sections.isVisible()
    assert not page.ruled_out.isVisible()
    assert page.shared.agreement.currentData() == "yes"
    qtmodeltester.check(page.goals.model)
    assert page.goals.model.index(0, 0).data() == "Ask for a fair share of visits"
    assert page.goals.model.index(0, 1).data() == "Role disputes"


def test_deficits_need_rule_outs_and_typed_text_stays(qtbot, vault, runner, course):
    page = open_page(qtbot, FormulationPage, vault, runner, course)
    assert isinstance(page, FormulationPage)
    choose(page.primary, "interpersonal_deficits")
    assert page.ruled_out.isVisible()
    page.shared.patient_words.setPlainText("I have nobody to call — ничего.")
    page.statement.setPlainText("Lonely since the move; few people to confide in.")
    with qtbot.waitSignal(page.message) as shown:
        page.save_button.click()
    idle(qtbot, runner)
    assert "ruled out" in shown.args[0]
    assert page.error.isVisible() and "ruled out" in page.error.text()
    assert page.shared.patient_words.toPlainText() == "I have nobody to call — ничего."
    assert page.statement.toPlainText() == "Lonely since the move; few people to confide in."
    assert formulation.get_formulation(vault, course[1]).primary_area == "role_dispute"

    reasons = {
        "grief": "No recent death.",
        "role_dispute": "Gets on with sister now.",
        "role_transition": "No life change near onset.",
    }
    for area, reason in reasons.items():
        page.ruled_out.texts[area].setPlainText(reason)
    with qtbot.waitSignal(page.vault_session.changed):
        page.save_button.click()
    idle(qtbot, runner)
    saved = formulation.get_formulation(vault, course[1])
    assert saved.primary_area == "interpersonal_deficits"
    assert saved.sections["ruled_out"] == reasons
    assert saved.patient_words == "I have nobody to call — ничего."
    assert not page.error.isVisible()


def test_suggested_draft_is_not_saved_until_save(qtbot, vault, runner, course):
    page = open_page(qtbot, FormulationPage, vault, runner, course)
    assert isinstance(page, FormulationPage)
    page.statement_box.suggest_button.click()
    idle(qtbot, runner, lambda: "Over the next" in page.statement.toPlainText())
    draft = page.statement.toPlainText()
    assert "a role dispute" in draft and SISTER in draft
    assert formulation.get_formulation(vault, course[1]).statement == SAVED_STATEMENT
    page.flush()  # a lock now keeps the clinician's saved words, not the untouched draft
    assert formulation.get_formulation(vault, course[1]).statement == SAVED_STATEMENT
    page.statement.setPlainText(draft.replace("Over the next", "In the coming"))
    with qtbot.waitSignal(page.vault_session.changed):
        page.save_button.click()
    idle(qtbot, runner)
    assert "In the coming" in formulation.get_formulation(vault, course[1]).statement


def test_goals_edit_and_save(qtbot, vault, runner, course):
    page = open_page(qtbot, FormulationPage, vault, runner, course)
    assert isinstance(page, FormulationPage)
    goals = page.goals
    goals.suggestions.setCurrentIndex(1)  # the manual's first goal for role disputes
    goals.add_goal()
    model = goals.model
    assert model.rowCount() == 2 and model.index(1, 0).data() == "Identify the dispute."
    model.setData(model.index(1, 2), "met", EDIT)
    with qtbot.waitSignal(page.vault_session.changed):
        page.save_button.click()
    idle(qtbot, runner)
    saved = formulation.goals(vault, course[1])
    assert [(g.text, g.problem_area, g.status) for g in saved][1] == (
        "Identify the dispute.",
        "role_dispute",
        "met",
    )


def test_sr_profile_shows_sections(qtbot, vault, runner):
    client = episodes.add_client(vault, "Sam", "Example")
    episode = episodes.open_episode(vault, client, Contract("SR", 12), "2026-03-02")
    page = open_page(qtbot, FormulationPage, vault, runner, (client, episode))
    assert isinstance(page, FormulationPage)
    assert page.sections.isVisible() and not page.statement_box.isVisible()
    choose(page.primary, "role_transition")
    page.sections.texts["cultural"].setPlainText("Family expects her to care for her father.")
    with qtbot.waitSignal(page.vault_session.changed):
        page.save_button.click()
    idle(qtbot, runner)
    saved = formulation.get_formulation(vault, episode)
    assert saved.primary_area == "role_transition"
    assert saved.sections["cultural"] == "Family expects her to care for her father."


def test_plan_round_trip(qtbot, qtmodeltester, vault, runner, course):
    page = open_page(qtbot, PlanPage, vault, runner, course)
    assert isinstance(page, PlanPage)
    qtmodeltester.check(page.support.model)
    assert page.texts["skills_that_helped"].toPlainText().splitlines() == [
        "saying what I need directly",
        "planning visits together",
    ]
    assert page.support.model.index(0, 0).data() == FRIEND
    page.texts["warning_signs_symptoms"].setPlainText("waking at 4am\n\nnot eating  \n")
    page.support.person.setCurrentIndex(page.support.person.findData(_id(vault, course, SISTER)))
    page.support.add_person()
    page.support.model.setData(page.support.model.index(1, 1), "help with mother", EDIT)
    choose(page.frequency, "fortnightly")
    page.duration.setValue(6)
    page.review.set_value("2026-09-01")
    with qtbot.waitSignal(page.vault_session.changed):
        page.save_button.click()
    idle(qtbot, runner)
    saved = formulation.get_plan(vault, course[1])
    assert saved == page.current()
    assert saved.warning_signs_symptoms == ("waking at 4am", "not eating")
    assert saved.support_people[1] == SupportPerson(_id(vault, course, SISTER), "help with mother")
    assert (saved.frequency, saved.duration_months, saved.review_date) == (
        "fortnightly",
        6,
        "2026-09-01",
    )
    again = open_page(qtbot, PlanPage, vault, runner, course)
    assert isinstance(again, PlanPage)
    assert again.current() == saved


def test_plan_refusal_keeps_text(qtbot, vault, runner, course):
    page = open_page(qtbot, PlanPage, vault, runner, course)
    assert isinstance(page, PlanPage)
    page.texts["what_changed"].setPlainText("Calmer with my sister")
    page.support.model.aliases[999] = "ghost"
    page.support.model.append(SupportPerson(999, "nothing"))
    with qtbot.waitSignal(page.message) as shown:
        page.save_button.click()
    assert "inventory" in shown.args[0] and page.error.isVisible()
    assert page.texts["what_changed"].toPlainText() == "Calmer with my sister"


def test_audit_lists_this_clients_entries(qtbot, qtmodeltester, vault, runner, course):
    page = open_page(qtbot, AuditPage, vault, runner, course)
    assert isinstance(page, AuditPage)
    qtmodeltester.check(page.model)
    shown = model_text(page.model)
    assert page.model.rowCount() > 10
    for kind in ("client", "formulation", "maintenance-plan", "note"):
        assert kind in shown
    assert SISTER not in shown and "mood a little better" not in shown
    assert page.model.index(0, 0).data()  # a local date and time


def test_clear_forgets_every_client_text(qtbot, vault, runner, course):
    episode = course[1]
    canary = inventory.add_person(vault, episode, CANARY, "friend")
    formulation.save_formulation(
        vault,
        episode,
        Formulation(primary_area="role_dispute", statement=CANARY, patient_words=CANARY),
    )
    plan = formulation.get_plan(vault, episode)
    assert plan is not None
    formulation.save_plan(
        vault,
        episode,
        type(plan)(what_changed=CANARY, support_people=(SupportPerson(canary, CANARY),)),
    )
    pages = [
        open_page(qtbot, cls, vault, runner, course)
        for cls in (FormulationPage, PlanPage, AuditPage)
    ]
    for page in pages[:2]:
        assert CANARY in page_texts(page)
    for page in pages:
        page.clear()
        shown = page_texts(page)
        assert CANARY not in shown and SISTER not in shown and FRIEND not in shown
        assert "mother" not in shown
    assert all(page.model.rowCount() == 0 for page in pages if isinstance(page, AuditPage))


def _id(vault: Vault, ids: tuple[int, int], alias: str) -> int:
    return next(p.id for p in inventory.people(vault, ids[1]) if p.alias == alias)
