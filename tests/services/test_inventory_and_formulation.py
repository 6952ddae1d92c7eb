"""Inventory, closeness circle, timeline, formulation (with WMK rule-outs) and maintenance plan."""

from __future__ import annotations

import pytest

from workbench.domain.episode import Contract
from workbench.domain.formulation import Formulation, Goal
from workbench.domain.inventory import PersonDetails, Placement, TimelineEvent
from workbench.domain.maintenance import MaintenancePlan, SupportPerson
from workbench.errors import InvalidInput
from workbench.services import episodes, formulation, inventory, measures
from workbench.store.vault import Vault


def test_inventory_circle_snapshots_and_timeline(vault: Vault, episode: int) -> None:
    sister = inventory.add_person(
        vault,
        episode,
        "older sister",
        "sibling",
        PersonDetails(
            confiding="partly",
            patient_expectations="calls weekly",
            patient_expectations_met="not met",
            problem_areas=("dispute",),
        ),
    )
    mother = inventory.add_person(vault, episode, "late mother", "deceased")
    assert inventory.people(vault, episode)[1].details.living is False
    inventory.snapshot_circle(
        vault,
        episode,
        "2026-03-02",
        "intake",
        [Placement(sister, 2, "conflict"), Placement(mother, 1, "deceased")],
    )
    inventory.snapshot_circle(
        vault, episode, "2026-05-25", "end", [Placement(sister, 1, "supportive")]
    )
    intake, end = inventory.circle_snapshots(vault, episode)
    assert (intake.label, end.label) == ("intake", "end")
    assert {p.person_id: p.ring for p in intake.placements} == {sister: 2, mother: 1}
    inventory.add_event(
        vault,
        episode,
        TimelineEvent(
            0, "2025-11-03", "day", "death", 9, "episode start", "mother died", (mother,)
        ),
    )
    measures.record(vault, episode, "PHQ-9", [2] * 8 + [0], administered_on="2026-03-02")
    events = inventory.timeline(vault, episode)
    assert [e.event_type for e in events] == ["death", "measure"]
    assert events[0].people == (mother,) and events[1].symptom_marker == "PHQ-9 16"


def test_bad_inventory_input_is_refused(vault: Vault, episode: int) -> None:
    with pytest.raises(InvalidInput):
        inventory.add_person(vault, episode, " ", "sibling")
    with pytest.raises(InvalidInput):
        inventory.add_person(vault, episode, "x", "acquaintance")
    with pytest.raises(InvalidInput):
        inventory.add_person(vault, episode, "x", "friend", PersonDetails(confiding="maybe"))
    with pytest.raises(InvalidInput):
        inventory.snapshot_circle(vault, episode, "2026-03-02", "intake", [Placement(999, 1)])


def test_formulation_checks_areas_and_asks_why_others_were_ruled_out(
    vault: Vault, episode: int
) -> None:
    with pytest.raises(InvalidInput, match="not a problem area"):
        formulation.save_formulation(vault, episode, Formulation(primary_area="loneliness"))
    with pytest.raises(InvalidInput, match="ruled out"):
        formulation.save_formulation(
            vault, episode, Formulation(primary_area="interpersonal_deficits")
        )
    reasons = {
        "grief": "no recent loss",
        "role_dispute": "no current dispute",
        "role_transition": "no life change near onset",
    }
    formulation.save_formulation(
        vault,
        episode,
        Formulation(
            primary_area="interpersonal_deficits",
            sections={"ruled_out": reasons},
            shared_on="2026-03-16",
            patient_agreed="yes",
            patient_words="I keep to myself",
        ),
    )
    saved = formulation.get_formulation(vault, episode)
    assert saved is not None and saved.agreed


def test_draft_statement_is_built_from_the_record_and_left_editable(
    vault: Vault, episode: int
) -> None:
    sister = inventory.add_person(vault, episode, "older sister", "sibling")
    inventory.add_event(
        vault,
        episode,
        TimelineEvent(
            0,
            "2025-12-01",
            "day",
            "conflict escalation",
            7,
            "episode start",
            "the row at the wedding",
            (sister,),
        ),
    )
    draft = formulation.suggest_statement(vault, episode)
    assert "the row at the wedding" in draft and "older sister" in draft
    assert "[problem area]" in draft and "[goal]" in draft  # gaps stay visible
    formulation.save_formulation(vault, episode, Formulation(primary_area="role_dispute"))
    formulation.set_goals(vault, episode, [Goal("say what I need to my sister", "role_dispute")])
    draft = formulation.suggest_statement(vault, episode)
    assert "a role dispute" in draft and "12 weeks" in draft and "[" not in draft
    assert formulation.get_formulation(vault, episode).statement == ""  # never auto-saved


def test_sr_profile_has_no_deficits_area(vault: Vault) -> None:
    client = episodes.add_client(vault, "Nuria", "Ortega")
    sr = episodes.open_episode(vault, client, Contract("SR", 12), "2026-03-02")
    with pytest.raises(InvalidInput):
        formulation.save_formulation(vault, sr, Formulation(primary_area="interpersonal_deficits"))


def test_maintenance_plan_uses_inventory_people(vault: Vault, episode: int) -> None:
    friend = inventory.add_person(vault, episode, "friend from choir", "friend")
    plan = MaintenancePlan(
        what_we_worked_on="Speaking up with my sister",
        skills_that_helped=("saying what I need directly",),
        warning_signs_symptoms=("waking at 4am",),
        warning_signs_interpersonal=("avoiding my sister",),
        support_people=(SupportPerson(friend, "a walk and a talk"),),
        duration_months=12,
        review_date="2026-12-01",
        focus="same problem area",
    )
    formulation.save_plan(vault, episode, plan)
    assert formulation.get_plan(vault, episode) == plan
    with pytest.raises(InvalidInput):
        formulation.save_plan(
            vault, episode, MaintenancePlan(support_people=(SupportPerson(4242),))
        )
    with pytest.raises(InvalidInput):
        formulation.save_plan(vault, episode, MaintenancePlan(frequency="hourly"))
