"""Attempts built from a vignette: the model answer (full marks) and the blank starting point."""

from __future__ import annotations

from dataclasses import replace

from workbench.domain.risk import RiskNote
from workbench.practice.attempt import Attempt, MeasureEntry, PersonEntry
from workbench.practice.model import Vignette

MODEL_RISK_NOTE = RiskNote(
    risk_formulation="Model answer: the trainee's own risk formulation goes here.",
    nature_of_thoughts=("passive wish",),
    frequency_recency="As the case script describes.",
    protective_factors="As the case script describes.",
    actions_taken="Discussed with the supervisor; safety plan reviewed with the patient.",
    action_checks=("contact with supervisor",),
    follow_up_date="2027-01-14",  # any real date: practice cases have no calendar
)


def model_answer(vignette: Vignette, trainee: str = "model answer") -> Attempt:
    """Every answer-key element selected, measures scored right, a complete risk note if needed."""
    key = vignette.key
    tags: dict[str, tuple[str, ...]] = {}
    for element in key.timeline:
        assert element.tag is not None
        tags[element.ref] = (*tags.get(element.ref, ()), element.tag)
    best = max(key.secondaries, key=lambda e: e.weight, default=None)
    secondary_person = None
    if best is not None and best.person is not None:
        other = vignette.person(best.person)
        secondary_person = other.alias if other is not None else None
    focus = vignette.person(key.focus_person.ref) if key.focus_person is not None else None
    rule_outs = {
        step.area: f"Model answer: {step.why}" for step in key.required if step.area is not None
    }
    note = None
    if key.risk.required:
        nature = key.risk.nature or MODEL_RISK_NOTE.nature_of_thoughts
        note = replace(MODEL_RISK_NOTE, nature_of_thoughts=tuple(nature))
    return Attempt(
        vignette=vignette.id,
        trainee=trainee,
        people=tuple(PersonEntry(p.alias, p.relationship, p.ring) for p in vignette.people),
        timeline_tags=tags,
        measures={
            m.instrument: MeasureEntry(m.items, m.score.total, m.score.band)
            for m in vignette.measures
        },
        primary_area=key.primary.ref,
        secondary_area=best.ref if best is not None and best.weight > 0 else None,
        dispute_stage=key.stage.ref if key.stage else None,
        modifier=key.modifier.ref if key.modifier else None,
        goals=tuple(e.ref for e in key.goals),
        strategies=tuple(e.ref for e in key.strategies),
        techniques=tuple(e.ref for e in key.techniques),
        formulation={e.ref: f"Model answer: {e.look_for or e.why}" for e in key.formulation},
        risk_note=note,
        primary_person=focus.alias if focus is not None else None,
        secondary_person=secondary_person if best is not None and best.weight > 0 else None,
        rule_outs=rule_outs,
    )


def blank_attempt(vignette: Vignette, trainee: str = "") -> Attempt:
    """The starting point a trainee fills in: the given people pre-filled, nothing chosen."""
    return Attempt(
        vignette=vignette.id,
        trainee=trainee,
        people=tuple(
            PersonEntry(p.alias, p.relationship, p.ring) for p in vignette.people if p.given
        ),
        measures={
            m.instrument: MeasureEntry(tuple(None for _ in m.items)) for m in vignette.measures
        },
    )
