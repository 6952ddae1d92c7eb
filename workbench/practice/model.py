"""A practice vignette and its answer key as frozen data (fictional cases only)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.measures import Score

# What a trainee may tag a timeline event as (the vignette's key says which tags are expected).
TIMELINE_TAGS = ("onset_link", "maintaining", "warning_time")
TIMELINE_TAG_LABELS = {
    "onset_link": "linked to the onset",
    "maintaining": "keeps the episode going",
    "warning_time": "a coming time of risk",
}
SYMPTOM_MARKERS = ("episode start", "episode end")
# Format 2 (docs: resources/vignettes/README.md): what a vignette may add to format 1.
ADAPTATIONS = ("none", "adolescent", "perinatal", "older_adult", "group", "telephone")
DISTRACTOR_ELEMENTS = ("area", "stage", "person", "goal")
REQUIRED_STEPS = ("rule_out", "risk_note", "stage", "focus_person")
FEATURES = (
    "complicated_grief",
    "uncomplicated_grief",
    "transition_like_grief",
    "secondary_dispute",
    "mixed_areas",
)


@dataclass(frozen=True)
class CasePerson:
    """Someone in the case: pre-filled (given) or to be discovered from the presentation."""

    id: str
    alias: str
    relationship: str  # one of workbench.domain.inventory.RELATIONSHIPS
    ring: int | None  # where the patient places them; None: no placement expected
    given: bool
    facts: str
    role: str = ""  # plain description, e.g. "brother", "neighbour who brings the post"
    living: bool = True
    also_known_as: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.alias} ({self.role})" if self.role else self.alias


@dataclass(frozen=True)
class CaseEvent:
    """A timeline event, dated in months relative to the intake (negative = before)."""

    id: str
    months: float
    type: str  # one of workbench.domain.inventory.EVENT_TYPES
    notes: str
    people: tuple[str, ...] = ()
    symptom_marker: str | None = None

    @property
    def when(self) -> str:
        return months_text(self.months)


@dataclass(frozen=True)
class CaseMeasure:
    """Item-level scores of one instrument at intake; *score* is computed by workbench.measures."""

    instrument: str
    items: tuple[int, ...]
    score: Score
    when: str = "intake"
    note: str = ""


@dataclass(frozen=True)
class ScriptLine:
    """What the (fictional) patient says if the trainee asks about *topic*."""

    topic: str
    answer: str


@dataclass(frozen=True)
class Element:
    """One scored answer-key element: what it refers to, its weight and why it matters."""

    id: str
    kind: str  # primary, secondary, stage, modifier, goal, strategy, technique, ...
    ref: str  # an area, stage, goal ("grief:1"), checklist id, technique id, section key, ...
    weight: int
    why: str
    tag: str | None = None  # timeline elements: the expected tag
    look_for: str = ""  # formulation elements: what a supervisor looks for in the text
    person: str | None = None  # secondary areas (format 2): the person that area is about
    where: str = ""  # the section of the reference that teaches it, e.g. "§3.2"


@dataclass(frozen=True)
class Distractor:
    """A tempting wrong choice of one element, the question to ask the trainee, and why.

    *element* is area, stage, person or goal (format 1 knows only areas); *choice* is the
    wrong area id, stage id, person id or goal ref."""

    id: str
    choice: str
    question: str
    why: str
    element: str = "area"
    where: str = ""

    @property
    def area(self) -> str:
        """The wrong area (format 1's only kind of distractor)."""
        return self.choice


@dataclass(frozen=True)
class RequiredStep:
    """A step the attempt must contain: when it is missing the score is capped, whatever the
    points (format 2). *area*: the area to rule out (rule_out steps only)."""

    id: str
    step: str
    cap: int
    question: str
    why: str
    area: str | None = None
    where: str = ""


@dataclass(frozen=True)
class RiskKey:
    """Whether the case requires a structured risk note (a hard check), and why."""

    id: str
    required: bool
    weight: int
    why: str
    nature: tuple[str, ...] = ()  # what the script describes, e.g. ("passive wish",)
    where: str = ""


@dataclass(frozen=True)
class AnswerKey:
    primary: Element
    secondaries: tuple[Element, ...]
    distractors: tuple[Distractor, ...]
    stage: Element | None
    modifier: Element | None
    risk: RiskKey
    goals: tuple[Element, ...]
    strategies: tuple[Element, ...]
    techniques: tuple[Element, ...]
    formulation: tuple[Element, ...]
    people: tuple[Element, ...]
    timeline: tuple[Element, ...]
    measures: tuple[Element, ...]
    focus_person: Element | None = None  # format 2: whom the primary area is about
    required: tuple[RequiredStep, ...] = ()

    def distractors_of(self, element: str) -> dict[str, Distractor]:
        """The distractors of one element kind, by the wrong choice they stand for."""
        return {d.choice: d for d in self.distractors if d.element == element}

    @property
    def accepted_areas(self) -> frozenset[str]:
        """Areas whose goals and strategies belong to this case's work."""
        areas = {self.primary.ref, *(s.ref for s in self.secondaries)}
        if self.modifier is not None:
            areas.add(self.modifier.ref)
        return frozenset(areas)


@dataclass(frozen=True)
class Vignette:
    id: str
    title: str
    version: int
    profile: str  # canonical manual profile id: WMK or SR
    client: str
    presentation: str
    people: tuple[CasePerson, ...]
    timeline: tuple[CaseEvent, ...]
    measures: tuple[CaseMeasure, ...]
    script: tuple[ScriptLine, ...]
    key: AnswerKey
    pass_percent: int
    source: str  # the file it was read from, for messages
    format: int = 1
    adaptation: str = "none"
    features: tuple[str, ...] = ()

    def person(self, person_id: str) -> CasePerson | None:
        return next((p for p in self.people if p.id == person_id), None)

    def event(self, event_id: str) -> CaseEvent | None:
        return next((e for e in self.timeline if e.id == event_id), None)

    def measure(self, instrument: str) -> CaseMeasure | None:
        return next((m for m in self.measures if m.instrument == instrument), None)


def months_text(months: float) -> str:
    """-10 → '10 months ago', 1 → 'in 1 month', 0 → 'at intake'; halves kept (3.5)."""
    if months == 0:
        return "at intake"
    size = abs(months)
    number = f"{size:g}"
    unit = "month" if size == 1 else "months"
    return f"{number} {unit} ago" if months < 0 else f"in {number} {unit}"
