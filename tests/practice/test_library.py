"""The shipped library covers the ground a trainee must practise (at least 15 cases)."""

from __future__ import annotations

from collections import Counter

from workbench.practice import shipped_vignettes
from workbench.protocol import Role, load_profile


def test_at_least_fifteen_fictional_cases_in_format_2() -> None:
    library = shipped_vignettes()
    assert len(library) >= 15
    assert all(v.format == 2 for v in library)
    assert all("(fictional)" in v.client for v in library)
    assert all(v.key.distractors for v in library)


def test_every_problem_area_under_both_manual_profiles() -> None:
    library = shipped_vignettes()
    for profile_id in ("WMK", "SR"):
        profile = load_profile(profile_id)
        mine = [v for v in library if v.profile == profile_id]
        worked = {v.key.primary.ref for v in mine} | {
            v.key.modifier.ref for v in mine if v.key.modifier is not None
        }
        wanted = {a.id for a in profile.problem_areas if a.role in (Role.FOCUS, Role.MODIFIER)}
        assert wanted <= worked, (profile_id, wanted - worked)
    assert any(v.key.primary.ref == "interpersonal_deficits" for v in library)  # WMK deficits
    assert any(v.key.modifier is not None for v in library)  # S&R sensitivity


def test_every_dispute_stage_and_the_grief_variants() -> None:
    library = shipped_vignettes()
    stages = {v.key.stage.ref for v in library if v.key.stage is not None}
    assert stages == {"renegotiation", "impasse", "dissolution"}
    features = Counter(f for v in library for f in v.features)
    assert features["complicated_grief"] >= 1 and features["uncomplicated_grief"] >= 1
    for v in library:
        if "complicated_grief" in v.features or "uncomplicated_grief" in v.features:
            assert v.key.primary.ref == "grief", v.id
    looks_like_grief = [v for v in library if "transition_like_grief" in v.features]
    assert looks_like_grief
    for v in looks_like_grief:
        assert v.key.primary.ref == "role_transition"
        assert "grief" in v.key.distractors_of("area")
        assert any(s.step == "rule_out" and s.area == "grief" for s in v.key.required)
        assert not any(e.type == "death" for e in v.timeline)


def test_adaptations_and_risk_notes() -> None:
    library = shipped_vignettes()
    adaptations = {v.adaptation for v in library} - {"none"}
    assert len(adaptations) >= 3, adaptations
    needing_a_note = [
        v for v in library if any(m.instrument == "PHQ-9" and m.items[8] > 0 for m in v.measures)
    ]
    assert len(needing_a_note) >= 4
    for v in needing_a_note:
        assert v.key.risk.required and "passive wish" in v.key.risk.nature
        assert any(s.step == "risk_note" for s in v.key.required)


def test_a_secondary_area_with_its_own_person() -> None:
    with_person = [
        (v, s) for v in shipped_vignettes() for s in v.key.secondaries if s.person is not None
    ]
    assert with_person
    for v, secondary in with_person:
        focus = v.key.focus_person.ref if v.key.focus_person is not None else None
        assert secondary.person != focus
