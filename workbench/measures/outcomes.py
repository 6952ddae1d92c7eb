"""Response, partial response and remission against a baseline, each with its definition (§10.5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.measures.model import MeasureInputError, Score
from workbench.measures.registry import get_instrument

NOT_COMPUTED = "not computed"


@dataclass(frozen=True)
class Outcome:
    """A status by a stated definition; a description of scores, never a recommendation.

    status is one of "response", "partial response", "no response", the rule's term
    ("remission" / "recovery"), "no " + that term, or "not computed" (then *reason* says why).
    """

    status: str
    label: str
    definition: str
    percent_fall: float | None = None
    reason: str | None = None

    @property
    def caption(self) -> str:
        """Label with its definition, e.g. "Response (by definition: ≥50% fall ...)"."""
        return f"{self.label} (by definition: {self.definition})"


@dataclass(frozen=True)
class ResponseCriteria:
    """Percentage falls from baseline; defaults from §10.5 (response ≥50%, partial 25–49%)."""

    response_percent: int = 50
    partial_percent: int = 25

    def __post_init__(self) -> None:
        if not 0 < self.partial_percent < self.response_percent <= 100:
            raise MeasureInputError(
                "Response thresholds need 0 < partial < response ≤ 100 (percent fall); got "
                f"partial {self.partial_percent}, response {self.response_percent}."
            )

    @property
    def response_definition(self) -> str:
        return f"≥{self.response_percent}% fall from baseline score"

    @property
    def partial_definition(self) -> str:
        return f"≥{self.partial_percent}% and <{self.response_percent}% fall from baseline score"

    @property
    def no_response_definition(self) -> str:
        return f"<{self.partial_percent}% fall from baseline score, or a rise"


@dataclass(frozen=True)
class RemissionRule:
    """Remission-type status: total ≤ max_score on the last *consecutive* ratings."""

    instrument: str
    max_score: int
    definition: str
    term: str = "remission"
    consecutive: int = 1

    def __post_init__(self) -> None:
        top = get_instrument(self.instrument).max_total
        if not 0 <= self.max_score < top or self.consecutive < 1:
            raise MeasureInputError(
                f"{self.instrument} {self.term} needs a cut-off of 0–{top - 1} and at least one "
                f"rating; got ≤{self.max_score} on {self.consecutive}.",
                instrument=self.instrument,
            )


DEFAULT_RESPONSE = ResponseCriteria()
PHQ9_REMISSION = RemissionRule("PHQ-9", 4, "PHQ-9 total <5")
HAMD17_REMISSION = RemissionRule("HAM-D-17", 7, "HAM-D-17 total ≤7")
HAMD17_SUSTAINED_REMISSION = RemissionRule(
    "HAM-D-17", 7, "HAM-D-17 total ≤7 on 3 consecutive weekly ratings", consecutive=3
)
HAMD17_RECOVERY = RemissionRule("HAM-D-17", 6, "HAM-D-17 total ≤6", term="recovery")
DEFAULT_REMISSION = {rule.instrument: rule for rule in (PHQ9_REMISSION, HAMD17_REMISSION)}

Rating = Score | int | None


def response(
    baseline: Rating, current: Rating, *, criteria: ResponseCriteria = DEFAULT_RESPONSE
) -> Outcome:
    """Response / partial response / no response: percentage fall from *baseline*."""
    _same_instrument(baseline, current)
    base, now = _total(baseline), _total(current)
    if base is None:
        return _not_computed(criteria.response_definition, "no complete baseline score")
    if now is None:
        return _not_computed(criteria.response_definition, "no complete current score")
    if base == 0:
        return _not_computed(
            criteria.response_definition,
            "baseline score is 0, so a percentage fall cannot be calculated",
        )
    fall = base - now
    percent = 100 * fall / base
    # Integer cross-multiplication keeps edges exact (e.g. 10 → 5 is exactly 50%).
    if fall * 100 >= criteria.response_percent * base:
        status, label, definition = "response", "Response", criteria.response_definition
    elif fall * 100 >= criteria.partial_percent * base:
        status, label, definition = (
            "partial response",
            "Partial response",
            criteria.partial_definition,
        )
    else:
        status, label, definition = "no response", "No response", criteria.no_response_definition
    return Outcome(status, label, definition, percent_fall=percent)


def remission(
    baseline: Rating,
    current: Rating,
    *,
    rule: RemissionRule | None = None,
    preceding: Sequence[Rating] = (),
) -> Outcome:
    """Remission (or recovery) by *rule*; computed only when a complete baseline exists.

    Without *rule*, the instrument's default from §10.5 is used (PHQ-9 <5, HAM-D-17 ≤7);
    plain integer totals then need an explicit rule. *preceding* holds earlier consecutive
    ratings, oldest first, for rules that need several (e.g. 3 weekly HAM-D ratings).
    """
    rule = rule or _default_rule(baseline, current)
    ratings = [*preceding, current]
    for rating in (baseline, *ratings):
        _check_rating(rule, rating)
    if _total(baseline) is None:
        return _not_computed(rule.definition, "no complete baseline score")
    recent = [_total(r) for r in ratings[-rule.consecutive :]]
    if len(recent) < rule.consecutive or any(total is None for total in recent):
        return _not_computed(
            rule.definition,
            f"needs {rule.consecutive} consecutive complete rating(s) after baseline",
        )
    if all(total is not None and total <= rule.max_score for total in recent):
        return Outcome(rule.term, rule.term.capitalize(), rule.definition)
    return Outcome(f"no {rule.term}", f"No {rule.term}", rule.definition)


def _total(rating: Rating) -> int | None:
    return rating.total if isinstance(rating, Score) else rating


def _not_computed(definition: str, reason: str) -> Outcome:
    return Outcome(NOT_COMPUTED, "Not computed", definition, reason=reason)


def _same_instrument(baseline: Rating, current: Rating) -> None:
    if (
        isinstance(baseline, Score)
        and isinstance(current, Score)
        and baseline.instrument != current.instrument
    ):
        raise MeasureInputError(
            f"Cannot compare a {current.instrument} score with a {baseline.instrument} baseline."
        )
    for rating in (baseline, current):
        if isinstance(rating, int) and not isinstance(rating, bool) and rating < 0:
            raise MeasureInputError(f"A total cannot be negative; got {rating}.")


def _default_rule(baseline: Rating, current: Rating) -> RemissionRule:
    ids = {r.instrument for r in (baseline, current) if isinstance(r, Score)}
    if len(ids) != 1:
        raise MeasureInputError(
            "Pass rule= when the scores are plain totals or come from different instruments."
        )
    (instrument_id,) = ids
    if instrument_id not in DEFAULT_REMISSION:
        raise MeasureInputError(
            f"§10.5 gives no default remission definition for {instrument_id}; pass rule=.",
            instrument=instrument_id,
        )
    return DEFAULT_REMISSION[instrument_id]


def _check_rating(rule: RemissionRule, rating: Rating) -> None:
    if isinstance(rating, Score):
        if rating.instrument != rule.instrument:
            raise MeasureInputError(
                f"A {rating.instrument} score cannot be judged by a {rule.instrument} rule.",
                instrument=rating.instrument,
            )
        return
    top = get_instrument(rule.instrument).max_total
    if rating is not None and (isinstance(rating, bool) or not 0 <= rating <= top):
        raise MeasureInputError(
            f"A {rule.instrument} total must be 0–{top}; got {rating!r}.",
            instrument=rule.instrument,
            allowed=(0, top),
        )
