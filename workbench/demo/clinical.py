"""Fictional clinical detail for demo episodes: checklist progress, plans, risk notes, GAD-7."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from workbench.domain.course import EndingReview, MaintenanceContract
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
    """Ticked to match the phase: every required item of a phase left behind is done, the
    recommended ones mostly; the current phase is ticked in proportion to its progress."""
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
        done = phase is not current
        share = min(1.0, held / max(1, contracted)) if phase is Phase.MIDDLE else 0.5
        for item in protocol.items_for(phase, {area}):
            if item.scope is not Scope.EPISODE:
                continue
            chance = (1.0 if item.required else 0.85) if done else share
            if rng.random() < chance:
                ticked.append((item.id, "done"))
    return ticked


def maintenance_plan(
    rng: random.Random, worked_on: str, supports: list[str], rule: str
) -> dict[str, Any]:
    """A plan in the patient's words; support people (living) are named by inventory alias."""
    plan = MaintenancePlan(
        what_we_worked_on=worked_on,
        what_changed="I can say what I need and I see friends again.",
        skills_that_helped=tuple(rng.sample(SKILLS, 2)),
        warning_signs_symptoms=tuple(rng.sample(SYMPTOM_SIGNS, 2)),
        warning_signs_interpersonal=tuple(rng.sample(PEOPLE_SIGNS, 2)),
        situations_to_plan_for=(rng.choice(SITUATIONS),),
        if_warning_signs="Tell someone in my circle, book a check-in, use the skills list.",
        duration_months=rng.choice((6, 12, 24)),
        review_date="2027-01-15",
        focus="same problem area",
        return_to_acute_rule=rule,
    ).to_json()
    plan["support_people"] = [{"alias": a, "contact_for": "a walk and a talk"} for a in supports]
    return plan


RETURN_RULES = (
    "Two PHQ-9 scores of 10 or more a month apart: we agree a new acute contract.",
    "If the warning signs last two weeks, we meet weekly again and review the contract.",
)


def ending_review(rng: random.Random, next_step: str, plan: dict[str, Any]) -> dict[str, Any]:
    signs = [*plan["warning_signs_symptoms"], *plan["warning_signs_interpersonal"]]
    return EndingReview(
        progress_by_measures="PHQ-9 fell by more than half from the first session.",
        progress_on_goals="Both goals mostly met; the second still needs practice.",
        what_the_client_did=rng.choice(
            (
                "Raised the hard conversation herself and kept going back to it.",
                "Rejoined the group and asked friends for help without waiting.",
            )
        ),
        warning_signs=tuple(signs),
        next_step=next_step,
        feelings_about_ending="Sad and a little anxious; also proud.",
    ).to_json()


def maintenance_contract(rng: random.Random, start: date, rule: str) -> dict[str, Any]:
    months = rng.choice((6, 12, 24))
    return MaintenanceContract(
        frequency="monthly",
        duration_months=months,
        review_date=(start + timedelta(days=30 * min(months, 6))).isoformat(),
        return_to_acute_rule=rule,
        sessions=months,
    ).to_json()


def risk_note(rng: random.Random, held_on: date) -> dict[str, Any]:
    """A note meeting the rule: real text in every required field and a follow-up date."""
    return RiskNote(
        risk_formulation=rng.choice(
            (
                "Passive thoughts of death when exhausted; no plan or intent; close family ties.",
                "Fleeting wish not to wake up last week; none since; reviewed reasons for living.",
            )
        ),
        nature_of_thoughts=("passive wish",),
        frequency_recency="Asked directly: twice in the last two weeks, not since Friday.",
        protective_factors="Children, faith community, engaged in therapy.",
        actions_taken="Safety plan reviewed together; agreed to call the clinic if it worsens.",
        action_checks=("safety plan reviewed",),
        follow_up_date=(held_on + timedelta(days=7)).isoformat(),
    ).body()


def gad7(rng: random.Random, severity: int) -> dict[str, Any]:
    items = [min(3, max(0, severity + rng.randint(-1, 1))) for _ in range(7)]
    return {"instrument": "GAD-7", "items": items, "total": sum(items)}
