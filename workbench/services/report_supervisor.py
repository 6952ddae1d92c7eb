"""Gather the supervisor report (ipt-reference §14.3): the whole course, risk never omitted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from workbench.deid.redactor import age_band
from workbench.domain.formulation import SR_SECTIONS
from workbench.domain.inventory import CircleSnapshot
from workbench.domain.notes import Note
from workbench.measures import Trend
from workbench.protocol import Phase, load_profile, techniques
from workbench.protocol.phase_engine import phase_for
from workbench.reports.model import CircleSet, PersonLine, SessionLine, SupervisorReport
from workbench.services import episodes, formulation, inventory, measures, sessions
from workbench.services.report_course import course_sections
from workbench.services.report_data import PERSON_FACTS
from workbench.services.report_parts import (
    KINDS,
    PROFILES,
    Context,
    Deidentify,
    context,
    header,
    measure_rows,
    outcomes,
    risk_section,
)
from workbench.services.report_supervision import case_summary_for, supervision_record
from workbench.store.vault import Vault

SUMMARY_WORDS = 18


def supervisor_report(
    vault: Vault,
    client_id: int,
    *,
    deidentify: bool = False,
    questions: tuple[str, ...] = (),
    how: Deidentify | None = None,
) -> SupervisorReport:
    ctx = context(vault, client_id, deidentify=deidentify, how=how)
    ep, r = ctx.episode, ctx.redactor
    held = episodes.sessions(vault, ep.id)
    numbers = {s[0]: s[1] for s in held}
    notes = _session_notes(vault, held)
    given = measures.administrations(vault, ep.id)
    people = inventory.people(vault, ep.id)
    labels = {p.id: r.person(p.alias) for p in people}
    asked = [str(n.body.get("supervision_question", "")) for n in notes.values()]
    own = case_summary_for(vault, ctx).questions.splitlines()
    names = {t.id: t.label for t in techniques()}
    used = Counter(names.get(t, t) for n in notes.values() for t in n.body.get("techniques", []))
    return SupervisorReport(
        header=header(ctx, "Supervisor report"),
        case_facts=_case_facts(ctx, len(held)),
        contract_changes=tuple(
            f"{r.when(c.changed_on)}: {c.old_sessions} → {c.new_sessions} sessions "
            f"({r.text(c.reason)})"
            for c in episodes.contract_changes(vault, ep.id)
        ),
        phase=ctx.state.phase_label,
        open_items=tuple((i.text, i.required) for i in ctx.state.open_items),
        reminders=ctx.state.reminders,
        people=tuple(
            PersonLine(
                labels[p.id],
                p.relationship,
                tuple(
                    (label, r.text(str(value)))
                    for key, label in PERSON_FACTS
                    if (value := getattr(p.details, key))
                ),
            )
            for p in people
        ),
        circles=tuple(
            CircleSet(
                s.label.capitalize() or "Circle",
                r.when(s.taken_on),
                tuple(
                    (labels.get(pl.person_id, "?"), pl.ring, pl.line_style) for pl in s.placements
                ),
            )
            for s in _first_and_last(inventory.circle_snapshots(vault, ep.id))
        ),
        timeline=tuple(
            (
                r.when(e.event_date),
                r.text(e.notes or e.event_type)
                if e.event_type != "measure"
                else e.symptom_marker or "",
                ", ".join(labels.get(p, "?") for p in e.people),
            )
            for e in inventory.timeline(vault, ep.id)
        ),
        formulation=_formulation(vault, ctx),
        goals=tuple(r.text(g.text) for g in formulation.goals(vault, ep.id)),
        sessions=tuple(
            SessionLine(
                number,
                r.when(day),
                attendance.replace("_", " "),
                bool(notes.get(sid) and notes[sid].signed),
                tuple(names.get(t, t) for t in notes[sid].body.get("techniques", []))
                if sid in notes
                else (),
                _summary(r.text, notes.get(sid)),
            )
            for sid, number, day, attendance in held
        ),
        technique_counts=tuple(sorted(used.items(), key=lambda kv: (-kv[1], kv[0]))),
        trend=_trend(vault, ctx),
        phase_markers=_phase_markers(ctx),
        measures=tuple(measure_rows(ctx, given, numbers)),
        outcomes=tuple(outcomes(given)),
        risk=risk_section(vault, ctx),
        questions=tuple(r.text(q) for q in (*asked, *own, *questions) if q.strip()),
        course=course_sections(vault, ctx),
        supervision=supervision_record(vault, ctx),
    )


def _trend(vault: Vault, ctx: Context) -> Trend:
    """The app's chart data; de-identified, its dates count from the episode start."""
    found = measures.episode_trend(vault, ctx.episode.id)
    return found.relative_to(ctx.episode.start_date) if ctx.redactor.active else found


