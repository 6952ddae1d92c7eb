"""Gather each report's data (de-identified on request) from the vault, ready to draw."""

from __future__ import annotations

from dataclasses import replace

from workbench.domain.formulation import AREA_LABELS
from workbench.domain.maintenance import FOCUS
from workbench.domain.notes import SESSION_SECTIONS
from workbench.errors import NotFound
from workbench.protocol import load_profile, phase_for, techniques
from workbench.reports.model import (
    MaintenancePlanDoc,
    SessionSummary,
    Signature,
    SupportLine,
)
from workbench.services import (
    clinician,
    episodes,
    formulation,
    inventory,
    measures,
    sessions,
    status,
)
from workbench.services.report_parts import (
    Deidentify,
    context,
    header,
    measure_rows,
    outcomes,
    risk_section,
)
from workbench.store.measures import Administration
from workbench.store.vault import Vault

SECTION_LABELS = dict(SESSION_SECTIONS)
PERSON_FACTS = (
    ("contact_frequency", "Contact"),
    ("confiding", "Confiding"),
    ("good", "Good"),
    ("not_good", "Not good"),
    ("patient_expectations_met", "Expectations met"),
    ("conflict", "Conflict"),
    ("changed_since_onset", "Changed since onset"),
    ("changes_wanted", "Changes wanted"),
)


def _technique_names() -> dict[str, str]:
    return {t.id: t.label for t in techniques()}


def _given_by(
    given: list[Administration], numbers: dict[int, int], number: int, held_on: str
) -> list[Administration]:
    """The administrations a summary of session *number* may use: none from later sessions."""
    return [
        a
        for a in given
        if (numbers[a.session_id] <= number if a.session_id in numbers else True)
        and a.administered_on[:10] <= held_on[:10]
    ]


def session_summary(
    vault: Vault,
    client_id: int,
    session_number: int | None = None,
    *,
    deidentify: bool = False,
    how: Deidentify | None = None,
) -> SessionSummary:
    """One session: the note (never process notes), measures, risk, signature, phase tasks."""
    ctx = context(vault, client_id, deidentify=deidentify, how=how)
    held = episodes.sessions(vault, ctx.episode.id)
    if not held:
        raise NotFound("This episode has no sessions yet.")
    chosen = (
        held[-1]
        if session_number is None
        else next((s for s in held if s[1] == session_number), None)
    )
    if chosen is None:
        raise NotFound(f"There is no session {session_number} in the current episode.")
    session_id, _, held_on, attendance = chosen
    note_id = sessions.session_note_id(vault, session_id)
    note = sessions.get_note(vault, note_id) if note_id is not None else None
    body = note.body if note else {}
    names = _technique_names()
    text_sections = tuple(
        (label, ctx.redactor.text(str(body[key])))
        for key, label in SESSION_SECTIONS
        if key != "techniques" and str(body.get(key) or "").strip()
    )
    given = measures.administrations(vault, ctx.episode.id)
    numbers = {s[0]: s[1] for s in held}
    rows = measure_rows(ctx, given, numbers)  # change needs every row
    selected = [
        row
        for row, a in zip(rows, given, strict=True)
        if a.session_id == session_id or (a.session_id is None and a.administered_on == held_on)
    ]
    checklist = status.checklist(vault, ctx.episode.id)
    profile = load_profile(ctx.episode.contract.manual_profile)
    done = [profile.item(i) for i, s in checklist.statuses.items() if s == "done"]
    signature = note.signature if note else None
    then = phase_for(
        profile,
        sessions_held=chosen[1],
        kind=ctx.episode.kind.value,
        ended=False,
        contracted=ctx.episode.contract.contracted_sessions,
    )
    then_def = profile.phase_def(then)
    session_header = replace(
        header(ctx, "Session summary"),
        session_number=chosen[1],
        phase_label=then_def.label if then_def else then.value,
    )
    return SessionSummary(
        header=session_header,
        held_on=ctx.redactor.when(held_on),
        attendance=attendance.replace("_", " "),
        format=ctx.episode.contract.format.value,
        duration_min=ctx.episode.contract.session_length_min,
        sections=text_sections,
        techniques=tuple(names.get(t, t) for t in body.get("techniques", [])),
        measures=tuple(selected),
        outcomes=tuple(outcomes(_given_by(given, numbers, chosen[1], held_on))),
        risk=risk_section(vault, ctx, latest_only=True),
        tasks_done=tuple(i.text for i in done if i is not None),
        tasks_open=tuple(i.text for i in ctx.state.open_items if i.required),
        tasks_recommended_open=sum(1 for i in ctx.state.open_items if not i.required),
        reminders=ctx.state.reminders,
        sessions_left=ctx.state.sessions_left,
        signature=Signature(
            state="Signed" if signature else "Draft — not signed",
            signed_by=signature.signed_by if signature else None,
            signed_at=ctx.redactor.when(signature.signed_at) if signature else None,
            content_hash=signature.content_hash if signature else None,
            addenda=tuple(
                (
                    ctx.redactor.when(a.signature.signed_at if a.signature else None),
                    a.signature.signed_by if a.signature else "",
                    ctx.redactor.text(str(a.body.get("text", ""))),
                )
                for a in (note.addenda if note else ())
            ),
        ),
    )


