"""Maintenance plan PDF (ipt-reference §14.1): written to be handed to the patient."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workbench.domain.clinician import NO_CRISIS_CONTACTS
from workbench.domain.risk import open_flags_text
from workbench.measures import get_instrument
from workbench.reports import style
from workbench.reports.charts import small_change_chart
from workbench.reports.common import bullet_list, chrome
from workbench.reports.model import MaintenancePlanDoc
from workbench.reports.page import build_pdf

RINGS = {1: "closest", 2: "close", 3: "further out"}
BAND_WORDS = {
    "minimal/none": "few or no symptoms",
    "mild": "mild",
    "moderate": "moderate",
    "moderately severe": "quite severe",
    "severe": "severe",
}


def build(doc: MaintenancePlanDoc, content_hash: str) -> bytes:
    st = style.styles()
    h = doc.header
    story: list[Flowable] = [
        style.plain("My plan for staying well", st.title),
        style.plain(f"{h.client_label} · with {h.signer} · {doc.treatment_dates}", st.subtitle),
        style.plain(
            f"We met {doc.sessions_held} times. This plan is yours: it says what helped, what "
            "to look out for, and what to do if things start to slip. Keep it somewhere private."
        ),
        *style.heading("What we worked on"),
        style.plain(doc.problem_area or "—"),
        *bullet_list(doc.goals, "—"),
        *style.heading("How things changed"),
    ]
    for series in doc.trend.series:
        instrument, totals = series.instrument, [p.total for p in series.points]
        if len(totals) >= 2:
            story.append(
                style.titled(
                    f"{instrument} questionnaire: lower scores mean fewer symptoms",
                    small_change_chart(
                        totals[0],
                        totals[-1],
                        max_score=get_instrument(instrument).max_total,
                        labels=("At the start", "At the end"),
                        width=90 * mm,
                    ),
                    level=2,
                )
            )
    if doc.what_changed:
        story += [style.plain("In my words", st.h2), style.plain(doc.what_changed)]
    story += [
        *style.heading("What helped me"),
        *bullet_list(doc.skills, "—"),
        *style.heading("My early warning signs"),
        style.plain("In how I feel", st.h2),
        *bullet_list(doc.warning_signs_symptoms, "—"),
        style.plain("With other people", st.h2),
        *bullet_list(doc.warning_signs_interpersonal, "—"),
        *style.heading("Times to plan for"),
        *bullet_list(doc.situations, "—"),
        *style.heading("My support circle"),
        style.data_table(
            [
                ["Who", "For what", "How close"],
                *[[s.who, s.contact_for or "—", RINGS.get(s.ring or 0, "—")] for s in doc.support],
            ]
        )
        if doc.support
        else style.plain("—"),
        *style.heading("If the warning signs come back"),
        style.plain(doc.if_warning_signs or "Get in touch with your clinician."),
        *style.heading("Our agreement for the coming months"),
        style.facts(list(doc.contract)),
    ]
    if doc.return_to_acute_rule:
        story += [
            style.plain("When we go back to weekly treatment", st.h2),
            style.plain(doc.return_to_acute_rule),
        ]
    story += [*style.heading("Crisis contacts"), *_crisis(doc)]
    story += [
        style.plain(
            f"For the clinician: {open_flags_text(h.open_risk_flags)} on the record when this "
            "plan was made. This is not an assessment of risk.",
            st.small,
        ),
    ]
    header, footer, meta = chrome(h, content_hash)
    return build_pdf(story, header=header, footer=footer, metadata=meta)


def _crisis(doc: MaintenancePlanDoc) -> list[Flowable]:
    """Only the clinician's own words and contacts; without them, say that none were set."""
    if not (doc.crisis_text or doc.crisis_contacts):
        return [style.plain(NO_CRISIS_CONTACTS)]
    story: list[Flowable] = []
    if doc.crisis_text:
        story.append(style.plain(doc.crisis_text))
    if doc.crisis_contacts:
        story.append(
            style.data_table(
                [["Who", "How to reach them"], *[list(c) for c in doc.crisis_contacts]]
            )
        )
    if doc.clinician_contact:
        story.append(style.plain(f"Your clinician: {doc.clinician_contact}"))
    return story
