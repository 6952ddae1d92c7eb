"""Typed, frozen protocol content: manual profiles, phases, checklist items, problem areas."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    """Where an episode stands (ipt-reference §1); re-exported by workbench.domain.phase."""

    NOT_STARTED = "not started"
    INITIAL = "initial"
    MIDDLE = "middle"
    TERMINATION = "termination"  # WMK wording
    CONCLUSION = "conclusion"  # S&R wording
    MAINTENANCE = "maintenance"
    ENDED = "ended"


ENDING_PHASES = frozenset({Phase.TERMINATION, Phase.CONCLUSION})


class Level(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"


class Scope(StrEnum):
    """Whether an item is done once per episode or ticked in every session note."""

    EPISODE = "episode"
    SESSION = "session"


class Span(StrEnum):
    """Which sessions of a contract a phase covers."""

    FIRST = "first"  # the first `sessions` sessions
    REST = "rest"  # between the first and the last phase
    LAST = "last"  # the last `sessions` sessions (and any beyond the contract)
    MAINTENANCE = "maintenance"  # every session of a maintenance contract


class Role(StrEnum):
    FOCUS = "focus"  # a problem area chosen as the focus of treatment
    MODIFIER = "modifier"  # a style that shapes work on a focus (S&R interpersonal sensitivity)


class ItemStatus(StrEnum):
    """Recorded checklist statuses; any other recorded string counts as open."""

    OPEN = "open"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


CLOSED_STATUSES = frozenset({ItemStatus.DONE.value, ItemStatus.NOT_APPLICABLE.value})


@dataclass(frozen=True, slots=True)
class PhaseDef:
    phase: Phase
    label: str
    span: Span
    sessions: int | None  # standard length for FIRST and LAST spans
    note: str

    @property
    def id(self) -> str:
        return self.phase.value


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    text: str
    level: Level
    phase: Phase
    problem_area: str | None = None
    scope: Scope = Scope.EPISODE
    group: str | None = None

    @property
    def required(self) -> bool:
        return self.level is Level.REQUIRED


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage of a role dispute: renegotiation, impasse or dissolution."""

    id: str
    label: str
    description: str
    aim: str


@dataclass(frozen=True, slots=True)
class ProblemArea:
    id: str
    label: str
    role: Role
    indication: str
    goals: tuple[str, ...]
    strategies: tuple[ChecklistItem, ...]  # checklist items tagged with this area
    aliases: tuple[str, ...] = ()
    stages: tuple[Stage, ...] = ()
    tags: tuple[str, ...] = ()
    note: str | None = None
    selection_prompt: str | None = None


@dataclass(frozen=True, slots=True)
class ContractFrame:
    note: str
    full_phases_from: int  # shorter contracts shrink the first and last phases in proportion
    ending_notice: int  # remind to discuss the ending when this many sessions or fewer remain
    sessions_min: int  # the range of sessions an acute contract of this profile may have
    sessions_max: int


@dataclass(frozen=True, slots=True)
class ManualProfile:
    id: str
    version: int
    label: str
    source: str
    contract_name: str
    contract: ContractFrame
    phases: tuple[PhaseDef, ...]
    problem_areas: tuple[ProblemArea, ...]
    checklist: tuple[ChecklistItem, ...]

    def phase_def(self, phase: Phase) -> PhaseDef | None:
        return next((p for p in self.phases if p.phase is phase), None)

    def span(self, span: Span) -> PhaseDef:
        return next(p for p in self.phases if p.span is span)

    @property
    def ending_phase(self) -> Phase:
        """TERMINATION (WMK) or CONCLUSION (S&R)."""
        return self.span(Span.LAST).phase

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.checklist if i.id == item_id), None)

    def problem_area(self, area_id: str) -> ProblemArea | None:
        return next((a for a in self.problem_areas if a.id == area_id), None)

    def items_for(
        self, phase: Phase, problem_areas: Collection[str] | None = None
    ) -> tuple[ChecklistItem, ...]:
        """Items of *phase*; with *problem_areas*, only general items and those areas' items."""
        return tuple(
            i
            for i in self.checklist
            if i.phase is phase
            and (problem_areas is None or i.problem_area is None or i.problem_area in problem_areas)
        )


@dataclass(frozen=True, slots=True)
class Technique:
    id: str
    label: str
    description: str
    capture: str  # how a session note records it: checkbox, incident_record, decision_table, ...
    profiles: tuple[str, ...]
    optional: bool = False
