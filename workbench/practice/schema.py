"""The vignette file format: TOML text to a validated Vignette, or a VignetteError; never half."""

from __future__ import annotations

import re

from workbench.domain.inventory import EVENT_TYPES, RELATIONSHIPS, RINGS
from workbench.measures import MeasureInputError, get_instrument, score
from workbench.practice.errors import VignetteError
from workbench.practice.key_schema import parse_key, prose
from workbench.practice.model import (
    ADAPTATIONS,
    FEATURES,
    SYMPTOM_MARKERS,
    CaseEvent,
    CaseMeasure,
    CasePerson,
    ScriptLine,
    Vignette,
)
from workbench.protocol import ProtocolError, UnknownProfile, load_profile, profile_id
from workbench.protocol.toml_source import Source, Table, unique

VIGNETTE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
PART_ID = re.compile(r"[a-z][a-z0-9_]*")
DEFAULT_PASS_PERCENT = 70
FORMATS = (1, 2)
_TOP = {"id", "title", "version", "profile", "client", "presentation", "people", "timeline"}
_TOP |= {"measures"}
_OPTIONAL = frozenset({"pass_percent", "script", "answer_key"})
_OPTIONAL_V2 = _OPTIONAL | {"format", "adaptation", "features"}


def parse_vignette(text: str, source: str = "<text>") -> Vignette:
    """One vignette file; any problem raises VignetteError naming the file, field and line."""
    try:
        return _parse(Source(text, source).root, source)
    except ProtocolError as exc:
        detail = exc.detail.removeprefix(f"{source}: ")
        raise VignetteError(exc.source, exc.line, detail) from None


def _parse(root: Table, source: str) -> Vignette:
    fmt = root.data.get("format", 1)
    if fmt not in FORMATS or isinstance(fmt, bool):
        root.fail(f"'format' is {fmt!r}; this app reads vignette formats 1 and 2", "format")
    root.check_keys(_TOP, _OPTIONAL_V2 if fmt == 2 else _OPTIONAL)
    adaptation = root.opt_text("adaptation") or "none"
    if adaptation not in ADAPTATIONS:
        root.fail(f"'adaptation' must be one of {', '.join(ADAPTATIONS)}", "adaptation")
    features = root.texts("features")
    for feature in features:
        if feature not in FEATURES:
            root.fail(f"'features' {feature!r} is not one of {', '.join(FEATURES)}", "features")
    vignette_id = root.ident(VIGNETTE_ID)
    version = root.integer("version", 1)
    try:
        profile = load_profile(profile_id(root.text("profile")))
    except UnknownProfile as exc:
        root.fail(str(exc), "profile")
    pass_percent = root.integer("pass_percent", 1) if "pass_percent" in root.data else None
    if pass_percent is not None and pass_percent > 100:
        root.fail("'pass_percent' must be between 1 and 100", "pass_percent")
    people = _people(root)
    events = _timeline(root, {p.id for p in people})
    measures = _measures(root)
    script = tuple(
        _script_line(t) for t in root.tables("script", "script", "[[script]]", required=False)
    )
    key = parse_key(
        root, profile, people, events, measures, fmt, pass_percent or DEFAULT_PASS_PERCENT
    )
    return Vignette(
        id=vignette_id,
        title=root.text("title"),
        version=version,
        profile=profile.id,
        client=root.text("client"),
        presentation=prose(root, "presentation"),
        people=people,
        timeline=events,
        measures=measures,
        script=script,
        key=key,
        pass_percent=pass_percent or DEFAULT_PASS_PERCENT,
        source=source,
        format=fmt,
        adaptation=adaptation,
        features=features,
    )


def _people(root: Table) -> tuple[CasePerson, ...]:
    tables = root.tables("people", "people", "[[people]]")
    found = []
    for t in tables:
        t.check_keys(
            {"id", "alias", "relationship", "given", "facts"},
            frozenset({"ring", "role", "living", "also_known_as"}),
        )
        relationship = t.text("relationship")
        if relationship not in RELATIONSHIPS:
            t.fail(f"'relationship' must be one of {', '.join(RELATIONSHIPS)}", "relationship")
        ring = t.integer("ring", 1) if "ring" in t.data else None
        if ring is not None and ring not in RINGS:
            t.fail("'ring' must be 1 (closest), 2 or 3", "ring")
        if not isinstance(t.data.get("given"), bool):
            t.fail("'given' must be true (pre-filled) or false (to be discovered)", "given")
        found.append(
            CasePerson(
                id=t.ident(PART_ID),
                alias=t.text("alias"),
                relationship=relationship,
                ring=ring,
                given=t.flag("given", True),
                facts=prose(t, "facts"),
                role=t.opt_text("role") or "",
                living=t.flag("living", True),
                also_known_as=t.texts("also_known_as"),
            )
        )
    unique(tables, [p.id for p in found], "person")
    return tuple(found)


def _timeline(root: Table, person_ids: set[str]) -> tuple[CaseEvent, ...]:
    tables = root.tables("timeline", "timeline", "[[timeline]]")
    found = []
    for t in tables:
        t.check_keys({"id", "months", "type", "notes"}, frozenset({"people", "symptom_marker"}))
        months = t.data.get("months")
        if isinstance(months, bool) or not isinstance(months, int | float) or abs(months) > 1200:
            t.fail("'months' must be a number of months from intake (negative = before)", "months")
        kind = t.text("type")
        if kind not in EVENT_TYPES:
            t.fail(f"'type' must be one of {', '.join(EVENT_TYPES)}", "type")
        people = t.texts("people")
        for person in people:
            if person not in person_ids:
                t.fail(f"'people' names {person!r}, which no [[people]] entry has as id", "people")
        marker = t.opt_text("symptom_marker")
        if marker is not None and marker not in SYMPTOM_MARKERS:
            t.fail(f"'symptom_marker' must be one of {', '.join(SYMPTOM_MARKERS)}")
        found.append(
            CaseEvent(t.ident(PART_ID), float(months), kind, prose(t, "notes"), people, marker)
        )
    unique(tables, [e.id for e in found], "timeline event")
    return tuple(found)


def _measures(root: Table) -> tuple[CaseMeasure, ...]:
    tables = root.tables("measures", "measures", "[[measures]]")
    found: list[CaseMeasure] = []
    for t in tables:
        t.check_keys({"instrument", "items"}, frozenset({"total", "when", "note"}))
        instrument = t.text("instrument")
        t.what = f"[[measures]] {instrument!r}"
        try:
            definition = get_instrument(instrument)
        except MeasureInputError as exc:
            t.fail(str(exc), "instrument")
        items = t.data.get("items")
        if not isinstance(items, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in items
        ):
            t.fail(f"'items' must be a list of {len(definition.items)} whole numbers", "items")
        try:
            result = score(instrument, items)
        except MeasureInputError as exc:
            t.fail(f"'items': {exc}", "items")
        if "total" in t.data and t.data["total"] != result.total:
            t.fail(f"'total' is {t.data['total']!r}; the items add up to {result.total}", "total")
        if any(m.instrument == instrument for m in found):
            t.fail(f"a second [[measures]] entry for {instrument!r}", "instrument")
        found.append(
            CaseMeasure(
                instrument=instrument,
                items=tuple(items),
                score=result,
                when=t.opt_text("when") or "intake",
                note=prose(t, "note") if "note" in t.data else "",
            )
        )
    return tuple(found)


def _script_line(t: Table) -> ScriptLine:
    t.check_keys({"topic", "answer"})
    return ScriptLine(t.text("topic"), prose(t, "answer"))
