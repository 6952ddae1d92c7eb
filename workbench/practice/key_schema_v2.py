"""Answer-key parts only format 2 has: distractors of any element, the focus person, required
steps that cap the score when they are missing."""

from __future__ import annotations

from collections.abc import Callable

from workbench.practice.model import (
    DISTRACTOR_ELEMENTS,
    REQUIRED_STEPS,
    Distractor,
    Element,
    RequiredStep,
    RiskKey,
)
from workbench.practice.toml_parts import (
    ELEMENT_ID,
    check_area,
    prose,
    see,
    sub_table,
    weight,
)
from workbench.protocol import ManualProfile, Role
from workbench.protocol.toml_source import Table

DEFAULT_CAP = 50  # percent: below every sensible pass mark
Track = Callable[[Table, str], None]


def distractors(
    key: Table, profile: ManualProfile, primary: str, people: set[str], track: Track
) -> tuple[Distractor, ...]:
    """[[answer_key.distractors]] with `element` (area, stage, person, goal) and `choice`."""
    tables = key.tables("distractors", "answer_key.distractors", "answer_key.distractors")
    out: list[Distractor] = []
    stages = {s.id for a in profile.problem_areas for s in a.stages}
    for table in tables:
        table.check_keys({"id", "element", "choice", "question", "why"}, frozenset({"see"}))
        element = table.text("element")
        if element not in DISTRACTOR_ELEMENTS:
            table.fail(f"'element' must be one of {', '.join(DISTRACTOR_ELEMENTS)}", "element")
        choice = table.text("choice")
        if element == "area":
            check_area(table, profile, choice, Role.FOCUS, "choice")
            if choice == primary:
                table.fail("a distractor cannot be the primary problem area", "choice")
        elif element == "stage" and choice not in stages:
            table.fail(f"'choice' must be a dispute stage: {', '.join(sorted(stages))}", "choice")
        elif element == "person" and choice not in people:
            table.fail(f"'choice': no [[people]] entry has id {choice!r}", "choice")
        elif element == "goal" and not _is_goal(profile, choice):
            table.fail(
                f"'choice' {choice!r} is not AREA:N, a goal of profile {profile.id}", "choice"
            )
        if any(d.element == element and d.choice == choice for d in out):
            table.fail(f"a second {element} distractor for {choice!r}", "choice")
        found = Distractor(
            id=table.ident(ELEMENT_ID),
            choice=choice,
            question=prose(table, "question"),
            why=prose(table, "why"),
            element=element,
            where=see(table),
        )
        track(table, found.id)
        out.append(found)
    return tuple(out)


def focus_person(key: Table, people: set[str], track: Track) -> Element | None:
    """[answer_key.focus_person]: whom the primary area is about (the other in a dispute, the
    person who died, …)."""
    table = sub_table(key, "focus_person", "answer_key.focus_person", required=False)
    if table is None:
        return None
    table.check_keys({"id", "person", "weight", "why"}, frozenset({"see"}))
    person = table.text("person")
    if person not in people:
        table.fail(f"no [[people]] entry has id {person!r}", "person")
    element = Element(
        id=table.ident(ELEMENT_ID),
        kind="focus_person",
        ref=person,
        weight=weight(table),
        why=prose(table, "why"),
        where=see(table),
    )
    track(table, element.id)
    return element


def required_steps(
    key: Table,
    profile: ManualProfile,
    primary: str,
    stage: Element | None,
    risk_and_table: tuple[RiskKey, Table],
    track: Track,
    pass_percent: int,
) -> tuple[RequiredStep, ...]:
    """[[answer_key.required]]: each step names what caps the score when it is missing."""
    risk, risk_table = risk_and_table
    tables = key.tables("required", "answer_key.required", "answer_key.required", required=False)
    out: list[RequiredStep] = []
    for table in tables:
        table.check_keys({"id", "step", "question", "why"}, frozenset({"cap", "area", "see"}))
        step = table.text("step")
        if step not in REQUIRED_STEPS:
            table.fail(f"'step' must be one of {', '.join(REQUIRED_STEPS)}", "step")
        cap = table.integer("cap", 0) if "cap" in table.data else DEFAULT_CAP
        if cap >= pass_percent:
            table.fail(f"'cap' is {cap}; it must be below the pass mark ({pass_percent})", "cap")
        area = None
        if step == "rule_out":
            area = table.text("area")
            check_area(table, profile, area, Role.FOCUS)
            if area == primary:
                table.fail("the area to rule out cannot be the primary problem area", "area")
        elif "area" in table.data:
            table.fail("'area' is only given for a rule_out step", "area")
        if step == "stage" and stage is None:
            table.fail("a stage step needs [answer_key.stage]", "step")
        if step == "risk_note" and not risk.required:
            table.fail("a risk_note step needs [answer_key.risk] with required = true", "step")
        if step == "focus_person" and "focus_person" not in key.data:
            table.fail("a focus_person step needs [answer_key.focus_person]", "step")
        if step != "rule_out" and any(s.step == step for s in out):
            table.fail(f"a second {step} step", "step")
        if area is not None and any(s.area == area for s in out):
            table.fail(f"a second rule_out step for {area!r}", "area")
        found = RequiredStep(
            id=table.ident(ELEMENT_ID),
            step=step,
            cap=cap,
            question=prose(table, "question"),
            why=prose(table, "why"),
            area=area,
            where=see(table),
        )
        track(table, found.id)
        out.append(found)
    if risk.required and not any(s.step == "risk_note" for s in out):
        risk_table.fail(
            "the case requires a risk note: add a [[answer_key.required]] risk_note step",
            "required",
        )
    return tuple(out)


def _is_goal(profile: ManualProfile, ref: str) -> bool:
    area_id, _, number = ref.partition(":")
    area = profile.problem_area(area_id)
    return area is not None and number.isdigit() and 1 <= int(number) <= len(area.goals)
