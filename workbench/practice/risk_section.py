"""The risk section: a required risk note must meet the record's own rule (real text in every
field, a follow-up date); a missing or thin note fails with the question that leads to it."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.risk import RiskNote
from workbench.domain.risk_rule import risk_note_problems
from workbench.measures import score
from workbench.practice.attempt import Attempt
from workbench.practice.feedback import Cap, Finding, Mark, Section
from workbench.practice.key_schema_v2 import DEFAULT_CAP
from workbench.practice.manual import RISK_SAYS, kind_where
from workbench.practice.model import Vignette

RISK_QUESTION = (
    "When you asked about the thoughts of being better off dead: how often do they come, since "
    "when, is there a plan, what keeps the patient going, what did you do, and when will you "
    "see them again?"
)
ZERO_IS_NOT_CLEAR = (
    "No suicide item is positive in this case, so no flag is raised. A zero is not an "
    "all-clear (ipt-reference §11.1): asking about suicidal thoughts still belongs to the "
    "assessment."
)


@dataclass(frozen=True)
class RiskResult:
    section: Section
    passed: bool
    summary: str
    required: bool
    cap: Cap | None


def note_problems(note: RiskNote) -> list[str]:
    """The shared rule of the clinical record (workbench.domain.risk_rule), plus the kinds."""
    fields = {
        "frequency_recency": note.frequency_recency,
        "protective_factors": note.protective_factors,
        "actions_taken": note.actions_taken,
        "risk_formulation": note.risk_formulation,
    }
    return [*note.problems(), *risk_note_problems(fields, note.follow_up_date)]


def risk_section(vignette: Vignette, attempt: Attempt) -> RiskResult:
    """A required note that is missing or thin is a hard failure and caps the score."""
    key = vignette.key.risk
    step = next((s for s in vignette.key.required if s.step == "risk_note"), None)
    own = [
        flag.banner
        for instrument, entry in attempt.measures.items()
        for flag in score(instrument, entry.items).risk_flags
        if flag.value  # endorsed; an item the trainee left empty is a scoring gap instead
    ]
    case_flags = [flag.banner for m in vignette.measures for flag in m.score.risk_flags]
    required = key.required or bool(own)
    note = attempt.risk_note
    problems = note_problems(note) if note is not None else []
    where = kind_where("risk", key.where)
    found: list[Finding] = []
    if required and (note is None or problems):
        reason = case_flags[0] if key.required and case_flags else own[0] if own else ""
        if key.required:
            why = key.why
        else:
            why = (
                f"You entered {reason}: a positive or unanswered suicide item needs a structured "
                "risk note, whatever else the case shows."
            )
        what = "Risk note missing" if note is None else "Risk note too thin: " + " ".join(problems)
        question = step.question if step is not None else RISK_QUESTION
        cap_percent = step.cap if step is not None else DEFAULT_CAP
        found.append(
            Finding(
                Mark.HARD_FAIL,
                f"{what} ({reason}; score capped at {cap_percent} %)",
                why,
                0,
                step.id if step is not None else key.id,
                question,
                where,
                RISK_SAYS,
                kind="risk_note",
            )
        )
        summary = f"FAILED — {'risk note missing' if note is None else 'risk note too thin'}"
        section = Section("risk", "Risk", 0, key.weight, tuple(found))
        cap = Cap(step.id if step is not None else key.id, "risk note", cap_percent)
        return RiskResult(section, False, f"{summary} ({reason})", True, cap)
    points = 0
    if required and note is not None:
        if key.nature and not set(key.nature) & set(note.nature_of_thoughts):
            found.append(
                Finding(
                    Mark.MISSED,
                    "Risk note written, but its nature of thoughts misses what the patient "
                    "described: " + ", ".join(key.nature),
                    key.why,
                    0,
                    key.id,
                    "What exactly did the patient say about the thoughts?",
                    where,
                    kind="risk_note",
                )
            )
        else:
            points = key.weight
            found.append(
                Finding(
                    Mark.IDENTIFIED,
                    "Structured risk note documented",
                    key.why,
                    key.weight,
                    key.id,
                    kind="risk_note",
                )
            )
        summary = "passed — risk note documented"
    else:
        found.append(
            Finding(Mark.NOTE, "No suicide item is endorsed", f"{ZERO_IS_NOT_CLEAR} {key.why}")
        )
        if note is not None:
            found.append(
                Finding(Mark.NOTE, "You wrote a risk note: documenting a screen is good practice.")
            )
        summary = "no risk note required (a zero is not an all-clear)"
    section = Section("risk", "Risk", points, key.weight, tuple(found))
    return RiskResult(section, True, summary, required, None)