def _session_notes(vault: Vault, held: list[tuple[int, int, str, str]]) -> dict[int, Note]:
    found = {}
    for session_id, *_ in held:
        note_id = sessions.session_note_id(vault, session_id)
        if note_id is not None:
            found[session_id] = sessions.get_note(vault, note_id)
    return found


def _case_facts(ctx: Context, held: int) -> tuple[tuple[str, str], ...]:
    ep = ctx.episode
    facts = [
        ("Age band", age_band(ctx.client.date_of_birth, ctx.generated_at)),
        ("Episode", KINDS[ep.kind.value]),
        ("Manual profile", PROFILES[ep.contract.manual_profile]),
        (
            "Contract",
            f"{ep.contract.contracted_sessions} sessions, {ep.contract.frequency}, "
            f"{ep.contract.session_length_min} min",
        ),
        ("Format", ep.contract.format.value),
        ("Sessions held", str(held)),
    ]
    if not ctx.redactor.active:
        facts.insert(0, ("Client", f"{ctx.client.display_name} ({ctx.client.code})"))
    return tuple(facts)


def _first_and_last(snapshots: list[CircleSnapshot]) -> list[CircleSnapshot]:
    return snapshots if len(snapshots) <= 2 else [snapshots[0], snapshots[-1]]


def _formulation(vault: Vault, ctx: Context) -> tuple[tuple[str, str], ...]:
    form = formulation.get_formulation(vault, ctx.episode.id)
    if form is None:
        return (("Formulation", "Not yet recorded."),)
    text = ctx.redactor.text
    # The problem areas chosen and rejected are in the case section (report_supervision).
    rows: list[tuple[str, str]] = [
        (label, text(str(form.sections[key])))
        for key, label in SR_SECTIONS
        if str(form.sections.get(key) or "").strip()
    ]
    if form.statement:
        rows.append(("Formulation statement", text(form.statement)))
    shared = ctx.redactor.when(form.shared_on) if form.shared_on else "not yet"
    rows.append(("Shared with the patient", shared))
    rows.append(("Patient's agreement", form.patient_agreed or "not recorded"))
    if form.patient_words:
        rows.append(("In the patient's words", text(form.patient_words)))
    return tuple(rows)


def _phase_markers(ctx: Context) -> tuple[tuple[int, str], ...]:
    ep = ctx.episode
    if ep.kind.value == "maintenance":
        return ()
    profile = load_profile(ep.contract.manual_profile)
    markers, previous = [], None
    for n in range(1, ep.contract.contracted_sessions + 1):
        phase = phase_for(
            profile,
            sessions_held=n,
            contracted=ep.contract.contracted_sessions,
            kind=ep.kind.value,
            ended=False,
        )
        if phase is not previous and phase is not Phase.INITIAL:
            markers.append((n, phase.value))  # drawn at the date of that session
        previous = phase
    return tuple(markers)


def _summary(redact: Callable[[str], str], note: Note | None) -> str:
    """The first words of the mood/event link (or the check-in) of a session note."""
    if note is None:
        return "no note"
    first = str(note.body.get("mood_event_link") or note.body.get("check_in") or "")
    # Redact the whole text before shortening it: a cut identifier no longer matches.
    words = redact(first).split()
    return " ".join(words[:SUMMARY_WORDS]) + ("…" if len(words) > SUMMARY_WORDS else "")
