"""A whole course through the services: renegotiate, end with the review, IPT-M, recurrence."""

from __future__ import annotations

import pytest

from tests.services.test_risk_follows_client import pdf_text
from workbench.domain.clinician import ClinicianProfile, CrisisContact
from workbench.domain.course import EndingReview, MaintenanceContract
from workbench.domain.episode import Contract
from workbench.domain.inventory import PersonDetails
from workbench.domain.maintenance import MaintenancePlan, SupportPerson
from workbench.errors import InvalidInput
from workbench.services import clinician, course, episodes, export, formulation, inventory
from workbench.services import sessions as session_service
from workbench.store import audit
from workbench.store.vault import Vault

REVIEW = EndingReview(
    progress_by_measures="PHQ-9 from 19 at intake to 6 at the last session.",
    progress_on_goals="Talks with her partner about money again; back at choir.",
    what_the_client_did="She raised the hard conversation herself, twice.",
    warning_signs=("waking before five", "dropping choir"),
    next_step="maintenance",
)
IPT_M = MaintenanceContract(
    frequency="monthly",
    duration_months=12,
    review_date="2026-10-05",
    return_to_acute_rule="Two PHQ-9 totals of 10 or more a month apart: a new acute contract.",
    sessions=12,
)


def _acute(vault: Vault) -> tuple[int, int, int]:
    clinician.save_profile(
        vault,
        ClinicianProfile(
            name="Dr Wren Halloway",
            crisis_text="Out of hours, call the night line below.",
            crisis_contacts=(CrisisContact("Fennick night line", "01632 960 999"),),
        ),
    )
    client = episodes.add_client(vault, "Maren", "Ostlund")
    ep = episodes.open_episode(vault, client, Contract("WMK", 12), "2026-01-05")
    sister = inventory.add_person(vault, ep, "Ingrid", "sibling")
    inventory.add_person(
        vault,
        ep,
        "late father",
        "deceased",
        PersonDetails(living=False, date_of_death="2024-02-01"),
    )
    formulation.save_plan(
        vault, ep, MaintenancePlan(support_people=(SupportPerson(sister, "a call on Sundays"),))
    )
    return client, ep, sister


def test_the_contract_range_follows_the_manual_profile(vault: Vault) -> None:
    client = episodes.add_client(vault, "Rhian", "Tolley")
    with pytest.raises(InvalidInput, match="S&R contract has 6–20 sessions"):
        episodes.open_episode(vault, client, Contract("SR", 4), "2026-01-05")
    ep = episodes.open_episode(vault, client, Contract("SR", 6), "2026-01-05")
    with pytest.raises(InvalidInput, match="6–20"):
        episodes.renegotiate(vault, ep, 24, changed_on="2026-02-02", reason="More time needed.")
    assert episodes.get_episode(vault, ep).contract.contracted_sessions == 6


def test_a_whole_course_with_maintenance_and_a_recurrence(vault: Vault) -> None:
    client, ep, _ = _acute(vault)
    episodes.renegotiate(vault, ep, 16, changed_on="2026-03-02", reason="Grief work took longer.")
    for week in range(16):
        session_service.record_session(
            vault, ep, f"2026-{1 + week // 4:02d}-{1 + week % 4 * 7:02d}"
        )
    with pytest.raises(InvalidInput, match="Start maintenance once the current episode has ended"):
        course.start_maintenance(vault, client, IPT_M, "2026-05-04")
    with pytest.raises(InvalidInput, match="“What the client did”"):
        course.end_acute_phase(
            vault, ep, EndingReview("x y", "a b", "ok", ("tired",), "maintenance"), "2026-04-27"
        )
    course.end_acute_phase(vault, ep, REVIEW, "2026-04-27")
    assert course.ending_review(vault, ep) == REVIEW
    assert formulation.get_plan(vault, ep).warning_signs_symptoms == REVIEW.warning_signs

    with pytest.raises(InvalidInput, match="Review date"):
        course.start_maintenance(
            vault,
            client,
            MaintenanceContract("monthly", 12, "soon", "a rule here", 12),
            "2026-05-04",
        )
    maintenance = course.start_maintenance(vault, client, IPT_M, "2026-05-04")
    assert course.maintenance_contract(vault, maintenance) == IPT_M
    plan = pdf_text(export.build(vault, client, "maintenance-plan"))
    flat = " ".join(plan.split())
    for expected in (
        "waking before five",  # the warning signs of the review
        "Ingrid",  # the support person, carried over from the inventory
        "Out of hours, call the night line below.",  # the clinician's crisis text
        "Fennick night line",
        IPT_M.return_to_acute_rule,
        "Signed by Dr Wren Halloway",
    ):
        assert expected in flat, expected
    report = " ".join(pdf_text(export.build(vault, client, "supervisor-report")).split())
    for expected in (
        "Course of treatment",
        "renegotiated 12 → 16 on 2026-03-02 (Grief work took longer.)",
        "Termination review",
        "She raised the hard conversation herself, twice.",
        "Maintenance (IPT-M) contract",
        IPT_M.return_to_acute_rule,
    ):
        assert expected in report, expected

    episodes.end_episode(vault, maintenance, "2026-09-07")
    again = course.start_new_acute_episode(vault, client, Contract("SR", 12), "2026-10-05")
    history = course.course_history(vault, client)
    assert [h.episode.id for h in history] == [ep, maintenance, again]
    assert history[0].changes[0].new_sessions == 16 and history[0].sessions_held == 16
    assert history[1].maintenance_contract == IPT_M and history[0].ending_review == REVIEW
    done = {(e.action, e.entity) for e in audit.entries(vault.conn)}
    for step in ("contract", "termination", "maintenance-episode", "episode"):
        assert any(entity == step for _, entity in done), step
