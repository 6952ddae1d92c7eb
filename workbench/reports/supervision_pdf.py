"""The supervision parts of the supervisor report: case summary, problem areas, goals, course
measures, fidelity record, supervision meetings and the supervisor's page to write on."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from workbench.reports import fonts, style
from workbench.reports.common import measures_table, outcome_lines
from workbench.reports.model import SupervisionRecord

WRITING_LINES = 12
ACTION_LINES = 4


def _mean(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def case_flowables(rec: SupervisionRecord) -> list[Flowable]:
    """The clinician's case summary, diagnosis, sick role, problem areas and goals."""
    st = style.styles()
    story: list[Flowable] = [
        *style.heading("Case summary"),
        style.plain(rec.case_summary or "No case summary written."),
        style.facts(
            [
                ("Diagnosis (as recorded)", rec.diagnosis or "not recorded"),
                ("Sick role", rec.sick_role),
                *[(f"{label} problem area", value) for label, value in rec.problem_areas],
            ]
        ),
        style.plain("Problem areas considered and rejected", st.h2),
    ]
    story.append(
        style.data_table([["Problem area", "Why it was rejected"], *rec.rejected], [45 * mm, None])
        if rec.rejected
        else style.plain("None recorded.")
    )
    story.append(style.plain("Goals and progress", st.h2))
    story.append(
        style.data_table([["Goal", "Progress"], *rec.goals], [None, 35 * mm])
        if rec.goals
        else style.plain("No goals recorded.")
    )
    return story


def course_flowables(rec: SupervisionRecord) -> list[Flowable]:
    """Measures of the earlier episodes of this course, and outcomes from the acute intake."""
    if not rec.earlier_measures:
        return []
    st = style.styles()
    return [
        style.plain("From the acute intake", st.h2),
        measures_table(rec.earlier_measures, with_session=False),
        style.plain("Outcomes from the acute intake to the latest score:", st.small),
        *outcome_lines(rec.course_outcomes),
    ]


def fidelity_flowables(rec: SupervisionRecord) -> list[Flowable]:
    """Per-session adherence self-ratings, means by phase, and supervision meetings."""
    st = style.styles()
    story: list[Flowable] = [*style.heading("Fidelity record")]
    if rec.fidelity:
        story.append(style.plain(f"Self-rating on: {rec.fidelity_form}.", st.small))
        rows = [
            [
                str(f.session_number),
                f.when,
                f.phase,
                _mean(f.mean),
                str(f.rated),
                "yes" if f.recorded else "no",
                "yes" if f.reviewed else "no",
                f.deviations or "—",
            ]
            for f in rec.fidelity
        ]
        story.append(
            style.data_table(
                [
                    ["#", "When", "Phase", "Mean", "Items", "Recorded", "Reviewed", "Deviations"],
                    *rows,
                ],
                [8 * mm, 18 * mm, 21 * mm, 14 * mm, 15 * mm, 20 * mm, 21 * mm, None],
            )
        )
        means = "; ".join(f"{phase} {value:.1f}" for phase, value in rec.phase_means)
        story.append(style.plain(f"Mean self-rating by phase: {means or '—'}."))
    else:
        story.append(style.plain("No session has an adherence self-rating yet."))
    story.append(style.plain("Supervision meetings about this case", st.h2))
    if not rec.meetings:
        story.append(style.plain("None recorded."))
    for m in rec.meetings:
        ratings = "; ".join(
            f"{item}: {value if value is not None else 'n/a'}" for item, value in m.ratings
        )
        story.append(
            style.facts(
                [
                    ("When", f"{m.when} · {m.cases} case{'s' if m.cases != 1 else ''} discussed"),
                    ("Supervisor", m.supervisor),
                    ("Ratings", f"mean {_mean(m.mean)}" + (f" — {ratings}" if ratings else "")),
                    ("Agreed actions", m.agreed_actions or "—"),
                ]
            )
        )
    return story


def _ruled(count: int, height: float = 8 * mm) -> Table:
    table = Table(
        [[""] for _ in range(count)], colWidths=[style.CONTENT_WIDTH], rowHeights=[height] * count
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, style.RULE),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ]
        )
    )
    return table


def supervisor_page(rec: SupervisionRecord | None) -> list[Flowable]:
    """A page for the supervisor: feedback, ratings on the loaded form, action points, sign-off."""
    st = style.styles()
    story: list[Flowable] = [
        PageBreak(),
        style.plain("For the supervisor", st.title),
        style.plain("Written by the supervisor after the meeting.", st.subtitle),
        style.plain("Feedback", st.h2),
        _ruled(WRITING_LINES),
    ]
    if rec is not None and rec.rating_items:
        story += [
            style.plain("Ratings", st.h2),
            style.plain(rec.rating_scale, st.small),
            style.data_table(
                [["Item", "Rating"], *[[item, " "] for item in rec.rating_items]],
                [None, 30 * mm],
            ),
        ]
    story += [
        style.plain("Agreed action points", st.h2),
        _ruled(ACTION_LINES),
        Spacer(1, 4 * mm),
        _sign_off(),
    ]
    return story


def _sign_off() -> Table:
    st = style.styles()
    width = style.CONTENT_WIDTH
    heads = [style.plain(h, st.label) for h in ("Supervisor", "Date", "Signature")]
    table = Table(
        [heads, ["", "", ""]],
        colWidths=[width * 0.4, width * 0.2, width * 0.4],
        rowHeights=[6 * mm, 14 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, style.RULE),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table
