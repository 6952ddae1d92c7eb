"""An attempt checked against its vignette: every id it uses must exist in the case or protocol."""

from __future__ import annotations

from workbench.measures import MeasureInputError, score
from workbench.practice.attempt import Attempt
from workbench.practice.errors import AttemptError
from workbench.practice.model import TIMELINE_TAGS, Vignette
from workbench.protocol import ManualProfile, Role, load_profile, techniques


def check_attempt(attempt: Attempt, vignette: Vignette, source: str = "<attempt>") -> None:
    """Raise AttemptError (naming *source* and the field) for anything the engine cannot score."""

    def fail(where: str, detail: str) -> None:
        raise AttemptError(source, f"{where}: {detail}")

    if attempt.vignette.casefold() != vignette.id.casefold():
        fail("vignette", f"the attempt is for {attempt.vignette!r}, not {vignette.id!r}")
    profile = load_profile(vignette.profile)
    for event_id, tags in attempt.timeline_tags.items():
        if vignette.event(event_id) is None:
            known = ", ".join(e.id for e in vignette.timeline)
            fail(f"timeline_tags.{event_id}", f"the case has no such event (known: {known})")
        for tag in tags:
            if tag not in TIMELINE_TAGS:
                fail(
                    f"timeline_tags.{event_id}", f"{tag!r} is not one of {', '.join(TIMELINE_TAGS)}"
                )
    for instrument, entry in attempt.measures.items():
        if vignette.measure(instrument) is None:
            known = ", ".join(m.instrument for m in vignette.measures)
            fail(f"measures.{instrument}", f"the case gives no such measure (known: {known})")
        try:
            score(instrument, entry.items)
        except MeasureInputError as exc:
            fail(f"measures.{instrument}.items", str(exc))
    for where, area, role in (
        ("primary_area", attempt.primary_area, Role.FOCUS),
        ("secondary_area", attempt.secondary_area, Role.FOCUS),
        ("modifier", attempt.modifier, Role.MODIFIER),
    ):
        problem = _area_problem(profile, area, role)
        if problem:
            fail(where, problem)
    for area in attempt.rule_outs:
        problem = _area_problem(profile, area, Role.FOCUS)
        if problem:
            fail(f"rule_outs.{area}", problem)
    stages = {s.id for a in profile.problem_areas for s in a.stages}
    if attempt.dispute_stage is not None and attempt.dispute_stage not in stages:
        fail("dispute_stage", f"must be one of {', '.join(sorted(stages))} or null")
    for goal in attempt.goals:
        if goal_text(profile, goal) is None:
            fail("goals", f"{goal!r} is not AREA:N for a goal of profile {profile.id}")
    for item in attempt.strategies:
        if profile.item(item) is None:
            fail("strategies", f"{item!r} is not a checklist item of profile {profile.id}")
    known_techniques = {t.id for t in techniques(profile.id)}
    for technique in attempt.techniques:
        if technique not in known_techniques:
            fail("techniques", f"{technique!r} is not a technique of profile {profile.id}")


def _area_problem(profile: ManualProfile, area: str | None, role: Role) -> str | None:
    if area is None:
        return None
    found = profile.problem_area(area)
    if found is None:
        known = ", ".join(a.id for a in profile.problem_areas if a.role is role)
        return f"{area!r} is not a problem area of profile {profile.id} (known: {known})"
    if found.role is not role:
        return f"{area!r} is a {found.role.value} in profile {profile.id}, not a {role.value}"
    return None


def goal_text(profile: ManualProfile, ref: str) -> str | None:
    """The text of goal 'AREA:N' in *profile*, or None if there is no such goal."""
    area_id, _, number = ref.partition(":")
    area = profile.problem_area(area_id)
    if area is None or not number.isdigit() or not 1 <= int(number) <= len(area.goals):
        return None
    return area.goals[int(number) - 1]
