"""Plain-text views for the command line: vignette list, case material, feedback, history."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from workbench.domain.formulation import SR_SECTIONS
from workbench.measures import get_instrument
from workbench.practice.feedback import Feedback, Mark
from workbench.practice.model import TIMELINE_TAGS, Vignette
from workbench.practice.progress import Progress
from workbench.practice.store import AttemptRecord
from workbench.protocol import Role, load_profile, techniques

BANNER = "PRACTICE — fictional case"
WIDTH = 96
MARK_WORDS = {
    Mark.IDENTIFIED: "identified",
    Mark.MISSED: "missed",
    Mark.DISTRACTOR: "distractor",
    Mark.ERROR: "scoring error",
    Mark.OFF_FOCUS: "off focus",
    Mark.NOTE: "note",
    Mark.HARD_FAIL: "HARD FAIL",
    Mark.STEP_MISSING: "REQUIRED STEP MISSING",
}


def _wrap(text: str, indent: str, hang: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent + hang
    )


def list_text(vignettes: Sequence[Vignette]) -> str:
    lines = [f"{BANNER}: vignettes (all people and details invented)", ""]
    lines += [f"{v.id}\t{v.profile}\tv{v.version}\t{v.title}" for v in vignettes]
    lines += ["", "Show one: ipt-workbench practice --vignette ID"]
    return "\n".join(lines) + "\n"


def validated_text(vignette: Vignette, source: str) -> str:
    """One paragraph saying what a valid vignette file holds (for trainers)."""
    key = vignette.key
    kinds = sorted({d.element for d in key.distractors})
    steps = ", ".join(f"{s.step} {s.area}" if s.area else s.step for s in key.required) or "none"
    adaptation = "" if vignette.adaptation == "none" else f", adaptation {vignette.adaptation}"
    return (
        f"{source}: valid (format {vignette.format}). Vignette {vignette.id}: {vignette.title} "
        f"({vignette.profile}{adaptation}); primary area {key.primary.ref}; "
        f"{len(key.distractors)} distractor(s) of {', '.join(kinds)}; required steps: {steps}; "
        f"risk note {'required' if key.risk.required else 'not required'}.\n"
    )


def case_text(vignette: Vignette) -> str:
    """The material the trainee works from: no answer key, no hidden people, no totals."""
    out = [
        BANNER,
        f"Vignette {vignette.id}: {vignette.title} ({vignette.profile} profile, "
        f"version {vignette.version})",
        "",
        "Presentation",
        "\n\n".join(_wrap(p, "  ") for p in vignette.presentation.split("\n\n")),
        "",
        "Inventory (given; find the others in the presentation)",
    ]
    for person in (p for p in vignette.people if p.given):
        ring = f"ring {person.ring}" if person.ring else "no ring"
        out.append(f"  {person.label} — {person.relationship}, {ring}")
        out.append(_wrap(person.facts, "      "))
    out += ["", "Timeline (months from intake)"]
    for event in sorted(vignette.timeline, key=lambda e: e.months):
        marker = f" [{event.symptom_marker}]" if event.symptom_marker else ""
        out.append(f"  {event.id:<18} {event.when:<16} {event.type}{marker}: {event.notes}")
    out += ["", "Measures (item scores as the patient answered; score them yourself)"]
    for measure in vignette.measures:
        instrument = get_instrument(measure.instrument)
        out.append(f"  {instrument.id} ({measure.when})")
        for item, value in zip(instrument.items, measure.items, strict=True):
            text = item.text or item.label or f"item {item.number}"
            answer = item.option_label(value)
            shown = f"{value} ({answer})" if answer else str(value)
            out.append(_wrap(f"{item.number}. {text}: {shown}", "    ", "   "))
        if measure.note:
            out.append(_wrap(measure.note, "    "))
    if vignette.script:
        out += ["", "If you ask"]
        for line in vignette.script:
            out.append(_wrap(f"{line.topic}: {line.answer}", "  ", "  "))
    out += ["", *choices_lines(vignette)]
    out += [
        "",
        f"Answer with: ipt-workbench practice --vignette {vignette.id} --attempt FILE.json "
        "(start from --template).",
    ]
    return "\n".join(out) + "\n"


def choices_lines(vignette: Vignette) -> list[str]:
    """The ids an attempt file may use for this vignette's manual profile (all areas alike)."""
    profile = load_profile(vignette.profile)
    focus = [a for a in profile.problem_areas if a.role is Role.FOCUS]
    out = [f"Ids for the attempt file ({profile.id} profile)"]
    out.append("  areas: " + ", ".join(a.id for a in focus))
    modifiers = [a.id for a in profile.problem_areas if a.role is Role.MODIFIER]
    if modifiers:
        out.append("  modifier: " + ", ".join(modifiers))
    stages = [s.id for a in profile.problem_areas for s in a.stages]
    out.append("  dispute_stage: " + ", ".join(stages))
    out.append("  goals (AREA:N):")
    for area in focus + [a for a in profile.problem_areas if a.role is Role.MODIFIER]:
        for n, goal in enumerate(area.goals, 1):
            out.append(_wrap(f"{area.id}:{n} — {goal}", "    ", "      "))
    out.append("  strategies (any checklist item id of the profile), for example:")
    for area in profile.problem_areas:
        out += [_wrap(f"{item.id} — {item.text}", "    ", "      ") for item in area.strategies]
    out.append(_wrap("techniques: " + ", ".join(t.id for t in techniques(profile.id)), "  ", "  "))
    out.append(_wrap("formulation sections: " + ", ".join(k for k, _ in SR_SECTIONS), "  ", "  "))
    out.append("  timeline tags: " + ", ".join(TIMELINE_TAGS))
    return out


