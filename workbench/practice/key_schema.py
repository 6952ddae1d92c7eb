"""The [answer_key] of a vignette file, checked against the manual profile and the case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from workbench.domain.formulation import SR_SECTIONS
from workbench.domain.risk import NATURE_OF_THOUGHTS
from workbench.practice import key_schema_v2 as v2
from workbench.practice.model import (
    TIMELINE_TAGS,
    AnswerKey,
    CaseEvent,
    CaseMeasure,
    CasePerson,
    Distractor,
    Element,
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
from workbench.protocol import ManualProfile, Role, techniques
from workbench.protocol.toml_source import Table

__all__ = ["parse_key", "prose", "sub_table"]

SECTION_KEYS = tuple(key for key, _ in SR_SECTIONS)
_BASE = {"id", "weight", "why"}
Track = Callable[[Table, str], None]


def _element(table: Table, kind: str, ref_key: str, minimum: int = 1) -> Element:
    return Element(
        id=table.ident(ELEMENT_ID),
        kind=kind,
        ref=table.text(ref_key),
        weight=weight(table, minimum),
        why=prose(table, "why"),
        where=see(table),
    )


def parse_key(
    root: Table,
    profile: ManualProfile,
    people: tuple[CasePerson, ...],
    events: tuple[CaseEvent, ...],
    measures: tuple[CaseMeasure, ...],
    fmt: int = 1,
    pass_percent: int = 70,
) -> AnswerKey:
    """The answer key; every reference is checked against *profile* and the case's own ids."""
    key = sub_table(root, "answer_key", "answer_key", required=True)
    assert key is not None
    optional = {"primary", "risk", "secondary", "stage", "modifier", "people", "timeline"}
    if fmt >= 2:
        optional |= {"required", "focus_person"}
    key.check_keys(
        {"distractors", "goals", "strategies", "techniques", "formulation", "measures"},
        frozenset(optional),
    )
    extra = frozenset({"see"}) if fmt >= 2 else frozenset()
    seen: dict[str, Table] = {}

    def track(table: Table, element_id: str) -> None:
        if element_id in seen:
            table.fail(f"duplicate answer-key id {element_id!r}", "id")
        seen[element_id] = table

    def items(
        name: str, kind: str, ref_key: str, more: frozenset[str] = frozenset()
    ) -> list[tuple[Table, Element]]:
        tables = key.tables(name, f"answer_key.{name}", f"answer_key.{name}", required=False)
        out = []
        for table in tables:
            table.check_keys(_BASE | {ref_key}, extra | more)
            element = _element(table, kind, ref_key, 0 if kind == "secondary" else 1)
            track(table, element.id)
            out.append((table, element))
        return out

    primary_t = sub_table(key, "primary", "answer_key.primary", required=True)
    assert primary_t is not None
    primary_t.check_keys(_BASE | {"area"}, extra)
    primary = _element(primary_t, "primary", "area")
    check_area(primary_t, profile, primary.ref, Role.FOCUS)
    track(primary_t, primary.id)

    people_ids = {p.id for p in people}
    secondaries = items("secondary", "secondary", "area", frozenset({"person"} if fmt >= 2 else ()))
    for n, (table, element) in enumerate(secondaries):
        check_area(table, profile, element.ref, Role.FOCUS)
        if element.ref == primary.ref:
            table.fail("the secondary area must differ from the primary one", "area")
        if "person" in table.data:
            other = table.text("person")
            if other not in people_ids:
                table.fail(f"no [[people]] entry has id {other!r}", "person")
            secondaries[n] = (table, replace(element, person=other))

    if fmt >= 2:
        distractors = v2.distractors(key, profile, primary.ref, people_ids, track)
    else:
        distractors = _distractors(key, profile, primary.ref, track)
    stage = _stage(key, profile, primary, track, extra)
    focus_person = v2.focus_person(key, people_ids, track) if fmt >= 2 else None
    modifier = None
    modifier_t = sub_table(key, "modifier", "answer_key.modifier", required=False)
    if modifier_t is not None:
        modifier_t.check_keys(_BASE | {"area"}, extra)
        modifier = _element(modifier_t, "modifier", "area")
        check_area(modifier_t, profile, modifier.ref, Role.MODIFIER)
        track(modifier_t, modifier.id)
    risk, risk_table = _risk(key, measures, track, extra)

    goals = items("goals", "goal", "goal")
    for table, element in goals:
        _goal(table, profile, element.ref)
    strategies = items("strategies", "strategy", "strategy")
    for table, element in strategies:
        if profile.item(element.ref) is None:
            table.fail(
                f"unknown checklist item {element.ref!r} in profile {profile.id}", "strategy"
            )
    known_techniques = {t.id for t in techniques(profile.id)}
    technique_items = items("techniques", "technique", "technique")
    for table, element in technique_items:
        if element.ref not in known_techniques:
            known = ", ".join(sorted(known_techniques))
            table.fail(
                f"unknown technique {element.ref!r} for profile {profile.id} (known: {known})",
                "technique",
            )
    formulation = []
    for table, element in items("formulation", "formulation", "section", frozenset({"look_for"})):
        if element.ref not in SECTION_KEYS:
            table.fail(f"unknown section {element.ref!r} (known: {', '.join(SECTION_KEYS)})")
        look_for = prose(table, "look_for") if "look_for" in table.data else ""
        formulation.append(replace(element, look_for=look_for))
    person_items = items("people", "person", "person")
    for table, element in person_items:
        person = next((p for p in people if p.id == element.ref), None)
        if person is None:
            table.fail(f"no [[people]] entry has id {element.ref!r}", "person")
        if person.given:
            table.fail(f"person {element.ref!r} is given (pre-filled), so not discovered", "person")
    timeline = []
    for table, element in items("timeline", "event", "event", frozenset({"tag"})):
        if not any(e.id == element.ref for e in events):
            table.fail(f"no [[timeline]] event has id {element.ref!r}", "event")
        tag = table.text("tag")
        if tag not in TIMELINE_TAGS:
            table.fail(f"'tag' is {tag!r}; expected one of {', '.join(TIMELINE_TAGS)}", "tag")
        timeline.append(replace(element, tag=tag))
    measure_items = items("measures", "measure", "instrument")
    for table, element in measure_items:
        if not any(m.instrument == element.ref for m in measures):
            table.fail(f"the case has no [[measures]] entry for {element.ref!r}", "instrument")
    scored = [e.ref for _, e in measure_items]
    for measure in measures:
        if scored.count(measure.instrument) != 1:
            key.fail(f"[[answer_key.measures]] needs exactly one entry for {measure.instrument!r}")
    for name, found in (
        ("goals", goals),
        ("strategies", strategies),
        ("techniques", technique_items),
        ("formulation", formulation),
    ):
        if not found:
            key.fail(f"at least one [[answer_key.{name}]] is needed", name)
    return AnswerKey(
        primary=primary,
        secondaries=tuple(e for _, e in secondaries),
        distractors=distractors,
        stage=stage,
        modifier=modifier,
        risk=risk,
        goals=tuple(e for _, e in goals),
        strategies=tuple(e for _, e in strategies),
        techniques=tuple(e for _, e in technique_items),
        formulation=tuple(formulation),
        people=tuple(e for _, e in person_items),
        timeline=tuple(timeline),
        measures=tuple(e for _, e in measure_items),
        focus_person=focus_person,
        required=(
            v2.required_steps(
                key, profile, primary.ref, stage, (risk, risk_table), track, pass_percent
            )
            if fmt >= 2
            else ()
        ),
    )


