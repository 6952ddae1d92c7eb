"""Problem-area page on a real vault: dispute stages over time, grief, transition grid, deficits,
care record; the core's refusals shown; S&R sensitivity refused as the primary area."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate

from tests.ui.workspace.test_inventory_timeline import idle, open_page
from ui.tasks import TaskRunner
from ui.workspace.formulation_page import FormulationPage
from ui.workspace.problem_area_page import ProblemAreaPage
from workbench.domain.episode import Contract
from workbench.domain.inventory import PersonDetails
from workbench.services import episode_records, episodes, formulation, inventory
from workbench.store.vault import Vault

SISTER, FATHER = "Ines Calloway", "Mr Calloway"  # invented


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()


@pytest.fixture
def course(vault: Vault) -> tuple[int, int]:
    client, episode = episodes.start_client(
        vault, "Petra", "Calloway", Contract("WMK", 12), "2026-02-02"
    )
    inventory.add_person(vault, episode, SISTER, "sibling", PersonDetails(confiding="partly"))
    inventory.add_person(
        vault, episode, FATHER, "deceased", PersonDetails(living=False, date_of_death="2025-11-03")
    )
    return client, episode


def choose(combo, value) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def save(qtbot, page: ProblemAreaPage, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    page.save_button.click()
    idle(qtbot, runner)


def test_records_round_trip_and_the_dispute_stage_history(qtbot, vault, runner, course) -> None:
    page = open_page(qtbot, ProblemAreaPage, vault, runner, course)
    assert isinstance(page, ProblemAreaPage)
    people = {p.alias: p.id for p in inventory.people(vault, course[1])}
    dispute = page.dispute
    offered = [dispute.person.itemData(i) for i in range(dispute.person.count())]
    assert offered == [people[SISTER]]  # the dead are grief work, never dispute partners
    dispute.setChecked(True)
    dispute.on.setDate(QDate(2026, 2, 9))
    choose(dispute.stage, "impasse")
    dispute.note.setText("They no longer speak")
    dispute.add_button.click()
    dispute.client_wants.setPlainText("A fair share of the visits.")
    page.grief.setChecked(True)
    choose(page.grief.person, people[FATHER])
    page.grief.died_on.set_value("2025-11-03")
    page.grief.anniversaries.setPlainText("his birthday in March")
    page.transition.setChecked(True)
    page.transition.boxes["old_role"].setPlainText("full-time nurse")
    page.transition.boxes["new_role"].setPlainText("carer for her mother")
    page.care.current.setPlainText("Sertraline 50 mg, as she reports it")
    page.care.referrals.setPlainText("2026-02-10 community carers' group")
    choose(page.care.delivery, "video")
    assert page.dirty
    save(qtbot, page, runner)
    assert page.error.isHidden() and not page.dirty

    dispute.on.setDate(QDate(2026, 3, 2))
    choose(dispute.stage, "renegotiation")
    dispute.add_button.click()
    save(qtbot, page, runner)

    saved = episode_records.problem_areas(vault, course[1])
    assert saved.dispute is not None and saved.dispute.person_id == people[SISTER]
    assert [(c.on, c.stage) for c in saved.dispute.stages] == [
        ("2026-02-09", "impasse"),
        ("2026-03-02", "renegotiation"),
    ]
    assert saved.dispute.stages[0].note == "They no longer speak"
    assert saved.grief is not None and saved.grief.person_id == people[FATHER]
    assert saved.transition is not None and saved.transition.new_role == "carer for her mother"
    assert saved.deficits is None
    medication = episode_records.medication(vault, course[1])
    assert medication is not None and medication.referrals[0].on == "2026-02-10"
    adaptation = episode_records.adaptation(vault, course[1])
    assert adaptation is not None and adaptation.delivery == "video"

    page.reload()
    qtbot.waitUntil(lambda: dispute.stages.rowCount() == 2, timeout=5000)
    assert page.transition.boxes["old_role"].toPlainText() == "full-time nurse"
    assert not page.dirty


def test_refusals_are_shown_and_the_text_stays(qtbot, vault, runner, course) -> None:
    page = open_page(qtbot, ProblemAreaPage, vault, runner, course)
    assert isinstance(page, ProblemAreaPage)
    page.dispute.setChecked(True)  # no stage recorded
    page.care.changes.setPlainText("last spring dose halved")
    save(qtbot, page, runner)
    assert page.error.isVisible() and "stage of the dispute" in page.error.text()
    assert page.care.changes.toPlainText() == "last spring dose halved"
    assert episode_records.problem_areas(vault, course[1]).dispute is None


def test_sr_sensitivity_is_refused_as_the_primary_area(qtbot, vault, runner) -> None:
    client, episode = episodes.start_client(
        vault, "Jun", "Aldous", Contract("SR", 10), "2026-02-02"
    )
    page = open_page(qtbot, FormulationPage, vault, runner, (client, episode))
    assert isinstance(page, FormulationPage)
    choose(page.primary, "interpersonal_sensitivity")
    page.save_button.click()
    idle(qtbot, runner)
    assert page.error.isVisible() and "never as the primary area" in page.error.text()
    saved = formulation.get_formulation(vault, episode)
    assert saved is None or saved.primary_area != "interpersonal_sensitivity"
