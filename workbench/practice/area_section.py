"""The problem-area section: the focus, whom it is about, the secondary area, the dispute
stage, the modifier and the written rule-outs, with the caps of missing required steps."""

from __future__ import annotations

from workbench.domain.risk_rule import is_real_text
from workbench.practice.attempt import Attempt
from workbench.practice.feedback import Cap, Finding, Mark, Section
from workbench.practice.manual import area_says, area_where, kind_where, stage_says
from workbench.practice.model import Distractor, Element, RequiredStep, Vignette
from workbench.practice.parts import Vocabulary, hit, match_person, miss

OTHER_AREA_QUESTION = (
    "What interpersonal event does the onset follow most closely, and what keeps the episode going?"
)
STAGE_QUESTION = (
    "Are the two still trying to change things, has talk stopped, or is the relationship "
    "judged beyond repair?"
)
PERSON_QUESTION = "Whose expectations, loss or change does the onset follow?"
STEP_LABELS = {
    "rule_out": "rule-out",
    "stage": "dispute stage",
    "focus_person": "person of the focus",
    "risk_note": "risk note",
}


def area_section(
    vignette: Vignette, attempt: Attempt, words: Vocabulary
) -> tuple[Section, list[Cap]]:
    """Findings and points of the problem-area choices, and the caps they trigger."""
    key = vignette.key
    profile = words.profile
    found: list[Finding] = []
    points = 0
    chosen = attempt.primary_area
    wrong_areas = key.distractors_of("area")
    label = words.area
    if chosen == key.primary.ref:
        points += key.primary.weight
        found.append(hit(key.primary, f"Primary problem area: {label(chosen)}"))
    else:
        you = f"you chose {label(chosen)}" if chosen else "none chosen"
        found.append(
            _teach(
                miss(key.primary, f"Primary problem area: {label(key.primary.ref)} ({you})"),
                area_where(key.primary.ref, key.primary.where),
                area_says(profile, key.primary.ref),
            )
        )
        if chosen in wrong_areas:
            found.append(_distractor(wrong_areas[chosen], f"{label(chosen)} as the primary area"))
        elif chosen:
            found.append(
                Finding(
                    Mark.NOTE,
                    f"{label(chosen)} as the primary area",
                    question=OTHER_AREA_QUESTION,
                    where=area_where(chosen),
                    manual=area_says(profile, chosen),
                )
            )
    limit = key.primary.weight
    person_ok = True
    if key.focus_person is not None:
        limit += key.focus_person.weight
        person_ok, gained, finding = _person(vignette, key.focus_person, attempt.primary_person)
        points += gained
        found += finding
    gained, extra_limit, secondary = _secondary(vignette, attempt, words)
    points += gained
    limit += extra_limit
    found += secondary
    stage_ok = True
    if key.stage is not None:
        limit += key.stage.weight
        stage_ok = attempt.dispute_stage == key.stage.ref
        if stage_ok:
            points += key.stage.weight
            found.append(hit(key.stage, f"Dispute stage: {words.stage(key.stage.ref)}"))
        else:
            found += _wrong_stage(vignette, attempt, words, key.stage)
    elif attempt.dispute_stage:
        found.append(
            Finding(
                Mark.NOTE, f"Dispute stage {words.stage(attempt.dispute_stage)}: not in the key"
            )
        )
    if key.modifier is not None:
        limit += key.modifier.weight
        if attempt.modifier == key.modifier.ref:
            points += key.modifier.weight
            found.append(hit(key.modifier, f"Modifier: {label(key.modifier.ref)}"))
        else:
            you = f"you chose {label(attempt.modifier)}" if attempt.modifier else "none chosen"
            found.append(miss(key.modifier, f"Modifier: {label(key.modifier.ref)} ({you})"))
    elif attempt.modifier:
        found.append(Finding(Mark.NOTE, f"Modifier {label(attempt.modifier)}: not in the key"))
    caps: list[Cap] = []
    for step in key.required:
        present = {
            "stage": stage_ok,
            "focus_person": person_ok,
            "rule_out": is_real_text(attempt.rule_outs.get(step.area or "", "")),
        }.get(step.step)
        if present is None:
            continue  # the risk note is checked in the risk section
        if present:
            if step.step == "rule_out":
                found.append(
                    Finding(
                        Mark.IDENTIFIED,
                        f"Ruled out in writing: {label(step.area)}",
                        step.why,
                        kind="rule_out",
                        element_id=step.id,
                    )
                )
            continue
        caps.append(Cap(step.id, step_label(step, words), step.cap))
        found.append(step_finding(step, words, key.primary.ref))
    return Section("problem_area", "Problem area", points, limit, tuple(found)), caps


def step_label(step: RequiredStep, words: Vocabulary) -> str:
    name = STEP_LABELS[step.step]
    return f"{name} of {words.area(step.area)}" if step.area else name


def step_finding(step: RequiredStep, words: Vocabulary, primary: str) -> Finding:
    """The missing step, the question that leads there, and what the manual says where."""
    if step.step == "rule_out":
        manual = area_says(words.profile, step.area)
        where = area_where(step.area)  # where the manual describes the area ruled out
        if step.where and step.where not in where:
            where = f"{where} and {step.where}"
        what = f"{words.area(step.area)} is not ruled out in writing"
    else:
        manual, where = "", kind_where(step.step, step.where) or area_where(primary)
        what = f"Required step missing: {STEP_LABELS[step.step]}"
    return Finding(
        Mark.STEP_MISSING,
        f"{what} (score capped at {step.cap} %)",
        step.why,
        0,
        step.id,
        step.question,
        where,
        manual,
        kind=step.step,
    )


