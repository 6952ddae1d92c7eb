"""The three errors trainers saw slip through are caught on the shipped vignettes that have them:
a wrong dispute stage, a skipped rule-out and a one-word risk note."""

from __future__ import annotations

from dataclasses import replace

from workbench.practice import Mark, evaluate, find_vignette, model_answer
from workbench.practice.text import feedback_text


def test_impasse_where_the_case_is_at_renegotiation_fails_with_the_stage_question() -> None:
    m = find_vignette("M")
    assert m.key.stage is not None and m.key.stage.ref == "renegotiation"
    feedback = evaluate(m, replace(model_answer(m), dispute_stage="impasse"))
    assert not feedback.passed and feedback.percent <= 60 < m.pass_percent
    asked = [f for f in feedback.distractors if f.element_id == "distractor_impasse"]
    assert asked and "still talk about the house" in (asked[0].question or "")
    assert asked[0].where == "ipt-reference §3.2"
    assert "Renegotiation: Both know they differ" in asked[0].manual
    assert "Impasse: Talk has stopped" in asked[0].manual
    assert "dispute stage" in feedback.result


def test_a_skipped_rule_out_of_the_tempting_area_is_capped() -> None:
    m = find_vignette("M")
    attempt = replace(model_answer(m), rule_outs={})
    feedback = evaluate(m, attempt)
    assert not feedback.passed and feedback.percent <= 60
    assert feedback.raw_percent == 100.0  # every point earned, and still not passed
    missing = feedback.marked(Mark.STEP_MISSING)
    assert [f.element_id for f in missing] == ["required_rule_out_grief"]
    assert "after Samir put the" in (missing[0].question or "")
    assert missing[0].where == "ipt-reference §3.1" and missing[0].manual.startswith("Grief (WMK)")
    # One word is not a rule-out either.
    one_word = evaluate(m, replace(attempt, rule_outs={"grief": "dispute"}))
    assert not one_word.passed


def test_a_one_word_risk_note_fails_where_the_case_needs_one() -> None:
    g = find_vignette("G")
    note = model_answer(g).risk_note
    assert note is not None
    thin = replace(
        note,
        risk_formulation="passive",
        frequency_recency="sometimes",
        protective_factors="daughter",
        actions_taken="discussed",
    )
    feedback = evaluate(g, replace(model_answer(g), risk_note=thin))
    assert not feedback.risk_passed and not feedback.passed and feedback.percent <= 50
    failed = feedback.marked(Mark.HARD_FAIL)
    assert failed and "Risk note too thin" in failed[0].label
    assert "How often, since when" in (failed[0].question or "")
    text = feedback_text(feedback)
    assert "The manual (ipt-reference §11.2)" in text and "capped from" in text
