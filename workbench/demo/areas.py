"""Who and what each problem area is about in the demo, following the clinical rules.

The deceased are grief material (never dispute partners, never in daily contact); disputes are
with living people; goals never ask the client to talk with someone who has died.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from workbench.demo.names import PERSON_ALIASES

# The relationship of the person each problem area centres on (the first person listed).
FOCUS_RELATIONSHIPS = {
    "grief": ("deceased",),
    "role_dispute": ("partner", "parent", "child", "sibling", "co-worker", "boss"),
    "role_transition": ("partner", "friend", "co-worker", "boss"),
    "interpersonal_deficits": ("friend", "co-worker", "sibling", "other"),
}
LIVING = tuple(r for r in PERSON_ALIASES if r != "deceased")
ONSET_EVENT = {
    "grief": "death",
    "role_dispute": "conflict escalation",
    "role_transition": "move",
    "interpersonal_deficits": "other",
}
ONSET_NOTES = {
    "grief": "The death of {person}; mood fell in the months after the funeral.",
    "role_dispute": "Arguments with {person} grew, then stopped; mood fell soon after.",
    "role_transition": "Moved for a new job; daily routine and old friends left behind.",
    "interpersonal_deficits": "A long spell with few close ties grew lonelier.",
}
STATEMENTS = {
    "grief": "Your depression began after the death of your {person} and is tied to grief.",
    "role_dispute": "Your depression began as the dispute with your {person} grew.",
    "role_transition": "Your depression began with the move and the change of role.",
    "interpersonal_deficits": "Your depression has grown with few close relationships.",
}
GOALS = {
    "grief": (
        "Go over the story of the loss of my {person}, good and hard memories.",
        "See {living} and the {group} again.",
    ),
    "role_dispute": (
        "Reopen the talk with my {person} about {topic} and agree a fairer split.",
        "Say what I need without waiting for it to build up.",
    ),
    "role_transition": (
        "Accept what was lost with the old routine and see what the new role offers.",
        "Build new local supports, starting with {living}.",
    ),
    "interpersonal_deficits": (
        "Make one new contact a week, starting with {living}.",
        "Notice and talk about what makes closeness hard.",
    ),
}
WORKED_ON = {
    "grief": "Mourning my {person} and finding people and interests again.",
    "role_dispute": "The dispute with my {person}: saying what I need and agreeing changes.",
    "role_transition": "Getting used to the new role after the move.",
    "interpersonal_deficits": "Building closer relationships, one step at a time.",
}
GROUPS = ("walking group", "choir", "book club", "card club")
TOPICS = ("money", "childcare", "housework", "working late", "visits to family")


def people(rng: random.Random, area: str, onset: date) -> list[dict[str, Any]]:
    """The inventory; the first person is the one the problem area centres on."""
    focus = rng.choice(FOCUS_RELATIONSHIPS[area])
    others = rng.sample([r for r in LIVING if r != focus], k=rng.randint(2, 5))
    chosen = [focus, *others]
    if area != "grief" and rng.random() < 0.15:
        chosen.append("deceased")  # an old loss: in the inventory, not the focus
    found, seen = [], set()
    for n, relationship in enumerate(chosen):
        alias = rng.choice(PERSON_ALIASES[relationship])
        if alias in seen:
            continue
        seen.add(alias)
        found.append(_person(rng, alias, relationship, area if n == 0 else None, onset))
    return found


def _person(
    rng: random.Random, alias: str, relationship: str, focus_of: str | None, onset: date
) -> dict[str, Any]:
    if relationship == "deceased":
        died = onset - timedelta(days=rng.randint(30, 400) if focus_of else rng.randint(900, 5000))
        details: dict[str, Any] = {
            "living": False,
            "date_of_death": died.isoformat(),
            "good": "Kind, funny; always there on Sundays.",
            "problem_areas": ["grief"] if focus_of else [],
        }
        return {"alias": alias, "relationship": relationship, "ring": 1, "details": details}
    dispute = focus_of == "role_dispute"
    details = {
        "living": True,
        "contact_frequency": "daily" if dispute else rng.choice(("weekly", "monthly", "rarely")),
        "confiding": "no" if dispute else rng.choice(("yes", "partly", "no")),
        "conflict": f"Argues about {rng.choice(TOPICS)}, then silence for days." if dispute else "",
        "patient_expectations": "Would like more help at home."
        if dispute
        else "Would like to see them more often.",
        "patient_expectations_met": "not met" if dispute else rng.choice(("met", "partly")),
        "problem_areas": ["dispute"] if dispute else [],
    }
    ring = rng.choice((1, 2)) if focus_of else rng.choice((1, 2, 2, 3))
    return {"alias": alias, "relationship": relationship, "ring": ring, "details": details}


def line_style(person: dict[str, Any]) -> str:
    if not person["details"]["living"]:
        return "deceased"
    return "conflict" if person["details"]["conflict"] else "supportive"


def words(template: str, rng: random.Random, folks: list[dict[str, Any]]) -> str:
    living = [p["alias"] for p in folks if p["details"]["living"]]
    return template.format(
        person=folks[0]["alias"],
        living=rng.choice(living[1:] or living),
        group=rng.choice(GROUPS),
        topic=rng.choice(TOPICS),
    )


def dispute_stages(rng: random.Random, start: date, held: int, step: int) -> list[dict[str, str]]:
    """A dated stage history: often an impasse that opens into renegotiation mid-course."""
    first = rng.choice(("impasse", "impasse", "renegotiation", "dissolution"))
    stages = [{"on": start.isoformat(), "stage": first, "note": "Assessed in the first sessions."}]
    if first == "impasse" and held >= 6 and rng.random() < 0.7:
        moved = start + timedelta(days=step * rng.randint(4, held - 1))
        stages.append({"on": moved.isoformat(), "stage": "renegotiation", "note": "Talking again."})
    return stages


def area_record(
    rng: random.Random, area: str, folks: list[dict[str, Any]], stages: list[dict[str, str]]
) -> dict[str, Any]:
    """The problem-area record (bulk form: people by alias)."""
    focus = folks[0]
    if area == "role_dispute":
        return {
            "dispute": {
                "person_alias": focus["alias"],
                "stages": stages,
                "client_wants": "Shared decisions and help with the children.",
                "other_wants": "That family duty is accepted without complaint.",
            }
        }
    if area == "grief":
        return {
            "grief": {
                "person_alias": focus["alias"],
                "died_on": focus["details"]["date_of_death"],
                "anniversaries": ["the day of the death", "a birthday in the spring"],
                "avoidance": "Has not visited the grave; changes the subject.",
                "relationship": "Close and warm, with old arguments never settled.",
            }
        }
    if area == "role_transition":
        return {
            "transition": {
                "old_role": "Settled job near old friends",
                "new_role": "Team lead in a new city",
                "lost": "Friends, routine, feeling competent",
                "gained": "Responsibility, a higher salary",
                "feelings": "Fear of failing; anger at the move",
                "skills_needed": "Delegating; leading meetings",
                "supports_needed": "A local club; a colleague to ask",
            }
        }
    return {
        "deficits": {
            "isolation_pattern": "Withdraws when unsure of a welcome; few contacts since school.",
            "therapeutic_relationship": "Practising saying when a session felt unhelpful.",
        }
    }
