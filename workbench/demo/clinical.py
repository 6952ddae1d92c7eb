"""Fictional clinical detail for demo episodes: checklist progress, plans, risk notes, GAD-7."""

from __future__ import annotations

import random
from typing import Any

from workbench.domain.maintenance import MaintenancePlan
from workbench.domain.phase import Phase
from workbench.domain.risk import RiskNote
from workbench.protocol import Scope, load_profile
from workbench.protocol.phase_engine import phase_for

SKILLS = (
    "saying what I need directly",
    "calling my sister weekly",
    "planning one outing a week",
    "noticing when I withdraw",
    "asking for help before things pile up",
)
SYMPTOM_SIGNS = (
    "waking at 4am",
    "losing interest in cooking",
    "staying in bed at weekends",
    "skipping meals",
)
PEOPLE_SIGNS = (
    "avoiding calls",
    "arguments going quiet",
    "cancelling plans",
    "not answering messages",
)
SITUATIONS = (
    "the anniversary in March",
    "the move in the summer",
    "Christmas with family",
    "returning to work after leave",
)


def focus_areas(profile: str) -> list[str]:
    """Problem areas a formulation can focus on (not modifiers such as sensitivity)."""
    return [a.id for a in load_profile(profile).problem_areas if a.role.value == "focus"]


def checklist(
    rng: random.Random,
    profile: str,
    *,
    held: int,
    contracted: int,
    kind: str,
    ended: bool,
    area: str,
) -> list[tuple[str, str]]:
    """Items a clinician would plausibly have ticked by now: most of earlier phases, some now."""
    protocol = load_profile(profile)
    current = phase_for(protocol, sessions_held=held, contracted=contracted, kind=kind, ended=ended)
    if current is Phase.NOT_STARTED:
        return []
    order = (
        [Phase.MAINTENANCE]
        if kind == "maintenance"
        else [Phase.INITIAL, Phase.MIDDLE, protocol.ending_phase]
    )
    reached = order if current is Phase.ENDED else order[: order.index(current) + 1]
    ticked = []
    for phase in reached:
        chance = 0.5 if phase is current else 0.92
        for item in protocol.items_for(phase, {area}):
            if item.scope is Scope.EPISODE and rng.random() < chance:
                ticked.append((item.id, "done"))
    return ticked


def maintenance_plan(rng: random.Random, aliases: list[str], area: str) -> dict[str, Any]:
    """A plan in the patient's words; support people are named by inventory alias."""
    plan = MaintenancePlan(
        what_we_worked_on=f"How things changed with {aliases[0]} ({area.replace('_', ' ')}).",
        what_changed="I can say what I need and I see friends again.",
        skills_that_helped=tuple(rng.sample(SKILLS, 2)),
        warning_signs_symptoms=tuple(rng.sample(SYMPTOM_SIGNS, 2)),
        warning_signs_interpersonal=tuple(rng.sample(PEOPLE_SIGNS, 2)),
        situations_to_plan_for=(rng.choice(SITUATIONS),),
        if_warning_signs="Tell someone in my circle, book a check-in, use the skills list.",
        duration_months=rng.choice((6, 12, 24)),
        review_date="2027-01-15",
        focus="same problem area",
    ).to_json()
    plan["support_people"] = [
        {"alias": a, "contact_for": "a walk and a talk"} for a in aliases[1:3]
    ]
    return plan


def risk_note(rng: random.Random) -> dict[str, Any]:
    return RiskNote(
        risk_formulation=rng.choice(
            (
                "Passive thoughts of death when exhausted; no plan or intent; close family ties.",
                "Fleeting wish not to wake up last week; none since; reviewed reasons for living.",
            )
        ),
        nature_of_thoughts=("passive wish",),
        frequency_recency="Twice in the last two weeks, not since Friday.",
        protective_factors="Children, faith community, engaged in therapy.",
        actions_taken="Safety plan reviewed together; agreed to call the clinic if it worsens.",
        action_checks=("safety plan reviewed",),
        follow_up_date="next session",
    ).body()


def gad7(rng: random.Random, severity: int) -> dict[str, Any]:
    items = [min(3, max(0, severity + rng.randint(-1, 1))) for _ in range(7)]
    return {"instrument": "GAD-7", "items": items, "total": sum(items)}