def _goal(table: Table, profile: ManualProfile, ref: str) -> None:
    area_id, _, number = ref.partition(":")
    area = profile.problem_area(area_id)
    if area is None or not number.isdigit() or not 1 <= int(number) <= len(area.goals):
        table.fail(
            f"goal {ref!r} must be AREA:N, a goal number of a problem area of profile "
            f"{profile.id} (e.g. 'grief:1')",
            "goal",
        )


def _distractors(
    key: Table, profile: ManualProfile, primary: str, track: Track
) -> tuple[Distractor, ...]:
    tables = key.tables("distractors", "answer_key.distractors", "answer_key.distractors")
    out: list[Distractor] = []
    for table in tables:
        table.check_keys({"id", "area", "question", "why"})
        found = Distractor(
            id=table.ident(ELEMENT_ID),
            choice=table.text("area"),
            question=prose(table, "question"),
            why=prose(table, "why"),
        )
        check_area(table, profile, found.area, Role.FOCUS)
        if found.area == primary:
            table.fail("a distractor cannot be the primary problem area", "area")
        if any(d.area == found.area for d in out):
            table.fail(f"a second distractor for area {found.area!r}", "area")
        track(table, found.id)
        out.append(found)
    return tuple(out)


def _stage(
    key: Table, profile: ManualProfile, primary: Element, track: Track, extra: frozenset[str]
) -> Element | None:
    area = profile.problem_area(primary.ref)
    assert area is not None
    table = sub_table(key, "stage", "answer_key.stage", required=bool(area.stages))
    if table is None:
        return None
    if not area.stages:
        table.fail(f"a dispute stage needs a primary area with stages; {primary.ref!r} has none")
    table.check_keys(_BASE | {"stage"}, extra)
    stage = _element(table, "stage", "stage")
    stage_ids = [s.id for s in area.stages]
    if stage.ref not in stage_ids:
        table.fail(f"'stage' is {stage.ref!r}; expected one of {', '.join(stage_ids)}", "stage")
    track(table, stage.id)
    return stage


def _risk(
    key: Table, measures: tuple[CaseMeasure, ...], track: Track, extra: frozenset[str]
) -> tuple[RiskKey, Table]:
    table = sub_table(key, "risk", "answer_key.risk", required=True)
    assert table is not None
    table.check_keys({"id", "required", "why"}, frozenset({"weight", "nature"}) | extra)
    if not isinstance(table.data.get("required"), bool):
        table.fail("'required' must be true or false", "required")
    required = table.flag("required", False)
    points = weight(table, 1) if required else 0
    if not required and "weight" in table.data:
        table.fail("'weight' is only given when a risk note is required", "weight")
    nature = table.texts("nature")
    unknown = [n for n in nature if n not in NATURE_OF_THOUGHTS]
    if unknown:
        table.fail(f"'nature' {unknown[0]!r} is not one of {', '.join(NATURE_OF_THOUGHTS)}")
    flagged = [f.banner for m in measures for f in m.score.risk_flags]
    if flagged and not required:
        table.fail(f"'required' must be true: {flagged[0]}", "required")
    risk = RiskKey(
        table.ident(ELEMENT_ID), required, points, prose(table, "why"), nature, see(table)
    )
    track(table, risk.id)
    return risk, table