def feedback_text(feedback: Feedback) -> str:
    out = [
        BANNER,
        f"Vignette {feedback.vignette_id}: {feedback.vignette_title} "
        f"({feedback.profile} profile, version {feedback.vignette_version})",
        f"Result: {feedback.result.upper()} — {feedback.score} of {feedback.max_score} points "
        f"({feedback.percent:g}%{_capped(feedback)}); pass mark {feedback.pass_percent}%",
        f"Risk check: {feedback.risk_summary}",
    ]
    for section in feedback.sections:
        out += ["", f"{section.title} ({section.points} of {section.max_points})"]
        for finding in section.findings:
            points = f" [{finding.points:+d}]" if finding.points else ""
            out.append(f"  {MARK_WORDS[finding.mark]}: {finding.label}{points}")
            if finding.question:
                out.append(_wrap(f"Question: {finding.question}", "      "))
            if finding.why and finding.mark is not Mark.IDENTIFIED:
                out.append(_wrap(f"Why: {finding.why}", "      "))
            if finding.manual:
                out.append(_wrap(f"The manual ({finding.where}): {finding.manual}", "      "))
            elif finding.where and finding.mark is not Mark.IDENTIFIED:
                out.append(_wrap(f"Read: {finding.where}", "      "))
    return "\n".join(out) + "\n"


def _capped(feedback: Feedback) -> str:
    if not feedback.caps:
        return ""
    return f", capped from {feedback.raw_percent:g}%"


def history_text(records: Sequence[AttemptRecord]) -> str:
    if not records:
        return "No practice attempts recorded yet.\n"
    out = [f"{BANNER}: your attempts", ""]
    for r in records:
        result = r.result or ("passed" if r.passed else "not passed")
        trainee = f"\t{r.trainee}" if r.trainee else ""
        out.append(
            f"{r.id}\t{r.at}\t{r.vignette}\t{r.score}/{r.max_score}\t{r.percent:g}%\t{result}"
            f"{trainee}"
        )
    out += ["", "Progress by vignette"]
    for vignette in sorted({r.vignette for r in records}):
        mine = [r for r in records if r.vignette == vignette]
        best = max(r.percent for r in mine)
        latest = mine[-1]
        out.append(
            f"  {vignette}: {len(mine)} attempt(s), best {best:g}%, latest {latest.percent:g}% "
            f"({'passed' if latest.passed else 'not passed'})"
        )
    return "\n".join(out) + "\n"


def progress_text(report: Progress) -> str:
    """The elements missed most across cases, then each case's attempts and scores."""
    who = report.trainee or "everyone"
    out = [
        f"{BANNER}: progress of {who}",
        f"{report.attempts} attempt(s); {report.vignettes_tried} of {report.library_size} cases "
        f"tried, {report.vignettes_passed} passed at least once",
        "",
        "Missed most often (attempts, cases, where to read)",
    ]
    out += [
        f"  {m.label}: {m.attempts} ({', '.join(m.vignettes)}) — {m.where}"
        for m in report.missed_most
    ] or ["  nothing missed yet"]
    out += ["", "By case"]
    out += [
        f"  {v.vignette}: {v.attempts} attempt(s), best {v.best_percent:g}%, latest "
        f"{v.latest_percent:g}% ({v.latest_result})"
        for v in report.by_vignette
    ]
    return "\n".join(out) + "\n"
