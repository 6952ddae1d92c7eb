"""Gather the supervision parts of the supervisor report: case summary, diagnosis, sick role,
problem areas considered and rejected, goals, measures from the acute intake, fidelity record
and supervision meetings (ipt-reference §14.3 items 2–4, 6, 8, 11)."""

from __future__ import annotations

from collections import defaultdict

from workbench.domain.fidelity import CaseSummary, SessionRating
from workbench.domain.formulation import AREA_LABELS
from workbench.fidelity import FormError, RatingForm
from workbench.protocol import load_profile, phase_for
from workbench.reports.model import (
    FidelityLine,
    MeasureRow,
    MeetingLine,
    OutcomeLine,
    SupervisionRecord,
)
from workbench.services import episodes, fidelity, formulation, measures
from workbench.services.report_parts import Context, measure_rows, outcomes
from workbench.store.measures import Administration
from workbench.store.vault import Vault


def supervision_record(vault: Vault, ctx: Context) -> SupervisionRecord:
    ep, r = ctx.episode, ctx.redactor
    summary = case_summary_for(vault, ctx)
    form = formulation.get_formulation(vault, ep.id)
    areas: list[tuple[str, str]] = []
    rejected: list[tuple[str, str]] = []
    if form is not None:
        areas.append(("Primary", AREA_LABELS.get(form.primary_area or "", "not chosen")))
        if form.secondary_area:
            areas.append(("Secondary", AREA_LABELS.get(form.secondary_area, "")))
        for key, reason in form.sections.get("ruled_out", {}).items():
            rejected.append((AREA_LABELS.get(key, key), r.text(str(reason))))
    earlier, course = _course(vault, ctx)
    ratings = fidelity.session_ratings(vault, ep.id)
    held = {number: day for _, number, day, _ in episodes.sessions(vault, ep.id)}
    lines = [_fidelity_line(ctx, rating, held) for rating in ratings]
    means: defaultdict[str, list[float]] = defaultdict(list)
    for line in lines:
        if line.mean is not None:
            means[line.phase].append(line.mean)
    supervisor_form = _supervisor_form()
    return SupervisionRecord(
        case_summary=r.text(summary.summary),
        diagnosis=r.text(summary.diagnosis),
        sick_role=f"given ({r.when(summary.sick_role_given_on)})"
        if summary.sick_role_given_on
        else "not recorded",
        problem_areas=tuple(areas),
        rejected=tuple(rejected),
        goals=tuple(
            (r.text(g.text), g.status.replace("_", " ")) for g in formulation.goals(vault, ep.id)
        ),
        course_outcomes=tuple(course),
        earlier_measures=tuple(earlier),
        fidelity_form=fidelity.form_label(ratings[0].form_id) if ratings else "",
        fidelity=tuple(lines),
        phase_means=tuple((phase, sum(v) / len(v)) for phase, v in means.items()),
        meetings=tuple(_meetings(vault, ctx)),
        rating_items=tuple(i.text for i in supervisor_form.items) if supervisor_form else (),
        rating_scale=" · ".join(f"{v} = {label}" for v, label in supervisor_form.anchors)
        if supervisor_form
        else "",
    )


def case_summary_for(vault: Vault, ctx: Context) -> CaseSummary:
    """The current episode's case summary, or the latest earlier one (a maintenance episode
    keeps the summary written in the acute phase until the clinician writes a new one)."""
    listed = [e for e in episodes.client_episodes(vault, ctx.client.id)]
    index = next(i for i, e in enumerate(listed) if e.id == ctx.episode.id)
    for episode in reversed(listed[: index + 1]):
        found = fidelity.case_summary(vault, episode.id)
        if found != CaseSummary():
            return found
    return CaseSummary()


def _course(vault: Vault, ctx: Context) -> tuple[list[MeasureRow], list[OutcomeLine]]:
    """Measures of the earlier episodes back to the last acute intake, and outcomes from it."""
    listed = episodes.client_episodes(vault, ctx.client.id)
    index = next(i for i, e in enumerate(listed) if e.id == ctx.episode.id)
    start = index
    while start > 0 and listed[start].kind.value != "acute":
        start -= 1
    if start == index:
        return [], []
    earlier: list[Administration] = [
        a for e in listed[start:index] for a in measures.administrations(vault, e.id)
    ]
    current = measures.administrations(vault, ctx.episode.id)
    rows = measure_rows(ctx, earlier, {})
    return rows, outcomes([*earlier, *current])


def _fidelity_line(ctx: Context, rating: SessionRating, held: dict[int, str]) -> FidelityLine:
    ep = ctx.episode
    profile = load_profile(ep.contract.manual_profile)
    phase = phase_for(
        profile,
        sessions_held=rating.session_number,
        contracted=ep.contract.contracted_sessions,
        kind=ep.kind.value,
        ended=False,
    )
    return FidelityLine(
        session_number=rating.session_number,
        when=ctx.redactor.when(held.get(rating.session_number)),
        phase=phase.value,
        mean=rating.mean,
        rated=sum(1 for v in rating.ratings.values() if v is not None),
        deviations=ctx.redactor.text(rating.deviations),
        recorded=rating.recorded,
        reviewed=rating.recording_reviewed,
    )


def _meetings(vault: Vault, ctx: Context) -> list[MeetingLine]:
    found = []
    for meeting in fidelity.meetings(vault, ctx.client.id):
        items = _items(meeting.form_id)
        found.append(
            MeetingLine(
                when=ctx.redactor.when(meeting.held_on),
                supervisor=meeting.supervisor,
                mean=meeting.mean,
                ratings=tuple((items.get(k, k), v) for k, v in meeting.ratings.items()),
                agreed_actions=ctx.redactor.text(meeting.agreed_actions),
                cases=len(meeting.client_ids),
            )
        )
    return found


def _items(form_id: str) -> dict[str, str]:
    try:
        form = next((f for f in fidelity.forms() if f.id == form_id), None)
    except FormError:
        return {}
    return {i.id: i.text for i in form.items} if form else {}


def _supervisor_form() -> RatingForm | None:
    shipped = fidelity.forms("supervisor")
    return shipped[0] if shipped else None
