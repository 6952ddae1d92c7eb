"""The protocol file formats: TOML text to validated, frozen content, or a ProtocolError."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from workbench.protocol.model import (
    ChecklistItem,
    ContractFrame,
    Level,
    ManualProfile,
    Phase,
    PhaseDef,
    ProblemArea,
    Role,
    Scope,
    Span,
    Stage,
    Technique,
)
from workbench.protocol.toml_source import Source, Table, unique

ITEM_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")
PROFILE_ID = re.compile(r"[A-Z][A-Z0-9]*")

SPAN_PHASES = {
    Span.FIRST: (Phase.INITIAL,),
    Span.REST: (Phase.MIDDLE,),
    Span.LAST: (Phase.TERMINATION, Phase.CONCLUSION),
    Span.MAINTENANCE: (Phase.MAINTENANCE,),
}


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    id: str
    file: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContentIndex:
    version: int
    techniques_file: str
    profiles: tuple[ProfileEntry, ...]


def parse_profile(text: str, source: str = "<text>") -> ManualProfile:
    """One manual profile file; nothing is returned unless the whole file is valid."""
    root = Source(text, source).root
    root.check_keys(
        {"version", "id", "label", "source", "contract_name", "contract", "phases"}
        | {"problem_areas", "checklist"}
    )
    version = root.integer("version", 1)
    profile_id = root.ident(PROFILE_ID)
    contract = _contract(root.table("contract"))
    phases = _phases(root)
    areas = _problem_areas(root)
    items = _checklist(root, {p.id: p.phase for p in phases}, {a.id for a in areas})
    return ManualProfile(
        id=profile_id,
        version=version,
        label=root.text("label"),
        source=root.text("source"),
        contract_name=root.text("contract_name"),
        contract=contract,
        phases=phases,
        problem_areas=tuple(
            replace(a, strategies=tuple(i for i in items if i.problem_area == a.id)) for a in areas
        ),
        checklist=items,
    )


def _contract(table: Table) -> ContractFrame:
    table.check_keys({"note", "full_phases_from", "ending_notice", "sessions_min", "sessions_max"})
    low = table.integer("sessions_min", 1)
    high = table.integer("sessions_max", 1)
    if high < low:
        table.fail("'sessions_max' must not be below 'sessions_min'", "sessions_max")
    return ContractFrame(
        note=table.text("note"),
        full_phases_from=table.integer("full_phases_from", 1),
        ending_notice=table.integer("ending_notice", 0),
        sessions_min=low,
        sessions_max=high,
    )


def _phases(root: Table) -> tuple[PhaseDef, ...]:
    tables = root.tables("phases", "phases", "phase")
    phases = []
    for table in tables:
        table.check_keys({"id", "label", "span", "note"}, frozenset({"sessions"}))
        phase = table.choice("id", Phase)
        span = table.choice("span", Span)
        if phase not in SPAN_PHASES[span]:
            table.fail(f"phase {phase.value!r} cannot have span {span.value!r}", "span")
        sessions = None
        if span in (Span.FIRST, Span.LAST):
            sessions = table.integer("sessions", 1)
        elif "sessions" in table.data:
            table.fail(f"'sessions' is not used with span {span.value!r}", "sessions")
        phases.append(PhaseDef(phase, table.text("label"), span, sessions, table.text("note")))
    unique(tables, [p.id for p in phases], "phase")
    spans = [p.span for p in phases]
    for span in Span:
        if span not in spans:
            tables[0].fail(f"the profile needs exactly one phase with span {span.value!r}")
    for table, definition in zip(tables, phases, strict=True):
        if spans.count(definition.span) > 1:
            table.fail(f"more than one phase has span {definition.span.value!r}", "span")
    return tuple(phases)


def _problem_areas(root: Table) -> tuple[ProblemArea, ...]:
    tables = root.tables("problem_areas", "problem_areas", "problem area")
    areas = []
    optional = frozenset({"aliases", "stages", "tags", "note", "selection_prompt"})
    for table in tables:
        table.check_keys({"id", "label", "role", "indication", "goals"}, optional)
        area_id = table.ident(ITEM_ID)
        stage_tables = table.tables("stages", "problem_areas.stages", "stage", required=False)
        stages = tuple(_stage(t) for t in stage_tables)
        unique(stage_tables, [s.id for s in stages], "stage")
        areas.append(
            ProblemArea(
                id=area_id,
                label=table.text("label"),
                role=table.choice("role", Role),
                indication=table.text("indication"),
                goals=table.texts("goals", required=True),
                strategies=(),
                aliases=table.texts("aliases"),
                stages=stages,
                tags=table.texts("tags"),
                note=table.opt_text("note"),
                selection_prompt=table.opt_text("selection_prompt"),
            )
        )
    unique(tables, [a.id for a in areas], "problem area")
    return tuple(areas)


def _stage(table: Table) -> Stage:
    table.check_keys({"id", "label", "description", "aim"})
    stage_id = table.ident(ITEM_ID)
    return Stage(stage_id, table.text("label"), table.text("description"), table.text("aim"))


def _checklist(
    root: Table, phases: dict[str, Phase], areas: Collection[str]
) -> tuple[ChecklistItem, ...]:
    tables = root.tables("checklist", "checklist", "checklist item")
    items = []
    for table in tables:
        table.check_keys(
            {"id", "phase", "level", "text"}, frozenset({"problem_area", "scope", "group"})
        )
        item_id = table.ident(ITEM_ID)
        phase_id = table.text("phase")
        if phase_id not in phases:
            table.fail(f"unknown phase {phase_id!r}; this profile has {sorted(phases)}", "phase")
        area = table.opt_text("problem_area")
        if area is not None and area not in areas:
            table.fail(f"unknown problem area {area!r}", "problem_area")
        items.append(
            ChecklistItem(
                id=item_id,
                text=table.text("text"),
                level=table.choice("level", Level),
                phase=phases[phase_id],
                problem_area=area,
                scope=table.choice("scope", Scope, Scope.EPISODE),
                group=table.opt_text("group"),
            )
        )
    unique(tables, [i.id for i in items], "checklist item")
    return tuple(items)


def parse_techniques(
    text: str, source: str = "<text>", known_profiles: Collection[str] | None = None
) -> tuple[Technique, ...]:
    """The techniques catalogue; *known_profiles* checks each technique's `profiles` list."""
    root = Source(text, source).root
    root.check_keys({"version", "techniques"})
    root.integer("version", 1)
    tables = root.tables("techniques", "techniques", "technique")
    found = []
    for table in tables:
        table.check_keys(
            {"id", "label", "description", "capture", "profiles"}, frozenset({"optional"})
        )
        technique_id = table.ident(ITEM_ID)
        profiles = table.texts("profiles", required=True)
        unknown = [p for p in profiles if known_profiles is not None and p not in known_profiles]
        if unknown:
            table.fail(f"unknown profile {unknown[0]!r}", "profiles")
        found.append(
            Technique(
                id=technique_id,
                label=table.text("label"),
                description=table.text("description"),
                capture=table.ident(ITEM_ID, "capture"),
                profiles=profiles,
                optional=table.flag("optional", False),
            )
        )
    unique(tables, [t.id for t in found], "technique")
    return tuple(found)


def parse_index(text: str, source: str = "<text>") -> ContentIndex:
    """The list of shipped profile files and the techniques catalogue's file name."""
    root = Source(text, source).root
    root.check_keys({"version", "techniques", "profiles"})
    tables = root.tables("profiles", "profiles", "profile")
    entries = []
    for table in tables:
        table.check_keys({"id", "file"}, frozenset({"aliases"}))
        entries.append(
            ProfileEntry(table.ident(PROFILE_ID), table.text("file"), table.texts("aliases"))
        )
    unique(tables, [e.id for e in entries], "profile")
    return ContentIndex(root.integer("version", 1), root.text("techniques"), tuple(entries))
