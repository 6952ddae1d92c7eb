"""The shipped protocol content: both profiles load, ids are unique and match the snapshot."""

from __future__ import annotations

import pytest

from tests.protocol.id_snapshot import (
    SHARED_ITEM_IDS,
    SR_ONLY_ITEM_IDS,
    TECHNIQUE_IDS,
    WMK_ONLY_ITEM_IDS,
)
from workbench.protocol import (
    Level,
    Phase,
    Role,
    UnknownProfile,
    list_profiles,
    load_profile,
    profile_id,
    techniques,
)
from workbench.protocol.phase_engine import ENDING_RAISED_ITEM, FORMULATION_AGREED_ITEM

SNAPSHOT = {"WMK": SHARED_ITEM_IDS | WMK_ONLY_ITEM_IDS, "SR": SHARED_ITEM_IDS | SR_ONLY_ITEM_IDS}


def test_both_profiles_are_listed_and_load() -> None:
    assert list_profiles() == ("WMK", "SR")
    for name in list_profiles():
        profile = load_profile(name)
        assert profile.id == name
        assert profile.version >= 1
        assert profile.checklist


def test_profile_names_accept_case_and_aliases_and_share_one_cached_load() -> None:
    assert profile_id("wmk") == "WMK"
    assert profile_id(" S&R ") == "SR"
    assert load_profile("S&R") is load_profile("SR")
    with pytest.raises(UnknownProfile, match="IPT-X"):
        load_profile("IPT-X")


@pytest.mark.parametrize("name", ["WMK", "SR"])
def test_item_ids_are_unique_and_match_the_snapshot(name: str) -> None:
    ids = [item.id for item in load_profile(name).checklist]
    assert len(ids) == len(set(ids))
    assert set(ids) == SNAPSHOT[name], "an id was renamed or removed: recorded state would strand"


def test_technique_ids_are_unique_and_match_the_snapshot() -> None:
    ids = [t.id for t in techniques()]
    assert len(ids) == len(set(ids))
    assert set(ids) == TECHNIQUE_IDS


def test_phases_follow_each_dialect() -> None:
    wmk, sr = load_profile("WMK"), load_profile("SR")
    assert [p.phase for p in wmk.phases] == [
        Phase.INITIAL,
        Phase.MIDDLE,
        Phase.TERMINATION,
        Phase.MAINTENANCE,
    ]
    assert [p.phase for p in sr.phases] == [
        Phase.INITIAL,
        Phase.MIDDLE,
        Phase.CONCLUSION,
        Phase.MAINTENANCE,
    ]
    assert (wmk.ending_phase, sr.ending_phase) == (Phase.TERMINATION, Phase.CONCLUSION)
    assert [p.sessions for p in wmk.phases] == [3, None, 3, None]
    assert [p.sessions for p in sr.phases] == [3, None, 2, None]


def test_problem_areas_follow_each_dialect() -> None:
    wmk, sr = load_profile("WMK"), load_profile("SR")
    assert {a.id: a.role for a in wmk.problem_areas} == {
        "grief": Role.FOCUS,
        "role_dispute": Role.FOCUS,
        "role_transition": Role.FOCUS,
        "interpersonal_deficits": Role.FOCUS,
    }
    assert {a.id: a.role for a in sr.problem_areas} == {
        "grief": Role.FOCUS,
        "role_dispute": Role.FOCUS,
        "role_transition": Role.FOCUS,
        "interpersonal_sensitivity": Role.MODIFIER,
    }
    disputes = sr.problem_area("role_dispute")
    assert disputes is not None and disputes.label == "Interpersonal disputes"
    deficits = wmk.problem_area("interpersonal_deficits")
    assert deficits is not None and deficits.selection_prompt


@pytest.mark.parametrize("name", ["WMK", "SR"])
def test_every_problem_area_has_goals_and_strategies(name: str) -> None:
    profile = load_profile(name)
    for area in profile.problem_areas:
        assert area.goals, area.id
        assert area.strategies, area.id
        assert all(item.problem_area == area.id for item in area.strategies)
    dispute = profile.problem_area("role_dispute")
    assert dispute is not None
    assert [s.id for s in dispute.stages] == ["renegotiation", "impasse", "dissolution"]
    assert all(s.description and s.aim for s in dispute.stages)


@pytest.mark.parametrize("name", ["WMK", "SR"])
def test_checklists_cover_every_phase_with_required_items(name: str) -> None:
    profile = load_profile(name)
    for definition in profile.phases:
        items = profile.items_for(definition.phase)
        assert any(item.level is Level.REQUIRED for item in items), definition.id
    assert all(len(item.text) <= 200 for item in profile.checklist), "keep items short"
    for item_id in (FORMULATION_AGREED_ITEM, ENDING_RAISED_ITEM):
        item = profile.item(item_id)
        assert item is not None and item.required


def test_dialect_specific_items() -> None:
    wmk, sr = load_profile("WMK"), load_profile("SR")
    discuss = sr.item("ending.discuss_maintenance")
    assert discuss is not None and discuss.required and discuss.phase is Phase.CONCLUSION
    assert wmk.item("ending.discuss_maintenance") is None
    assert sr.item("middle.deficits.ruled_out") is None
    raised = wmk.item("ending.raise_ending")
    assert raised is not None and raised.phase is Phase.TERMINATION


def test_techniques_per_profile() -> None:
    wmk = {t.id for t in techniques("WMK")}
    sr = {t.id for t in techniques("S&R")}
    assert {"interpersonal_incident", "problem_solving"} <= sr - wmk
    assert {"communication_analysis", "decision_analysis", "role_play"} <= wmk & sr
    optional = [t.id for t in techniques() if t.optional]
    assert optional == ["between_session_task"], "homework is never required"
