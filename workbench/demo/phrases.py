"""Sentence templates for fictional IPT session notes, so demo text reads like real notes."""

from __future__ import annotations

import random

CHECK_IN = (
    "Reports mood {mood} this week, sleep {sleep}.",
    "Arrived {punctual}; said the week had been {week}.",
    "Mood rated {rating}/10; appetite {appetite}.",
    "Described feeling {feeling} most mornings, better by evening.",
)
MOOD_EVENT = (
    "Linked the low days to the argument with {person} about {topic}.",
    "Felt lighter after spending the weekend with {person}.",
    "Mood dipped after {person} cancelled plans at short notice.",
    "Noticed that talking to {person} about {topic} lifted their mood for two days.",
    "Felt flat after the meeting with {person} about {topic}; did not say what they wanted.",
)
AREA_WORK = {
    "grief": (
        "Reconstructed the relationship with the {lost}, good and difficult memories.",
        "Explored guilt about the last weeks of the {lost}'s illness.",
        "Talked about visiting the grave with {person} for the first time.",
        "Connected the anniversary of the {lost}'s death with a week of poor sleep.",
    ),
    "role_dispute": (
        "Dispute with {person} judged to be at the {stage} stage.",
        "Clarified non-reciprocal expectations about {topic} with {person}.",
        "Reviewed options for raising {topic} with {person} calmly.",
    ),
    "role_transition": (
        "Mourned what was lost in the old role: {loss}.",
        "Listed skills needed for the new role and who could help.",
        "Weighed the positive sides of the new situation with {person}.",
    ),
    "interpersonal_deficits": (
        "Reviewed past relationships for patterns of withdrawal.",
        "Planned one small step to contact {person} this week.",
        "Explored how the therapy relationship could model asking for help.",
    ),
}
# Ids from resources/protocol/techniques.toml, as the session note records them.
TECHNIQUES = (
    "clarification",
    "communication_analysis",
    "role_play",
    "decision_analysis",
    "encouragement_of_affect",
    "exploration",
    "therapeutic_relationship",
)
PLANS = (
    "Will try to speak to {person} about {topic} before next session.",
    "Agreed to note mood and contacts each evening.",
    "Plans to rejoin the {group} on Thursday.",
    "Will ask {person} for help with {topic}.",
    "",
)
NEXT = (
    "Review the conversation with {person}.",
    "Continue work on {topic}; revisit goals.",
    "Discuss how many sessions remain and feelings about ending.",
    "Role play asking {person} for support.",
)
FILL = {
    "mood": ("low", "a bit better", "up and down", "flat", "brighter", "very low"),
    "sleep": ("broken", "improving", "poor", "better", "early waking"),
    "punctual": ("on time", "early", "ten minutes late"),
    "week": ("hard", "mixed", "calmer", "exhausting", "better than expected"),
    "rating": tuple(str(n) for n in range(2, 9)),
    "appetite": ("reduced", "normal", "returning"),
    "feeling": ("heavy", "tearful", "numb", "tense", "tired"),
    "topic": (
        "money",
        "childcare",
        "the move",
        "housework",
        "visits to mother",
        "working late",
        "the wedding",
        "the new job",
        "the diagnosis",
        "the funeral",
    ),
    "loss": ("the daily routine at work", "being near old friends", "the sense of being needed"),
    "group": ("walking group", "choir", "book club", "five-a-side team"),
}
RARE_WORDS = (
    "allotment",
    "Lisbon",
    "kayak",
    "harmonium",
    "sourdough",
    "Tbilisi",
    "origami",
    "beekeeping",
    "velodrome",
    "Kraków",
)


def fill(
    template: str, rng: random.Random, people: list[str], lost: str = "", stage: str = ""
) -> str:
    """*people*: living people only (the first is the focus); *lost*: who died (grief)."""
    values = {key: rng.choice(options) for key, options in FILL.items()}
    first = people[0] if people else "her sister"
    return template.format(person=first, lost=lost, stage=stage, **values)


def session_note(
    rng: random.Random, living: list[str], area: str, *, lost: str = "", stage: str = ""
) -> dict[str, object]:
    """A structured session note of about sixty words following the IPT session pattern.

    *living*: the living people of the inventory, the dispute partner first in a dispute;
    *lost*: the person who died (grief); *stage*: the dispute's stage at this session.
    """
    partner = living[:1] if area == "role_dispute" else []
    focus = rng.sample(living, k=1) if living else []
    note: dict[str, object] = {
        "check_in": fill(rng.choice(CHECK_IN), rng, focus),
        "mood_event_link": fill(rng.choice(MOOD_EVENT), rng, focus),
        "problem_area_work": " ".join(
            fill(t, rng, partner or focus, lost, stage) for t in rng.sample(AREA_WORK[area], k=2)
        ),
        "techniques": rng.sample(TECHNIQUES, k=rng.randint(1, 3)),
        "between_session_plan": fill(rng.choice(PLANS), rng, focus),
        "next_session_plan": fill(rng.choice(NEXT), rng, focus),
    }
    if rng.random() < 0.03:
        note["check_in"] = str(note["check_in"]) + f" Mentioned {rng.choice(RARE_WORDS)}."
    return note
