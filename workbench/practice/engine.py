"""The feedback engine: scores what the trainee selected or tagged against the answer key."""

from __future__ import annotations

from workbench.practice.area_section import area_section
from workbench.practice.attempt import Attempt
from workbench.practice.checks import check_attempt
from workbench.practice.feedback import Feedback
from workbench.practice.model import Vignette
from workbench.practice.parts import (
    Vocabulary,
    formulation_section,
    measures_section,
    people_section,
    selection_section,
    timeline_section,
)
from workbench.practice.risk_section import risk_section
from workbench.protocol import load_profile


def evaluate(vignette: Vignette, attempt: Attempt, source: str = "<attempt>") -> Feedback:
    """Score *attempt*; raises AttemptError (naming *source*) if it uses ids the case lacks."""
    check_attempt(attempt, vignette, source)
    words = Vocabulary(load_profile(vignette.profile))
    key = vignette.key
    risk = risk_section(vignette, attempt)
    area, caps = area_section(vignette, attempt, words)
    if risk.cap is not None:
        caps.append(risk.cap)
    sections = (
        area,
        people_section(vignette, attempt),
        timeline_section(vignette, attempt),
        measures_section(vignette, attempt),
        risk.section,
        selection_section(
            "goals",
            "Goals",
            key.goals,
            attempt.goals,
            words.goal,
            words.goal_area,
            key,
            key.distractors_of("goal"),
        ),
        selection_section(
            "strategies",
            "Strategies",
            key.strategies,
            attempt.strategies,
            words.strategy,
            words.strategy_area,
            key,
        ),
        selection_section(
            "techniques",
            "Techniques",
            key.techniques,
            attempt.techniques,
            words.technique,
            lambda _: None,
            key,
        ),
        formulation_section(vignette, attempt),
    )
    return Feedback(
        vignette_id=vignette.id,
        vignette_title=vignette.title,
        vignette_version=vignette.version,
        profile=vignette.profile,
        sections=sections,
        pass_percent=vignette.pass_percent,
        risk_required=risk.required,
        risk_passed=risk.passed,
        risk_summary=risk.summary,
        primary_correct=attempt.primary_area == key.primary.ref,
        caps=tuple(caps),
    )
