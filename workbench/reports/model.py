"""What each PDF shows, as plain data gathered (and de-identified) before any drawing."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.measures import Trend


@dataclass(frozen=True)
class Header:
    """Identifies the report on every page; de-identified reports carry a code, not a name."""

    kind: str  # "Session summary" | "Maintenance plan" | "Supervisor report"
    client_label: str
    episode_label: str
    session_number: int
    contracted: int | None
    phase_label: str
    generated_at: str
    signer: str
    deidentified: bool
    open_risk_flags: int = 0  # the client's open flags from every episode


@dataclass(frozen=True)
class MeasureRow:
    instrument: str
    when: str  # a date, or "week 3" when de-identified
    session_number: int | None
    total: int | None  # None = incomplete
    band: str | None
    change_from_baseline: int | None
    risk_item: str | None = None  # e.g. "item 9: 1" or "item 9: unanswered"
    is_baseline: bool = False


@dataclass(frozen=True)
class OutcomeLine:
    instrument: str
    baseline: int | None
    latest: int | None
    caption: str  # "Response (by definition: ≥50% fall from baseline score)"


@dataclass(frozen=True)
class RiskFlagLine:
    source: str
    raised: str
    state: str  # "open — clinician review required" | "risk note written <when>"
    open: bool


@dataclass(frozen=True)
class RiskNoteView:
    written: str
    signer: str
    fields: tuple[tuple[str, str], ...]  # (label, text) in the order of ipt-reference §11.2


@dataclass(frozen=True)
class RiskSection:
    flags: tuple[RiskFlagLine, ...]
    notes: tuple[RiskNoteView, ...]  # latest first

    @property
    def open_count(self) -> int:
        return sum(1 for f in self.flags if f.open)


@dataclass(frozen=True)
class Signature:
    state: str  # "Signed" | "Draft — not signed"
    signed_by: str | None
    signed_at: str | None
    content_hash: str | None
    addenda: tuple[tuple[str, str, str], ...] = ()  # (signed at, signed by, text)


@dataclass(frozen=True)
class SessionSummary:
    header: Header
    held_on: str
    attendance: str
    format: str
    duration_min: int
    sections: tuple[tuple[str, str], ...]  # (label, text) in session-pattern order
    techniques: tuple[str, ...]
    measures: tuple[MeasureRow, ...]
    outcomes: tuple[OutcomeLine, ...]
    risk: RiskSection
    tasks_done: tuple[str, ...]
    tasks_open: tuple[str, ...]  # required items still open
    tasks_recommended_open: int
    reminders: tuple[str, ...]
    sessions_left: int | None
    signature: Signature


@dataclass(frozen=True)
class SupportLine:
    who: str
    contact_for: str
    ring: int | None


@dataclass(frozen=True)
class MaintenancePlanDoc:
    header: Header
    treatment_dates: str
    sessions_held: int
    problem_area: str  # plain words
    goals: tuple[str, ...]
    trend: Trend  # the same chart data as the app's Measures page
    outcomes: tuple[OutcomeLine, ...]
    what_changed: str
    skills: tuple[str, ...]
    warning_signs_symptoms: tuple[str, ...]
    warning_signs_interpersonal: tuple[str, ...]
    situations: tuple[str, ...]
    support: tuple[SupportLine, ...]
    if_warning_signs: str
    contract: tuple[tuple[str, str], ...]  # (label, value): frequency, duration, measures, review
    crisis_text: str = ""  # the clinician's own wording (profile); never invented
    crisis_contacts: tuple[tuple[str, str], ...] = ()  # (name, how to reach)
    clinician_contact: str = ""
    return_to_acute_rule: str = ""  # the clinician's rule for returning to acute treatment


@dataclass(frozen=True)
class PersonLine:
    label: str  # alias, or role + initials when de-identified
    relationship: str
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CircleSet:
    label: str  # "Intake", "End", ...
    when: str
    people: tuple[tuple[str, int, str], ...]  # (label, ring, line style)


@dataclass(frozen=True)
class SessionLine:
    number: int
    when: str
    attendance: str
    signed: bool
    techniques: tuple[str, ...]
    summary: str  # the first words of the mood/event link or the check-in


@dataclass(frozen=True)
class FactsSection:
    title: str
    facts: tuple[tuple[str, str], ...]  # (label, text)


@dataclass(frozen=True)
class FidelityLine:
    """One session's adherence self-rating as the report shows it."""

    session_number: int
    when: str
    phase: str
    mean: float | None
    rated: int  # items rated (not 'not applicable')
    deviations: str
    recorded: bool
    reviewed: bool


@dataclass(frozen=True)
class MeetingLine:
    """A supervision meeting that discussed this case."""

    when: str
    supervisor: str
    mean: float | None
    ratings: tuple[tuple[str, int | None], ...]  # (item, value)
    agreed_actions: str
    cases: int  # how many cases the meeting discussed


@dataclass(frozen=True)
class SupervisionRecord:
    """What an IPT supervisor needs beyond the course itself (ipt-reference §14.3)."""

    case_summary: str  # the clinician's paragraph
    diagnosis: str  # as recorded
    sick_role: str  # "given (week 1)" or "not recorded"
    problem_areas: tuple[tuple[str, str], ...]  # (label, value): primary, secondary
    rejected: tuple[tuple[str, str], ...]  # (problem area, reason) considered and rejected
    goals: tuple[tuple[str, str], ...]  # (goal, status)
    course_outcomes: tuple[OutcomeLine, ...]  # from the acute intake, when later episodes exist
    earlier_measures: tuple[MeasureRow, ...]  # earlier episodes of this course of treatment
    fidelity_form: str  # label of the self-rating form used
    fidelity: tuple[FidelityLine, ...]
    phase_means: tuple[tuple[str, float], ...]  # (phase, mean self-rating)
    meetings: tuple[MeetingLine, ...]
    rating_items: tuple[str, ...]  # the supervisor form's items, for the supervisor's page
    rating_scale: str  # "1 = not yet evident … 5 = expert"


@dataclass(frozen=True)
class SupervisorReport:
    header: Header
    case_facts: tuple[tuple[str, str], ...]  # age band, kind, profile, contract, format
    contract_changes: tuple[str, ...]
    phase: str
    open_items: tuple[tuple[str, bool], ...]  # (text, required)
    reminders: tuple[str, ...]
    people: tuple[PersonLine, ...]
    circles: tuple[CircleSet, ...]  # intake first, latest last
    timeline: tuple[tuple[str, str, str], ...]  # (when, what, who)
    formulation: tuple[tuple[str, str], ...]  # (label, text)
    goals: tuple[str, ...]
    sessions: tuple[SessionLine, ...]
    technique_counts: tuple[tuple[str, int], ...]
    trend: Trend  # the same chart data as the app's Measures page (weeks when de-identified)
    phase_markers: tuple[tuple[int, str], ...]  # (session number, phase name)
    measures: tuple[MeasureRow, ...]
    outcomes: tuple[OutcomeLine, ...]
    risk: RiskSection
    questions: tuple[str, ...] = field(default=())
    course: tuple[FactsSection, ...] = field(default=())  # history, reviews, problem areas
    supervision: SupervisionRecord | None = None
