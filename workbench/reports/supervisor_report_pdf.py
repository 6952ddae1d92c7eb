"""Supervisor report PDF (ipt-reference §14.3): the whole course; risk is never omitted."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workbench.reports import style, supervision_pdf
from workbench.reports.charts import trend_chart
from workbench.reports.circle import CirclePerson, circle_pair, closeness_circle
from workbench.reports.common import (
    bullet_list,
    chrome,
    measures_table,
    outcome_lines,
    risk_flowables,
)
from workbench.reports.model import CircleSet, SupervisorReport
from workbench.reports.page import build_pdf


def _people(circle: CircleSet) -> list[CirclePerson]:
    return [CirclePerson(label, ring, line) for label, ring, line in circle.people]


def _circles(doc: SupervisorReport) -> Flowable:
    if not doc.circles:
        return style.plain("No closeness circle has been recorded.")
    first, last = doc.circles[0], doc.circles[-1]
    if first is last:
        drawing = closeness_circle(
            _people(first), title=f"{first.label} ({first.when})", centre_label="Client"
        )
    else:
        drawing = circle_pair(
            _people(first),
            _people(last),
            centre_label="Client",
            titles=(f"{first.label} ({first.when})", f"{last.label} ({last.when})"),
        )
    return style.titled("Interpersonal circle", drawing)


def build(doc: SupervisorReport, content_hash: str) -> bytes:
    header, footer, meta = chrome(doc.header, content_hash)
    return build_pdf(flowables(doc), header=header, footer=footer, metadata=meta)


def flowables(doc: SupervisorReport) -> list[Flowable]:
    """The report's flowables (a pack chains several of them in one document)."""
    st = style.styles()
    h = doc.header
    title = "Supervisor report" + (" (de-identified)" if h.deidentified else "")
    story: list[Flowable] = [
        style.plain(title, st.title),
        style.plain(
            f"{h.client_label} · session {h.session_number} of {h.contracted} · {doc.phase}",
            st.subtitle,
        ),
        style.facts(list(doc.case_facts)),
        *risk_flowables(doc.risk, title="Risk flags and notes"),
        *(supervision_pdf.case_flowables(doc.supervision) if doc.supervision else []),
        *style.heading("Phase progress"),
        style.plain(f"Current phase: {doc.phase}."),
    ]
    if doc.contract_changes:
        story += [style.plain("Contract renegotiations", st.h2), *bullet_list(doc.contract_changes)]
    if doc.reminders:
        story += [style.plain("Reminders (advice only)", st.h2), *bullet_list(doc.reminders)]
    open_rows = [
        [text, "required" if required else "recommended"] for text, required in doc.open_items
    ]
    story += [
        style.plain("Open checklist items", st.h2),
        style.data_table([["Item", "Level"], *open_rows], [None, 28 * mm])
        if open_rows
        else style.plain("Nothing open."),
    ]
    chart = trend_chart(
        doc.trend, phase_markers=doc.phase_markers, relative=doc.header.deidentified
    )
    story += [
        style.titled("Symptom measures", chart),
        style.plain(
            "Band lines at each band's lowest total (PHQ-9 5/10/15/20). Incomplete and void "
            "administrations are not plotted. The chart shows scores only, not advice.",
            st.small,
        ),
        measures_table(doc.measures) if doc.measures else style.plain("No measures recorded."),
        *outcome_lines(doc.outcomes),
        *(supervision_pdf.course_flowables(doc.supervision) if doc.supervision else []),
        *style.heading("Formulation"),
        style.facts(list(doc.formulation)),
        *(
            []
            if doc.supervision
            else [style.plain("Goals", st.h2), *bullet_list(doc.goals, "No goals recorded.")]
        ),
    ]
    for section in doc.course:
        story += [*style.heading(section.title, level=2), style.facts(list(section.facts))]
    story += [
        *style.heading("Interpersonal inventory"),
    ]
    for person in doc.people:
        facts = "; ".join(f"{label}: {text}" for label, text in person.facts) or "—"
        story.append(style.facts([(person.label, facts)], label_width=45 * mm))
    story += [_circles(doc), *style.heading("Timeline")]
    story.append(
        style.data_table(
            [["When", "What", "Who"], *[list(t) for t in doc.timeline]], [32 * mm, None, 45 * mm]
        )
        if doc.timeline
        else style.plain("No events recorded.")
    )
    story += style.heading("Sessions")
    story.append(
        style.data_table(
            [
                ["#", "When", "Attended", "Signed", "Techniques", "Mood and events"],
                *[
                    [
                        str(s.number),
                        s.when,
                        s.attendance,
                        "yes" if s.signed else "draft",
                        ", ".join(s.techniques) or "—",
                        s.summary,
                    ]
                    for s in doc.sessions
                ],
            ],
            [8 * mm, 24 * mm, 20 * mm, 16 * mm, 38 * mm, None],
        )
    )
    if doc.technique_counts:
        story += [
            style.plain("Techniques across the course", st.h2),
            style.data_table(
                [["Technique", "Sessions"], *[[t, str(n)] for t, n in doc.technique_counts]],
                [None, 25 * mm],
            ),
        ]
    if doc.supervision:
        story += supervision_pdf.fidelity_flowables(doc.supervision)
    story += [
        *style.heading("Questions for supervision"),
        *bullet_list(doc.questions, "None written."),
        *supervision_pdf.supervisor_page(doc.supervision),
    ]
    return story
