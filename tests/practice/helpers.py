"""Shared pieces for the practice tests: every vignette (shipped and test-only) and edits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.practice import (
    Attempt,
    Distractor,
    MeasureEntry,
    RequiredStep,
    Vignette,
    load_vignette_file,
    model_answer,
    shipped_vignettes,
)

DATA = Path(__file__).parent / "data"
TEST_VIGNETTE = DATA / "x_valk.toml"


def all_vignettes() -> list[Vignette]:
    """The shipped vignettes and the one (format 1) that lives only under tests/."""
    return [*shipped_vignettes(), load_vignette_file(TEST_VIGNETTE)]


def choosing(vignette: Vignette, distractor: Distractor) -> Attempt:
    """The model answer with one distractor's wrong choice made instead of the right one."""
    attempt = model_answer(vignette)
    if distractor.element == "area":
        secondary = None if attempt.secondary_area == distractor.choice else attempt.secondary_area
        return replace(attempt, primary_area=distractor.choice, secondary_area=secondary)
    if distractor.element == "stage":
        return replace(attempt, dispute_stage=distractor.choice)
    if distractor.element == "person":
        person = vignette.person(distractor.choice)
        assert person is not None
        return replace(attempt, primary_person=person.alias)
    return replace(attempt, goals=(*attempt.goals, distractor.choice))


def without_step(vignette: Vignette, step: RequiredStep) -> Attempt:
    """The model answer with one required step left out (everything else right)."""
    attempt = model_answer(vignette)
    if step.step == "rule_out":
        rule_outs = {k: v for k, v in attempt.rule_outs.items() if k != step.area}
        return replace(attempt, rule_outs=rule_outs)
    if step.step == "stage":
        return replace(attempt, dispute_stage=None)
    if step.step == "focus_person":
        return replace(attempt, primary_person=None)
    return replace(attempt, risk_note=None)


def with_phq9_total(vignette: Vignette, total: int) -> Attempt:
    """The model answer with a different PHQ-9 total claimed (items unchanged)."""
    attempt = model_answer(vignette)
    entry = attempt.measures["PHQ-9"]
    measures = {**attempt.measures, "PHQ-9": MeasureEntry(entry.items, total, entry.band)}
    return replace(attempt, measures=measures)
