"""Every vignette, shipped or test-only: full marks, distractor questions, risk, measure errors."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.practice.helpers import all_vignettes, choosing, with_phq9_total, without_step
from workbench.practice import (
    Attempt,
    Mark,
    MeasureEntry,
    Vignette,
    evaluate,
    model_answer,
    shipped_vignettes,
)
from workbench.practice.text import feedback_text
from workbench.protocol import load_profile

VIGNETTES = all_vignettes()
IDS = [v.id for v in VIGNETTES]


@pytest.fixture(params=VIGNETTES, ids=IDS)
def vignette(request: pytest.FixtureRequest) -> Vignette:
    return request.param  # type: ignore[no-any-return]


def test_the_shipped_set() -> None:
    shipped = {v.id: v for v in shipped_vignettes()}
    assert {"G", "D", "T", "I", "M"} <= set(shipped)
    assert shipped["G"].key.primary.ref == "grief"
    assert shipped["D"].key.primary.ref == "role_dispute"
    assert shipped["D"].key.stage is not None and shipped["D"].key.stage.ref == "impasse"
    assert shipped["T"].key.primary.ref == "role_transition"
    assert shipped["I"].key.primary.ref == "interpersonal_deficits"
    # The mixed case: a recent death tempts grief, but the onset follows a dispute.
    mixed = shipped["M"]
    assert mixed.key.primary.ref == "role_dispute"
    assert "grief" in {d.area for d in mixed.key.distractors}
    assert any(e.type == "death" for e in mixed.timeline)
    # At least one positive item 9 with a passive death wish (ipt-reference §11.2 item 8).
    g_phq = shipped["G"].measure("PHQ-9")
    assert g_phq is not None and g_phq.items[8] == 1
    assert shipped["G"].key.risk.required and "passive wish" in shipped["G"].key.risk.nature


def test_titles_never_give_the_problem_area_away() -> None:
    labels = {a.label.casefold() for p in ("WMK", "SR") for a in load_profile(p).problem_areas}
    words = {"grief", "dispute", "transition", "deficit", "isolation", *labels}
    for v in shipped_vignettes():
        assert not any(w in v.title.casefold() for w in words), v.title


def test_a_perfect_attempt_scores_full_marks(vignette: Vignette) -> None:
    feedback = evaluate(vignette, model_answer(vignette))
    assert feedback.score == feedback.max_score > 0
    assert feedback.percent == 100.0 and feedback.passed and feedback.risk_passed
    assert not feedback.missed and not feedback.distractors and not feedback.measure_errors
    assert not feedback.marked(Mark.HARD_FAIL, Mark.OFF_FOCUS)


def test_the_attempt_survives_json(vignette: Vignette) -> None:
    attempt = model_answer(vignette, trainee="Zoë Тест")
    again = Attempt.from_json(json.loads(json.dumps(attempt.to_json())))
    assert again == attempt


def test_every_distractor_fails_with_its_own_question(vignette: Vignette) -> None:
    assert vignette.key.distractors
    for distractor in vignette.key.distractors:
        feedback = evaluate(vignette, choosing(vignette, distractor))
        asked = [f for f in feedback.distractors if f.element_id == distractor.id]
        assert asked, (vignette.id, distractor.id)
        assert asked[0].question == distractor.question
        assert asked[0].why == distractor.why
        assert asked[0].where.startswith("ipt-reference §")
        assert feedback.score < feedback.max_score
        if distractor.element == "area":
            # The focus is the heart of the formulation: the wrong one never passes.
            assert vignette.key.primary.id in [f.element_id for f in feedback.missed]
            assert not feedback.passed and feedback.result == "not passed (primary problem area)"
        if distractor.element in ("stage", "person") and vignette.format == 2:
            assert not feedback.passed, (vignette.id, distractor.id)


def test_a_missing_required_step_caps_the_score(vignette: Vignette) -> None:
    for step in vignette.key.required:
        feedback = evaluate(vignette, without_step(vignette, step))
        assert feedback.percent <= step.cap < vignette.pass_percent
        assert not feedback.passed
        assert step.id in [c.step_id for c in feedback.caps]
        missing = [
            f for f in feedback.marked(Mark.STEP_MISSING, Mark.HARD_FAIL) if f.element_id == step.id
        ]
        assert missing and missing[0].question == step.question
        assert missing[0].where.startswith("ipt-reference §")


def test_a_missing_risk_note_fails_only_where_one_is_required(vignette: Vignette) -> None:
    attempt = replace(model_answer(vignette), risk_note=None)
    feedback = evaluate(vignette, attempt)
    if vignette.key.risk.required:
        assert not feedback.risk_passed and not feedback.passed
        assert feedback.result == "not passed (risk check failed)"
        assert feedback.marked(Mark.HARD_FAIL)
        # Failed whatever the points: everything else is right, yet the score is capped.
        assert feedback.raw_percent >= vignette.pass_percent > feedback.percent
    else:
        assert feedback.risk_passed and feedback.passed
        assert feedback.score == feedback.max_score
        risk = feedback.section("risk")
        assert any("not an all-clear" in f.why for f in risk.findings)


def test_a_wrong_phq9_total_is_told_the_item_sum(vignette: Vignette) -> None:
    measure = vignette.measure("PHQ-9")
    assert measure is not None and measure.score.total is not None
    real = measure.score.total
    wrong = real - 2
    feedback = evaluate(vignette, with_phq9_total(vignette, wrong))
    texts = [f.label for f in feedback.measure_errors]
    assert f"PHQ-9: you entered {wrong}; the items add up to {real}" in texts
    assert feedback.section("measures").points < feedback.section("measures").max_points


def test_a_zero_item_9_is_never_called_safe(vignette: Vignette) -> None:
    text = feedback_text(evaluate(vignette, replace(model_answer(vignette), risk_note=None)))
    risk_part = text.split("Risk (")[1].split("\n\n")[0]
    assert "safe" not in risk_part.casefold().replace("safety", "")
    assert "all clear" not in risk_part.casefold()


def test_the_trainees_own_positive_item_9_needs_a_note() -> None:
    d = next(v for v in shipped_vignettes() if v.id == "D")
    attempt = model_answer(d)
    assert attempt.risk_note is None  # D needs none as given
    items = attempt.measures["PHQ-9"].items
    mistyped = (*items[:8], 2)
    measures = {**attempt.measures, "PHQ-9": MeasureEntry(mistyped, sum(mistyped), "moderate")}
    feedback = evaluate(d, replace(attempt, measures=measures))
    assert not feedback.risk_passed and not feedback.passed
    assert any("item 9" in f.label for f in feedback.marked(Mark.HARD_FAIL))
    assert any(
        f.label == "PHQ-9 item 9: the case gives 0, you entered 2" for f in feedback.measure_errors
    )


def test_wrong_band_and_transcription_errors_are_named() -> None:
    g = next(v for v in shipped_vignettes() if v.id == "G")
    attempt = model_answer(g)
    items = list(attempt.measures["PHQ-9"].items)
    items[6] = 2
    measures = {**attempt.measures, "PHQ-9": MeasureEntry(tuple(items), 19, "severe")}
    feedback = evaluate(g, replace(attempt, measures=measures))
    texts = [f.label for f in feedback.measure_errors]
    assert "PHQ-9 item 7: the case gives 1, you entered 2" in texts
    assert any("'moderately severe' band (15–19); not 'severe'" in t for t in texts)
    assert not any("add up" in t for t in texts)  # 19 is the sum of what was entered


def test_a_thin_risk_note_fails_by_the_records_own_rule() -> None:
    g = next(v for v in shipped_vignettes() if v.id == "G")
    attempt = model_answer(g)
    assert attempt.risk_note is not None
    for field, value in (
        ("protective_factors", ""),
        ("protective_factors", "daughter"),
        ("risk_formulation", "low low"),
        ("actions_taken", "Discussed"),
        ("follow_up_date", "soon"),
    ):
        thin = replace(attempt, risk_note=replace(attempt.risk_note, **{field: value}))
        feedback = evaluate(g, thin)
        assert not feedback.risk_passed and not feedback.passed, field
        failed = feedback.marked(Mark.HARD_FAIL)
        assert failed and failed[0].label.startswith("Risk note too thin")
        step = next(s for s in g.key.required if s.step == "risk_note")
        assert failed[0].question == step.question
        assert failed[0].where == "ipt-reference §11.2" and "risk formulation" in failed[0].manual
        assert feedback.percent <= step.cap


def test_a_risk_note_without_the_described_thoughts_loses_its_points() -> None:
    g = next(v for v in shipped_vignettes() if v.id == "G")
    attempt = model_answer(g)
    assert attempt.risk_note is not None
    other = replace(attempt, risk_note=replace(attempt.risk_note, nature_of_thoughts=("plan",)))
    feedback = evaluate(g, other)
    assert feedback.risk_passed and feedback.section("risk").points == 0


def test_off_focus_selections_cost_points_and_extras_are_noted() -> None:
    t = next(v for v in shipped_vignettes() if v.id == "T")
    attempt = model_answer(t)
    extra = replace(
        attempt,
        strategies=(*attempt.strategies, "middle.grief.story_of_death", "initial.sick_role"),
    )
    feedback = evaluate(t, extra)
    strategies = feedback.section("strategies")
    assert strategies.points == strategies.max_points - 1
    assert [f.mark for f in strategies.findings if f.element_id is None] == [
        Mark.OFF_FOCUS,
        Mark.NOTE,
    ]


def test_people_are_matched_without_case_or_accents() -> None:
    g = next(v for v in shipped_vignettes() if v.id == "G")
    attempt = model_answer(g)
    people = tuple(replace(p, alias="LÁSZLÓ") if p.alias == "Laszlo" else p for p in attempt.people)
    feedback = evaluate(g, replace(attempt, people=people))
    assert feedback.section("people").points == feedback.section("people").max_points


def test_ring_and_relationship_slips_are_remarked_not_scored() -> None:
    g = next(v for v in shipped_vignettes() if v.id == "G")
    attempt = model_answer(g)
    people = tuple(
        replace(p, ring=3, relationship="friend") if p.alias == "Laszlo" else p
        for p in attempt.people
    )
    section = evaluate(g, replace(attempt, people=people)).section("people")
    notes = [f.label for f in section.findings if f.mark is Mark.NOTE]
    assert "Laszlo: relationship 'friend'" in notes
    assert "Laszlo: placed in the outer ring (3)" in notes
    assert section.points == section.max_points


def test_a_blank_attempt_scores_nothing_and_misses_everything(vignette: Vignette) -> None:
    from workbench.practice import blank_attempt

    feedback = evaluate(vignette, blank_attempt(vignette))
    assert feedback.score == 0 and not feedback.passed
    assert feedback.risk_passed is not vignette.key.risk.required


def test_the_sensitivity_modifier_and_secondary_areas() -> None:
    from tests.practice.helpers import TEST_VIGNETTE
    from workbench.practice import load_vignette_file

    x = load_vignette_file(TEST_VIGNETTE)
    feedback = evaluate(x, replace(model_answer(x), modifier=None))
    assert any(
        f.label == "Modifier: Interpersonal sensitivity (none chosen)" for f in feedback.missed
    )
    t = next(v for v in shipped_vignettes() if v.id == "T")
    without = evaluate(t, replace(model_answer(t), secondary_area=None))
    assert [f.element_id for f in without.missed] == ["secondary_dispute"]
    assert without.passed  # a secondary area is optional; missing it only costs its points
