"""Scoring of the inventory, timeline, measures, selections and formulation sections."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence

from workbench.domain.formulation import SR_SECTIONS
from workbench.measures import get_instrument, score
from workbench.practice.attempt import Attempt
from workbench.practice.checks import goal_text
from workbench.practice.feedback import Finding, Mark, Section
from workbench.practice.manual import AREA_SECTIONS, kind_where
from workbench.practice.model import (
    TIMELINE_TAG_LABELS,
    AnswerKey,
    CasePerson,
    Distractor,
    Element,
    Vignette,
)
from workbench.protocol import ManualProfile, techniques

MIN_SECTION_CHARS = 20
SECTION_LABELS = dict(SR_SECTIONS)
RINGS_TEXT = {1: "the inner ring (1)", 2: "the middle ring (2)", 3: "the outer ring (3)"}
FREE_TEXT = "Free text is not scored here: your supervisor reads it."


class Vocabulary:
    """Human labels for the ids of one profile: areas, stages, goals, strategies, techniques."""

    def __init__(self, profile: ManualProfile) -> None:
        self.profile = profile
        self._techniques = {t.id: t.label for t in techniques()}

    def area(self, area_id: str | None) -> str:
        found = self.profile.problem_area(area_id or "")
        return found.label if found else str(area_id)

    def stage(self, stage_id: str | None) -> str:
        for area in self.profile.problem_areas:
            for stage in area.stages:
                if stage.id == stage_id:
                    return stage.label
        return str(stage_id)

    def goal(self, ref: str) -> str:
        return goal_text(self.profile, ref) or ref

    def goal_area(self, ref: str) -> str | None:
        return ref.partition(":")[0]

    def strategy(self, item_id: str) -> str:
        item = self.profile.item(item_id)
        return item.text if item else item_id

    def strategy_area(self, item_id: str) -> str | None:
        item = self.profile.item(item_id)
        return item.problem_area if item else None

    def technique(self, technique_id: str) -> str:
        return self._techniques.get(technique_id, technique_id)


def normalised(name: str) -> str:
    """Case, accents and punctuation ignored: 'László' == 'laszlo', 'Card-club' == 'card club'."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", bare.casefold()).strip()


def match_person(people: Sequence[CasePerson], alias: str) -> CasePerson | None:
    wanted = normalised(alias)
    for person in people:
        names = {normalised(person.alias), *(normalised(a) for a in person.also_known_as)}
        if wanted in names:
            return person
    return None


def people_section(vignette: Vignette, attempt: Attempt) -> Section:
    found: list[Finding] = []
    points = 0
    matched: dict[str, CasePerson] = {}
    for entry in attempt.people:
        person = match_person(vignette.people, entry.alias)
        if person is None:
            found.append(
                Finding(
                    Mark.NOTE,
                    f"{entry.alias}: not someone the case describes",
                    "Check the spelling against the presentation.",
                )
            )
            continue
        matched[person.id] = person
        accepted = {person.relationship, *(() if person.living else ("deceased",))}
        if entry.relationship not in accepted:
            found.append(
                Finding(
                    Mark.NOTE,
                    f"{person.alias}: relationship {entry.relationship!r}",
                    f"The case describes {person.alias} as {person.relationship}.",
                )
            )
        if person.ring is not None and entry.ring != person.ring:
            where = RINGS_TEXT.get(entry.ring or 0, "no ring")
            found.append(
                Finding(
                    Mark.NOTE,
                    f"{person.alias}: placed in {where}",
                    f"The patient places {person.alias} in {RINGS_TEXT[person.ring]}.",
                )
            )
    for element in vignette.key.people:
        person = vignette.person(element.ref)
        assert person is not None
        if element.ref in matched:
            points += element.weight
            found.append(hit(element, f"Found {person.label}"))
        else:
            found.append(miss(element, f"Not found: {person.label}"))
    limit = sum(e.weight for e in vignette.key.people)
    return Section("people", "Inventory and circle", points, limit, tuple(_ordered(found)))


