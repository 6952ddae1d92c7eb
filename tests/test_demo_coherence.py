"""The demo caseload follows the clinical rules a trainer would check, over many seeds."""

from __future__ import annotations

import re
from typing import Any

import pytest

from workbench.demo.generator import bundles
from workbench.domain.course import EndingReview, MaintenanceContract
from workbench.domain.phase import Phase
from workbench.domain.problem_areas import DISPUTE_STAGES
from workbench.domain.risk import RiskNote
from workbench.protocol import load_profile
from workbench.protocol.phase_engine import phase_for
from workbench.store import records

SEEDS = range(50)
CLIENTS_PER_SEED = 40
TALKING = re.compile(r"\b(talk|speak|tell|ask|call|see|visit|meet)\b", re.IGNORECASE)
ORDER = (Phase.INITIAL, Phase.MIDDLE)


def _episodes(seed: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(c, e) for c in bundles(CLIENTS_PER_SEED, seed) for e in c["episodes"]]


def _dead(episode: dict[str, Any]) -> set[str]:
    return {p["alias"] for p in episode["people"] if not p["details"]["living"]}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_deceased_are_grief_material_and_disputes_are_with_the_living(seed: int) -> None:
    for _, episode in _episodes(seed):
        dead = _dead(episode)
        for person in episode["people"]:
            assert (person["relationship"] == "deceased") == (not person["details"]["living"])
            if not person["details"]["living"]:
                assert person["details"].get("contact_frequency", "") in ("",), person
                assert not person["details"].get("conflict")
        for snapshot in episode["circle_snapshots"]:
            for alias, _, line in snapshot["placements"]:
                assert (line == "deceased") == (alias in dead)
        first_dead = not episode["people"][0]["details"]["living"]  # the focus comes first
        area = episode.get("formulation", {}).get("primary_area") or ("grief" * first_dead)
        assert first_dead == (area == "grief")
        record = episode["records"].get(records.PROBLEM_AREA, {})
        if area == "role_dispute" and record:
            dispute = record["dispute"]
            assert dispute["person_alias"] not in dead
            assert [s["stage"] for s in dispute["stages"]] and all(
                s["stage"] in DISPUTE_STAGES for s in dispute["stages"]
            )
        if area == "grief" and record:
            assert record["grief"]["person_alias"] in dead
        for goal in episode.get("goals", []):
            named = [alias for alias in dead if alias in goal["text"]]
            assert not (named and TALKING.search(goal["text"])), goal["text"]
        for session in episode["sessions"]:
            body = session["note"]["body"]
            for key, text in body.items():
                if isinstance(text, str) and any(alias in text for alias in dead):
                    assert area == "grief" and key == "problem_area_work", text


@pytest.mark.parametrize("seed", SEEDS)
def test_checklists_plans_contracts_and_risk_notes_match_the_course(seed: int) -> None:
    for _, episode in _episodes(seed):
        profile = load_profile(episode["manual_profile"])
        held, contracted = len(episode["sessions"]), episode["contracted_sessions"]
        ended, kind = episode["status"] == "ended", episode["kind"]
        current = phase_for(
            profile, sessions_held=held, contracted=contracted, kind=kind, ended=ended
        )
        ticked = {item_id for item_id, status in episode["checklist"] if status == "done"}
        if kind == "acute" and current is not Phase.NOT_STARTED:
            phases = [*ORDER, profile.ending_phase]
            reached = len(phases) if current is Phase.ENDED else phases.index(current) + 1
            area = episode.get("formulation", {}).get("primary_area")
            for phase in phases[: reached - 1] if current is not Phase.ENDED else phases:
                for item in profile.items_for(phase, {area} if area else None):
                    if item.required and item.scope.value == "episode":
                        assert item.id in ticked, (current, item.id)
            later = {i.id for p in phases[reached:] for i in profile.items_for(p)}
            assert not ticked & later
        if kind == "acute" and (ended or held >= contracted):
            assert "maintenance_plan" in episode  # the acute phase is finished
        if ended:
            review = EndingReview.from_json(episode["records"][records.ENDING_REVIEW])
            assert review.problems() == []
        if kind == "maintenance":
            contract = MaintenanceContract.from_json(
                episode["records"][records.MAINTENANCE_CONTRACT]
            )
            assert contract.problems() == []
            assert episode["maintenance_plan"]["return_to_acute_rule"]
        for session in episode["sessions"]:
            for measure in session.get("measures", []):
                for flag in measure.get("risk_flags", []):
                    if "risk_note" in flag:
                        body = dict(flag["risk_note"]["body"])
                        body["nature_of_thoughts"] = tuple(body["nature_of_thoughts"])
                        body["action_checks"] = tuple(body["action_checks"])
                        assert RiskNote(**body).problems() == []
                    elif ended:
                        assert episode.get("carry_open_flags_on") == episode["end_date"]
