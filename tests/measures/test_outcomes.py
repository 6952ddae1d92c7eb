"""Response, partial response and remission against baseline (§10.5), with their definitions."""

from __future__ import annotations

import pytest

from tests.measures.helpers import responses_totalling
from workbench.measures import (
    DEFAULT_REMISSION,
    HAMD17_RECOVERY,
    HAMD17_REMISSION,
    HAMD17_SUSTAINED_REMISSION,
    PHQ9_REMISSION,
    MeasureInputError,
    RemissionRule,
    ResponseCriteria,
    Score,
    remission,
    response,
    score,
)


def phq(total: int) -> Score:
    return score(
        "PHQ-9", responses_totalling("PHQ-9", total, fixed={9: 0} if total <= 24 else None)
    )


def hamd(total: int) -> Score:
    return score("HAM-D-17", responses_totalling("HAM-D-17", total))


@pytest.mark.parametrize(
    ("baseline", "current", "status", "label", "definition"),
    [
        (20, 10, "response", "Response", "≥50% fall from baseline score"),  # exactly 50%
        (20, 0, "response", "Response", "≥50% fall from baseline score"),
        (21, 11, "partial response", "Partial response", "≥25% and <50% fall from baseline score"),
        (20, 15, "partial response", "Partial response", "≥25% and <50% fall from baseline score"),
        (20, 16, "no response", "No response", "<25% fall from baseline score, or a rise"),
        (20, 20, "no response", "No response", "<25% fall from baseline score, or a rise"),
        (10, 15, "no response", "No response", "<25% fall from baseline score, or a rise"),
    ],
)
def test_response_edges(
    baseline: int, current: int, status: str, label: str, definition: str
) -> None:
    outcome = response(phq(baseline), phq(current))
    assert (outcome.status, outcome.label, outcome.definition) == (status, label, definition)
    assert outcome.percent_fall == pytest.approx(100 * (baseline - current) / baseline)
    assert outcome.reason is None
    assert outcome.caption == f"{label} (by definition: {definition})"


@pytest.mark.parametrize(
    ("baseline", "current", "status"),
    [
        (3, 2, "partial response"),  # 33.3%
        (3, 1, "response"),  # 66.7%
        (7, 4, "partial response"),  # 42.9%
        (8, 6, "partial response"),  # exactly 25%
        (9, 7, "no response"),  # 22.2%
        (99, 50, "partial response"),  # 49.49...% stays below 50%
        (101, 50, "response"),  # 50.49...%
    ],
)
def test_response_percentages_are_exact_with_plain_totals(
    baseline: int, current: int, status: str
) -> None:
    assert response(baseline, current).status == status


def test_baseline_zero_is_not_computed() -> None:
    outcome = response(phq(0), phq(0))
    assert outcome.status == "not computed"
    assert outcome.percent_fall is None
    assert outcome.reason is not None and "baseline score is 0" in outcome.reason
    assert outcome.definition == "≥50% fall from baseline score"


def test_response_needs_complete_scores() -> None:
    incomplete = score("PHQ-9", [1] * 8 + [None])
    assert response(incomplete, phq(3)).reason == "no complete baseline score"
    assert response(phq(20), incomplete).reason == "no complete current score"
    assert response(None, phq(3)).status == "not computed"
    assert response(phq(20), None).status == "not computed"


def test_response_thresholds_are_configurable() -> None:
    strict = ResponseCriteria(response_percent=60, partial_percent=30)
    assert response(20, 10, criteria=strict).status == "partial response"
    assert response(20, 8, criteria=strict).definition == "≥60% fall from baseline score"
    assert response(20, 15, criteria=strict).status == "no response"
    for bad in ((50, 50), (25, 50), (101, 25), (50, 0)):
        with pytest.raises(MeasureInputError):
            ResponseCriteria(response_percent=bad[0], partial_percent=bad[1])


def test_response_refuses_mixed_instruments_and_negative_totals() -> None:
    with pytest.raises(MeasureInputError, match="Cannot compare"):
        response(phq(20), hamd(10))
    with pytest.raises(MeasureInputError, match="negative"):
        response(-1, 0)


@pytest.mark.parametrize(
    ("total", "status"), [(4, "remission"), (5, "no remission"), (0, "remission")]
)
def test_phq9_remission_is_total_below_5(total: int, status: str) -> None:
    outcome = remission(phq(18), phq(total))
    assert outcome.status == status
    assert outcome.label == ("Remission" if status == "remission" else "No remission")
    assert outcome.definition == "PHQ-9 total <5"


@pytest.mark.parametrize(("total", "status"), [(7, "remission"), (8, "no remission")])
def test_hamd_remission_is_7_or_less(total: int, status: str) -> None:
    outcome = remission(hamd(22), hamd(total))
    assert (outcome.status, outcome.definition) == (status, "HAM-D-17 total ≤7")


@pytest.mark.parametrize(("total", "status"), [(6, "recovery"), (7, "no recovery")])
def test_hamd_recovery_is_6_or_less(total: int, status: str) -> None:
    outcome = remission(hamd(22), hamd(total), rule=HAMD17_RECOVERY)
    assert (outcome.status, outcome.definition) == (status, "HAM-D-17 total ≤6")
    assert outcome.label in {"Recovery", "No recovery"}


def test_sustained_remission_needs_three_consecutive_ratings() -> None:
    rule = HAMD17_SUSTAINED_REMISSION
    too_few = remission(hamd(22), hamd(5), rule=rule, preceding=[hamd(6)])
    assert too_few.status == "not computed"
    met = remission(hamd(22), hamd(5), rule=rule, preceding=[hamd(14), hamd(7), hamd(6)])
    assert met.status == "remission"
    broken = remission(hamd(22), hamd(5), rule=rule, preceding=[hamd(8), hamd(6)])
    assert broken.status == "no remission"
    gap = remission(hamd(22), hamd(5), rule=rule, preceding=[None, hamd(6)])
    assert gap.status == "not computed"


def test_remission_is_only_computed_with_a_baseline() -> None:
    assert remission(None, phq(2)).status == "not computed"
    incomplete = score("PHQ-9", [None] * 9)
    assert remission(incomplete, phq(2)).reason == "no complete baseline score"
    assert remission(phq(15), incomplete).status == "not computed"


def test_remission_rules_and_defaults() -> None:
    assert DEFAULT_REMISSION == {"PHQ-9": PHQ9_REMISSION, "HAM-D-17": HAMD17_REMISSION}
    with pytest.raises(MeasureInputError, match="pass rule="):
        remission(score("GAD-7", [2] * 7), score("GAD-7", [0] * 7))
    with pytest.raises(MeasureInputError, match="plain totals"):
        remission(15, 3)
    assert remission(15, 3, rule=PHQ9_REMISSION).status == "remission"
    with pytest.raises(MeasureInputError, match="0–27"):
        remission(15, 28, rule=PHQ9_REMISSION)
    with pytest.raises(MeasureInputError, match="cannot be judged"):
        remission(phq(15), phq(3), rule=HAMD17_REMISSION)
    gad = RemissionRule("GAD-7", 4, "GAD-7 total <5")
    assert remission(score("GAD-7", [2] * 7), score("GAD-7", [0] * 7), rule=gad).status == (
        "remission"
    )
    with pytest.raises(MeasureInputError):
        RemissionRule("PHQ-9", 27, "everything")
    with pytest.raises(MeasureInputError):
        RemissionRule("PHQ-9", 4, "none", consecutive=0)