def timeline_section(vignette: Vignette, attempt: Attempt) -> Section:
    found: list[Finding] = []
    points = 0
    expected = {(e.ref, e.tag) for e in vignette.key.timeline}
    for element in vignette.key.timeline:
        event = vignette.event(element.ref)
        assert event is not None and element.tag is not None
        label = f"{event.notes} ({event.when}): {TIMELINE_TAG_LABELS[element.tag]}"
        if element.tag in attempt.timeline_tags.get(element.ref, ()):
            points += element.weight
            found.append(hit(element, label))
        else:
            found.append(miss(element, label))
    for event_id, tags in attempt.timeline_tags.items():
        event = vignette.event(event_id)
        assert event is not None
        for tag in tags:
            if (event_id, tag) not in expected:
                found.append(
                    Finding(
                        Mark.NOTE,
                        f"{event.notes} ({event.when}) tagged "
                        f"{TIMELINE_TAG_LABELS[tag]!r}: the key does not",
                        "Ask what the onset follows most closely, in time and in meaning.",
                    )
                )
    limit = sum(e.weight for e in vignette.key.timeline)
    return Section("timeline", "Timeline", points, limit, tuple(_ordered(found)))


def measures_section(vignette: Vignette, attempt: Attempt) -> Section:
    found: list[Finding] = []
    points = 0
    for element in vignette.key.measures:
        case = vignette.measure(element.ref)
        assert case is not None and case.score.total is not None and case.score.band
        name = element.ref
        entry = attempt.measures.get(name)
        if entry is None:
            found.append(miss(element, f"{name} not scored"))
            continue
        errors = [
            f"{name} item {n}: the case gives {given}, you entered "
            f"{'nothing' if yours is None else yours}"
            for n, (yours, given) in enumerate(zip(entry.items, case.items, strict=True), 1)
            if yours != given
        ]
        own = score(name, entry.items)
        if own.total is None:
            missing = ", ".join(map(str, own.missing_items))
            errors.append(f"{name}: item(s) {missing} left empty, so there is no total")
        elif entry.total is None:
            errors.append(f"{name}: no total entered; the items add up to {own.total}")
        elif entry.total != own.total:
            errors.append(f"{name}: you entered {entry.total}; the items add up to {own.total}")
        band = case.score.band
        if entry.band is None or normalised(entry.band) != normalised(band):
            you = f"not {entry.band!r}" if entry.band else "no band was entered"
            errors.append(
                f"{name}: a total of {case.score.total} is in the {band!r} band "
                f"({_band_range(name, band)}); {you}"
            )
        if errors:
            found += [
                Finding(
                    Mark.ERROR,
                    text,
                    element.why if n == 0 else "",
                    0,
                    element.id,
                    where=kind_where("measure", element.where),
                    kind="measure",
                )
                for n, text in enumerate(errors)
            ]
        else:
            points += element.weight
            found.append(hit(element, f"{name} scored correctly: {own.total}, {band}"))
    limit = sum(e.weight for e in vignette.key.measures)
    return Section("measures", "Measures", points, limit, tuple(found))


def _band_range(instrument: str, label: str) -> str:
    bands = get_instrument(instrument).default_bands.bands
    band = next(b for b in bands if b.label == label)
    return f"{band.low}–{band.high}"