def _teach(finding: Finding, where: str, manual: str) -> Finding:
    return Finding(
        finding.mark,
        finding.label,
        finding.why,
        finding.points,
        finding.element_id,
        finding.question,
        where,
        manual,
        finding.kind,
    )


def _distractor(d: Distractor, label: str, manual: str = "", fallback: str = "") -> Finding:
    """A tempting wrong choice: its own question and why; *fallback*: the section of the
    primary area, for distractors that name no section of their own."""
    kinds = {"area": "primary", "stage": "stage", "person": "focus_person", "goal": "goal"}
    if d.element == "area":
        where = area_where(d.choice, d.where)
    elif d.element == "stage":
        where = kind_where("stage", d.where)
    else:
        where = kind_where("", d.where) or fallback
    return Finding(
        Mark.DISTRACTOR,
        label,
        d.why,
        0,
        d.id,
        d.question,
        where,
        manual,
        kind=kinds[d.element],
    )


def _person(
    vignette: Vignette, element: Element, alias: str | None
) -> tuple[bool, int, list[Finding]]:
    target = vignette.person(element.ref)
    assert target is not None
    picked = match_person(vignette.people, alias) if alias else None
    if picked is not None and picked.id == target.id:
        return True, element.weight, [hit(element, f"The focus is about {target.label}")]
    you = f"you named {alias}" if alias else "nobody named"
    found = [
        Finding(
            Mark.MISSED,
            f"The focus is about {target.label} ({you})",
            element.why,
            0,
            element.id,
            None
            if picked is not None and picked.id in vignette.key.distractors_of("person")
            else PERSON_QUESTION,
            kind_where("person", element.where),
            kind="focus_person",
        )
    ]
    wrong = vignette.key.distractors_of("person")
    if picked is not None and picked.id in wrong:
        found.append(
            _distractor(
                wrong[picked.id],
                f"{picked.label} as the person of the focus",
                fallback=area_where(vignette.key.primary.ref),
            )
        )
    return False, 0, found


def _secondary(
    vignette: Vignette, attempt: Attempt, words: Vocabulary
) -> tuple[int, int, list[Finding]]:
    key = vignette.key
    label = words.area
    best = max(key.secondaries, key=lambda e: e.weight, default=None)
    limit = best.weight if best else 0
    secondary = attempt.secondary_area
    accepted = {e.ref: e for e in key.secondaries}
    wrong_areas = key.distractors_of("area")
    if secondary is None:
        if best is not None and best.weight > 0:
            return 0, limit, [miss(best, f"Secondary area: {label(best.ref)}")]
        return 0, limit, []
    if secondary == attempt.primary_area:
        return 0, limit, [Finding(Mark.NOTE, "The secondary area repeats the primary one.")]
    if secondary in accepted:
        element = accepted[secondary]
        if element.person is not None:
            picked = match_person(vignette.people, attempt.secondary_person or "")
            person = vignette.person(element.person)
            assert person is not None
            if picked is None or picked.id != element.person:
                you = (
                    f"you named {attempt.secondary_person}"
                    if attempt.secondary_person
                    else ("nobody named")
                )
                return (
                    0,
                    limit,
                    [
                        Finding(
                            Mark.MISSED,
                            f"Secondary area {label(secondary)}: about {person.label} ({you})",
                            element.why,
                            0,
                            element.id,
                            PERSON_QUESTION,
                            area_where(secondary, element.where),
                            kind="secondary",
                        )
                    ],
                )
        text = f"Secondary area: {label(secondary)} (acceptable)"
        return element.weight, limit, [hit(element, text)]
    if secondary in wrong_areas:
        return 0, limit, [_distractor(wrong_areas[secondary], f"{label(secondary)} as secondary")]
    return (
        0,
        limit,
        [
            Finding(
                Mark.NOTE,
                f"{label(secondary)} as the secondary area",
                "The case does not tie this area to the onset or the maintenance of the episode.",
            )
        ],
    )


def _wrong_stage(
    vignette: Vignette, attempt: Attempt, words: Vocabulary, stage: Element
) -> list[Finding]:
    picked = attempt.dispute_stage
    you = f"you chose {words.stage(picked)}" if picked else "none chosen"
    says = stage_says(words.profile, stage.ref)
    if picked:
        says = f"{says} — whereas {stage_says(words.profile, picked)}"
    wrong = vignette.key.distractors_of("stage")
    question = None if picked in wrong else STAGE_QUESTION
    found = [
        Finding(
            Mark.MISSED,
            f"Dispute stage: {words.stage(stage.ref)} ({you})",
            stage.why,
            0,
            stage.id,
            question,
            kind_where("stage", stage.where),
            "" if picked in wrong else says,  # the distractor below carries the manual's words
            kind="stage",
        )
    ]
    if picked in wrong:
        found.append(
            _distractor(wrong[picked], f"{words.stage(picked)} as the dispute stage", says)
        )
    return found