def maintenance_plan(vault: Vault, client_id: int) -> MaintenancePlanDoc:
    """The patient-facing plan (§14.1): plain words, the patient's own phrases, no jargon."""
    ctx = context(vault, client_id, deidentify=False)
    ep = ctx.episode
    plan = formulation.get_plan(vault, ep.id)
    profile = clinician.get_profile(vault)
    if plan is None:
        raise NotFound("There is no maintenance plan for the current episode yet.")
    held = episodes.sessions(vault, ep.id)
    form = formulation.get_formulation(vault, ep.id)
    people = {p.id: p for p in inventory.people(vault, ep.id)}
    circles = inventory.circle_snapshots(vault, ep.id)
    rings = {pl.person_id: pl.ring for pl in circles[-1].placements} if circles else {}
    area = AREA_LABELS.get(form.primary_area or "", "") if form else ""
    contract = [("How often", plan.frequency)]
    if plan.duration_months:
        contract.append(("For how long", f"{plan.duration_months} months"))
    contract += [
        ("Questionnaires", plan.measure_schedule),
        ("Next review", plan.review_date or "to be agreed"),
    ]
    if plan.focus in FOCUS:
        contract.append(("Focus", plan.focus))
    if plan.other_treatment:
        contract.append(("Other treatment", plan.other_treatment))
    last = held[-1][2] if held else ep.start_date
    return MaintenancePlanDoc(
        header=header(ctx, "Maintenance plan"),
        treatment_dates=f"{ep.start_date} to {ep.end_date or last}",
        sessions_held=len(held),
        problem_area=plan.what_we_worked_on or (area[:1].upper() + area[1:]),
        goals=tuple(g.text for g in formulation.goals(vault, ep.id)),
        trend=measures.episode_trend(vault, ep.id),
        outcomes=tuple(outcomes(measures.administrations(vault, ep.id))),
        what_changed=plan.what_changed,
        skills=plan.skills_that_helped,
        warning_signs_symptoms=plan.warning_signs_symptoms,
        warning_signs_interpersonal=plan.warning_signs_interpersonal,
        situations=plan.situations_to_plan_for,
        support=tuple(
            SupportLine(
                people[s.person_id].alias if s.person_id in people else "—",
                s.contact_for,
                rings.get(s.person_id),
            )
            for s in plan.support_people
        ),
        if_warning_signs=plan.if_warning_signs,
        contract=tuple(contract),
        crisis_text=profile.crisis_text.strip() if profile else "",
        crisis_contacts=tuple((c.name, c.how) for c in profile.crisis_contacts) if profile else (),
        clinician_contact=profile.contact.strip() if profile else "",
        return_to_acute_rule=plan.return_to_acute_rule.strip(),
    )
