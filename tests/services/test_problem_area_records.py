"""Problem-area records and care details, validated and shown in the supervisor report."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.services.test_risk_follows_client import pdf_text
from workbench.domain.care import Adaptation, DatedEntry, MedicationRecord
from workbench.domain.episode import Contract
from workbench.domain.formulation import Formulation
from workbench.domain.inventory import PersonDetails
from workbench.domain.problem_areas import (
    DisputeRecord,
    GriefRecord,
    ProblemAreaRecords,
    StageChange,
    TransitionRecord,
)
from workbench.errors import InvalidInput
from workbench.services import episode_records as records
from workbench.services import episodes, export, formulation, inventory
from workbench.store.vault import Vault


def _episode(vault: Vault, profile: str = "SR") -> tuple[int, int, int, int]:
    client = episodes.add_client(vault, "Petra", "Vollan")
    ep = episodes.open_episode(vault, client, Contract(profile, 12), "2026-03-02")
    partner = inventory.add_person(vault, ep, "Jonas", "partner")
    father = inventory.add_person(
        vault,
        ep,
        "late father",
        "deceased",
        PersonDetails(living=False, date_of_death="2025-06-01"),
    )
    return client, ep, partner, father


def _text(vault: Vault, client: int, deidentify: bool = False) -> str:
    pdf = export.build(vault, client, "supervisor-report", deidentify=deidentify)
    return " ".join(pdf_text(pdf).split())


def test_dispute_stages_change_over_sessions_and_the_report_shows_the_history(
    vault: Vault,
) -> None:
    client, ep, partner, _ = _episode(vault)
    impasse = DisputeRecord(
        partner,
        (StageChange("2026-03-09", "impasse", "They stopped talking about money."),),
        client_wants="Shared decisions about money.",
        other_wants="To decide alone, as his father did.",
    )
    records.save_problem_areas(vault, ep, ProblemAreaRecords(dispute=impasse))
    later = replace(
        impasse, stages=(*impasse.stages, StageChange("2026-04-13", "renegotiation", "Talking."))
    )
    records.save_problem_areas(vault, ep, ProblemAreaRecords(dispute=later))
    assert records.problem_areas(vault, ep).dispute == later
    assert records.problem_areas(vault, ep).dispute.stage == "renegotiation"
    text = _text(vault, client)
    for expected in (
        "Role dispute: stage history",
        "Stage from 2026-03-09 impasse — They stopped talking about money.",
        "Stage from 2026-04-13 renegotiation — Talking.",
        "Shared decisions about money.",
        "Jonas",
    ):
        assert expected in text, expected
    hidden = _text(vault, client, deidentify=True)
    assert "Jonas" not in hidden and "Stage from week 2 impasse" in hidden


def test_a_dispute_is_with_a_living_person_from_the_inventory(vault: Vault) -> None:
    _, ep, partner, father = _episode(vault)
    with pytest.raises(InvalidInput, match="living person"):
        records.save_problem_areas(
            vault,
            ep,
            ProblemAreaRecords(DisputeRecord(father, (StageChange("2026-03-09", "impasse"),))),
        )
    with pytest.raises(InvalidInput, match="inventory"):
        records.save_problem_areas(
            vault,
            ep,
            ProblemAreaRecords(DisputeRecord(999, (StageChange("2026-03-09", "impasse"),))),
        )
    with pytest.raises(InvalidInput, match="impasse, renegotiation or dissolution"):
        records.save_problem_areas(
            vault, ep, ProblemAreaRecords(DisputeRecord(partner, (StageChange("2026-03-09", "x"),)))
        )
    assert records.problem_areas(vault, ep) == ProblemAreaRecords()


def test_grief_transition_medication_and_adaptation_reach_the_report(vault: Vault) -> None:
    client, ep, _, father = _episode(vault)
    records.save_problem_areas(
        vault,
        ep,
        ProblemAreaRecords(
            grief=GriefRecord(father, "2025-06-01", ("his birthday in May",), "Avoids the grave."),
            transition=TransitionRecord("Carer for her father", "Widowed daughter, back at work"),
        ),
    )
    records.save_medication(
        vault,
        ep,
        MedicationRecord(
            "Sertraline as she reports it",
            "her GP",
            changes=(DatedEntry("2026-03-20", "GP raised the dose"),),
            referrals=(DatedEntry("2026-03-23", "Bereavement group"),),
        ),
    )
    records.save_adaptation(vault, ep, Adaptation("telephone", "older adult", "Hearing aid."))
    with pytest.raises(InvalidInput):
        records.save_adaptation(vault, ep, Adaptation("carrier pigeon", "adult"))
    with pytest.raises(InvalidInput, match="date"):
        records.save_medication(vault, ep, MedicationRecord(changes=(DatedEntry("May", "x y"),)))
    text = _text(vault, client)
    for expected in (
        "Grief Who died late father",
        "his birthday in May",
        "Carer for her father",
        "Sertraline as she reports it",
        "Referral, 2026-03-23 Bereavement group",
        "Format telephone",
        "Adaptation older adult",
    ):
        assert expected in text, expected


def test_sr_interpersonal_sensitivity_is_never_the_primary_area(vault: Vault) -> None:
    _, ep, _, _ = _episode(vault, "SR")
    with pytest.raises(InvalidInput, match="never as the primary area"):
        formulation.save_formulation(
            vault, ep, Formulation(primary_area="interpersonal_sensitivity")
        )
    beside = Formulation(primary_area="role_dispute", secondary_area="interpersonal_sensitivity")
    formulation.save_formulation(vault, ep, beside)
    assert formulation.get_formulation(vault, ep) == beside