def selection_section(
    section_id: str,
    title: str,
    elements: Sequence[Element],
    chosen: Sequence[str],
    label: Callable[[str], str],
    area_of: Callable[[str], str | None],
    key: AnswerKey,
    tempting: Mapping[str, Distractor] | None = None,
) -> Section:
    """Each key element selected or missed; a selection from an area the case does not work
    on costs a point (working on two foci dilutes time-limited IPT); other extras are noted."""
    found: list[Finding] = []
    points = 0
    refs = {e.ref for e in elements}
    for element in elements:
        if element.ref in chosen:
            points += element.weight
            found.append(hit(element, label(element.ref)))
        else:
            found.append(miss(element, label(element.ref)))
    penalty = 0
    for ref in dict.fromkeys(chosen):
        if ref in refs:
            continue
        area = area_of(ref)
        off_focus = area is not None and area not in key.accepted_areas
        penalty += 1 if off_focus else 0
        wrong = (tempting or {}).get(ref)
        if wrong is not None:
            found.append(
                Finding(
                    Mark.DISTRACTOR,
                    label(ref),
                    wrong.why,
                    -1 if off_focus else 0,
                    wrong.id,
                    wrong.question,
                    kind_where("goal", wrong.where or AREA_SECTIONS.get(area or "", "")),
                    kind="goal",
                )
            )
        elif off_focus:
            assert area is not None
            found.append(
                Finding(
                    Mark.OFF_FOCUS,
                    label(ref),
                    f"This belongs to the {area.replace('_', ' ')} focus, which this case "
                    "does not work on: time-limited IPT stays on the agreed area(s).",
                    -1,
                    where=kind_where("goal", AREA_SECTIONS.get(area, "")),
                    kind=section_id.removesuffix("s").replace("strategie", "strategy"),
                )
            )
        else:
            found.append(
                Finding(
                    Mark.NOTE,
                    f"Also selected: {label(ref)}",
                    "Not in the key; worth discussing with your supervisor.",
                )
            )
    limit = sum(e.weight for e in elements)
    return Section(section_id, title, max(points - penalty, 0), limit, tuple(_ordered(found)))


def formulation_section(vignette: Vignette, attempt: Attempt) -> Section:
    found: list[Finding] = []
    points = 0
    for element in vignette.key.formulation:
        text = attempt.formulation.get(element.ref, "")
        label = SECTION_LABELS[element.ref]
        why = f"{element.why} Look for: {element.look_for}" if element.look_for else element.why
        if len(text.strip()) >= MIN_SECTION_CHARS:
            points += element.weight
            found.append(Finding(Mark.IDENTIFIED, label, why, element.weight, element.id))
        else:
            found.append(
                Finding(
                    Mark.MISSED,
                    f"{label} (empty)",
                    why,
                    0,
                    element.id,
                    where=kind_where("formulation", element.where),
                    kind="formulation",
                )
            )
    found.append(Finding(Mark.NOTE, FREE_TEXT))
    limit = sum(e.weight for e in vignette.key.formulation)
    return Section("formulation", "Formulation", points, limit, tuple(found))


_ORDER = {m: n for n, m in enumerate(Mark)}


def _ordered(found: list[Finding]) -> list[Finding]:
    return sorted(found, key=lambda f: _ORDER[f.mark])


def hit(element: Element, label: str) -> Finding:
    return Finding(
        Mark.IDENTIFIED, label, element.why, element.weight, element.id, kind=element.kind
    )


def miss(element: Element, label: str) -> Finding:
    """A missed element, with the section of the reference that teaches it."""
    where = kind_where(element.kind, element.where or _section_of(element))
    return Finding(Mark.MISSED, label, element.why, 0, element.id, where=where, kind=element.kind)


_STRATEGY_SECTIONS = {"initial": "§2", "middle": "§3", "ending": "§5", "maintenance": "§6"}
_STRATEGY_SECTIONS |= {"grief": "§3.1", "dispute": "§3.2", "transition": "§3.3"}
_STRATEGY_SECTIONS |= {"deficits": "§3.4", "sensitivity": "§3.4"}


def _section_of(element: Element) -> str:
    """The reference section of a goal ('grief:1' → §3.1) or a checklist item (by its id)."""
    if element.kind == "goal":
        return AREA_SECTIONS.get(element.ref.partition(":")[0], "")
    if element.kind == "strategy":
        parts = element.ref.split(".")
        for part in reversed(parts[:2]):
            if part in _STRATEGY_SECTIONS:
                return _STRATEGY_SECTIONS[part]
    return ""
