"""The feedback engine: scores what the trainee selected or tagged against the answer key."""

from __future__ import annotations

from workbench.domain.risk import RiskNote
from workbench.measures import score
from workbench.practice.attempt import Attempt
from workbench.practice.checks import check_attempt
from workbench.practice.feedback import Feedback, Finding, Mark, Section
from workbench.practice.model import Element, Vignette
from workbench.practice.parts import (
    Vocabulary,
    formulation_section,
    hit,
    measures_section,
    miss,
    people_section,
    selection_section,
    timeline_section,
)
from workbench.protocol import load_profile

OTHER_AREA_QUESTION = (
    "What interpersonal event does the onset follow most closely, and what keeps the episode going?"
)
RISK_FIELDS = (
    ("nature_of_thoughts", "the nature of the thoughts"),
    ("frequency_recency", "frequency and recency"),
    ("protective_factors", "protective factors"),
    ("actions", "actions taken"),
    ("follow_up_date", "a follow-up date"),
)
ZERO_IS_NOT_CLEAR = (
    "No suicide item is positive in this case, so no flag is raised. A zero is not an "
    "all-clear (ipt-reference §11.1): asking about suicidal thoughts still belongs to the "
    "assessment."
)


def evaluate(vignette: Vignette, attempt: Attempt, source: str = "<attempt>") -> Feedback:
    """Score *attempt*; raises AttemptError (naming *source*) if it uses ids the case lacks."""
    check_attempt(attempt, vignette, source)
    words = Vocabulary(load_profile(vignette.profile))
    key = vignette.key
    risk, risk_passed, risk_summary, risk_required = _risk(vignette, attempt)
    sections = (
        _problem_area(vignette, attempt, words),
        people_section(vignette, attempt),
        timeline_section(vignette, attempt),
        measures_section(vignette, attempt),
        risk,
        selection_section(
            "goals", "Goals", key.goals, attempt.goals, words.goal, words.goal_area, key
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
        risk_required=risk_required,
        risk_passed=risk_passed,
        risk_summary=risk_summary,
        primary_correct=attempt.primary_area == key.primary.ref,
    )


def _problem_area(vignette: Vignette, attempt: Attempt, words: Vocabulary) -> Section:
    key = vignette.key
    found: list[Finding] = []
    points = 0
    chosen = attempt.primary_area
    distractor = {d.area: d for d in key.distractors}
    label = words.area
    if chosen == key.primary.ref:
        points += key.primary.weight
        found.append(hit(key.primary, f"Primary problem area: {label(chosen)}"))
    else:
        you = f"you chose {label(chosen)}" if chosen else "none chosen"
        found.append(miss(key.primary, f"Primary problem area: {label(key.primary.ref)} ({you})"))
        if chosen in distractor:
            d = distractor[chosen]
            found.append(
                Finding(
                    Mark.DISTRACTOR,
                    f"{label(chosen)} as the primary area",
                    d.why,
                    0,
                    d.id,
                    d.question,
                )
            )
        elif chosen:
            found.append(
                Finding(
                    Mark.NOTE, f"{label(chosen)} as the primary area", question=OTHER_AREA_QUESTION
                )
            )
    best = max(key.secondaries, key=lambda e: e.weight, default=None)
    secondary = attempt.secondary_area
    accepted = {e.ref: e for e in key.secondaries}
    if secondary is None:
        if best is not None and best.weight > 0:
            found.append(miss(best, f"Secondary area: {label(best.ref)}"))
    elif secondary == chosen:
        found.append(Finding(Mark.NOTE, "The secondary area repeats the primary one."))
    elif secondary in accepted:
        element = accepted[secondary]
        points += element.weight
        found.append(hit(element, f"Secondary area: {label(secondary)} (acceptable)"))
    elif secondary in distractor:
        d = distractor[secondary]
        found.append(
            Finding(
                Mark.DISTRACTOR,
                f"{label(secondary)} as the secondary area",
                d.why,
                0,
                d.id,
                d.question,
            )
        )
    elif secondary != key.primary.ref:
        found.append(
            Finding(
                Mark.NOTE,
                f"{label(secondary)} as the secondary area",
                "The case does not tie this area to the onset or the maintenance of the episode.",
            )
        )
    limit = key.primary.weight + (best.weight if best else 0)
    extras: list[tuple[Element | None, str | None, str]] = [
        (key.stage, attempt.dispute_stage, "Dispute stage"),
        (key.modifier, attempt.modifier, "Modifier"),
    ]
    for extra, picked, kind in extras:
        name = words.stage if kind == "Dispute stage" else words.area
        if extra is None:
            if picked:
                found.append(
                    Finding(Mark.NOTE, f"{kind} {name(picked)}: not part of this case's key")
                )
            continue
        limit += extra.weight
        if picked == extra.ref:
            points += extra.weight
            found.append(hit(extra, f"{kind}: {name(extra.ref)}"))
        else:
            you = f"you chose {name(picked)}" if picked else "none chosen"
            found.append(miss(extra, f"{kind}: {name(extra.ref)} ({you})"))
    return Section("problem_area", "Problem area", points, limit, tuple(found))


def _risk(vignette: Vignette, attempt: Attempt) -> tuple[Section, bool, str, bool]:
    """(section, risk passed, one-line summary, required); a missing note is a hard failure."""
    key = vignette.key.risk
    own = [
        flag.banner
        for instrument, entry in attempt.measures.items()
        for flag in score(instrument, entry.items).risk_flags
        if flag.value  # endorsed; an item the trainee left empty is a scoring gap instead
    ]
    case_flags = [flag.banner for m in vignette.measures for flag in m.score.risk_flags]
    required = key.required or bool(own)
    note = attempt.risk_note
    # Practice scores the fields one by one below: only a note without the clinician's own
    # formulation (or with unknown ticks) counts as not documented.
    documented = (
        note is not None and bool(note.risk_formulation.strip()) and not note.vocabulary_problems()
    )
    found: list[Finding] = []
    points = 0
    if required and not documented:
        reason = case_flags[0] if key.required and case_flags else own[0] if own else ""
        why = (
            key.why
            if key.required
            else (
                f"You entered {reason}: a positive or unanswered suicide item needs a structured "
                "risk note, whatever else the case shows."
            )
        )
        what = "Risk note missing" if note is None else "Risk note has no risk formulation"
        found.append(Finding(Mark.HARD_FAIL, f"{what}: {reason}", why, 0, key.id))
        summary = f"FAILED — {what.lower()} ({reason})"
        return Section("risk", "Risk", 0, key.weight, tuple(found)), False, summary, True
    if required and note is not None:
        gaps = [label for name, label in RISK_FIELDS if not _filled(note, name)]
        if gaps:
            found.append(
                Finding(
                    Mark.MISSED,
                    "Risk note written, but it leaves out " + ", ".join(gaps),
                    key.why,
                    0,
                    key.id,
                )
            )
        else:
            points = key.weight
            found.append(
                Finding(
                    Mark.IDENTIFIED, "Structured risk note documented", key.why, key.weight, key.id
                )
            )
        if key.nature and not set(key.nature) & set(note.nature_of_thoughts):
            found.append(
                Finding(
                    Mark.NOTE,
                    "The script describes: " + ", ".join(key.nature),
                    "Check the note's nature of thoughts against what the patient said.",
                )
            )
        summary = "passed — risk note documented"
    else:
        found.append(
            Finding(Mark.NOTE, "No suicide item is endorsed", f"{ZERO_IS_NOT_CLEAR} {key.why}")
        )
        if note is not None:
            found.append(
                Finding(Mark.NOTE, "You wrote a risk note: documenting a screen is good practice.")
            )
        summary = "no risk note required (a zero is not an all-clear)"
    return Section("risk", "Risk", points, key.weight, tuple(found)), True, summary, required


def _filled(note: RiskNote, name: str) -> bool:
    if name == "actions":
        return bool(note.actions_taken.strip() or note.action_checks)
    value = getattr(note, name)
    return bool(value.strip() if isinstance(value, str) else value)
