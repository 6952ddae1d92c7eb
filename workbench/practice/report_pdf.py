"""The practice PDF for the supervisor: case, trainee's work, feedback, room for comments."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from workbench.practice.attempt import Attempt
from workbench.practice.feedback import Feedback, Finding, Mark
from workbench.practice.model import Vignette
from workbench.practice.parts import Vocabulary
from workbench.practice.report_work import trainee_work
from workbench.practice.text import BANNER, MARK_WORDS
from workbench.protocol import load_profile
from workbench.reports import style
from workbench.reports.page import FooterInfo, HeaderInfo, PdfMeta, build_pdf

CONFIDENTIALITY = "Training material: a fictional case, not a clinical record."
TITLE = "IPT Workbench — practice feedback (fictional case)"
MARK_COLOURS = {
    Mark.IDENTIFIED: style.ACCENT,
    Mark.MISSED: style.RISK_INK,
    Mark.ERROR: style.RISK_INK,
    Mark.HARD_FAIL: style.RISK_INK,
    Mark.STEP_MISSING: style.RISK_INK,
    Mark.DISTRACTOR: style.BANNER_INK,
    Mark.OFF_FOCUS: style.BANNER_INK,
    Mark.NOTE: style.MUTED,
}


def content_hash(vignette: Vignette, attempt: Attempt) -> str:
    doc = {"vignette": vignette.id, "version": vignette.version, "attempt": attempt.to_json()}
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def build(vignette: Vignette, attempt: Attempt, feedback: Feedback, generated: datetime) -> bytes:
    """The PDF as bytes; the banner 'PRACTICE — fictional case' is on every page."""
    st = style.styles()
    words = Vocabulary(load_profile(vignette.profile))
    trainee = attempt.trainee or "trainee not named"
    story: list[Flowable] = [
        style.plain("Practice feedback", st.title),
        style.plain(
            f"Vignette {vignette.id} · {vignette.title} · {vignette.profile} profile · "
            f"version {vignette.version}",
            st.subtitle,
        ),
        style.facts(
            [
                ("Trainee", trainee),
                ("Result", feedback.result.capitalize()),
                (
                    "Score",
                    f"{feedback.score} of {feedback.max_score} points ({feedback.percent:g}%"
                    + (f", capped from {feedback.raw_percent:g}%" if feedback.caps else "")
                    + f"); pass mark {feedback.pass_percent}%",
                ),
                ("Risk check", feedback.risk_summary),
            ]
        ),
    ]
    if not feedback.risk_passed:
        story.append(
            style.risk_block(
                "Risk check failed: a required risk note is missing",
                [f.why for f in feedback.marked(Mark.HARD_FAIL)],
            )
        )
    story.append(
        style.data_table(
            [["Section", "Points"]]
            + [[s.title, f"{s.points} of {s.max_points}"] for s in feedback.sections],
            [None, 35 * mm],
        )
    )
    story += _case(vignette)
    story += trainee_work(vignette, attempt, words, feedback.risk_required)
    story += _feedback(feedback)
    story += [*style.heading("Supervisor's comments", room=95 * mm), _comment_lines(9)]
    story += [
        Spacer(1, 8 * mm),
        style.facts([("Supervisor", "______________________________"), ("Date", "__________")]),
    ]
    header = HeaderInfo(
        client_label=f"Practice vignette {vignette.id}: {vignette.client}",
        episode_label=f"Trainee: {trainee}",
        phase=f"{vignette.profile} profile",
        banner=BANNER,
    )
    footer = FooterInfo(
        generated=generated,
        signer=None,
        content_hash=content_hash(vignette, attempt),
        confidentiality=CONFIDENTIALITY,
    )
    meta = PdfMeta(
        title=TITLE,
        author=attempt.trainee,
        subject=f"Practice — fictional case: vignette {vignette.id}",
        keywords=("IPT", "practice", "fictional case", "training"),
    )
    return build_pdf(story, header=header, footer=footer, metadata=meta)


def _case(vignette: Vignette) -> list[Flowable]:
    st = style.styles()
    out: list[Flowable] = [*style.heading("The case")]
    out += [style.plain(p) for p in vignette.presentation.split("\n\n")]
    if vignette.script:
        out.append(style.plain("If the trainee asks", st.h2))
    for line in vignette.script:
        out.append(_markup(f"<b>{style.esc(line.topic)}:</b> {style.esc(line.answer)}"))
    rows: list[list[style.Cell]] = [["Measure", "Items", "Total", "Band"]]
    for m in vignette.measures:
        rows.append([m.instrument, " ".join(map(str, m.items)), str(m.score.total), m.score.band])
    out.append(
        style.titled("Measures", style.data_table(rows, [28 * mm, None, 18 * mm, 40 * mm]), 2)
    )
    people: list[list[style.Cell]] = [["Person", "Relationship", "Ring", "In the material"]]
    for p in vignette.people:
        people.append(
            [
                p.label,
                p.relationship + ("" if p.living else ", died"),
                str(p.ring) if p.ring else "—",
                "given" if p.given else "to discover",
            ]
        )
    out.append(
        style.titled("People", style.data_table(people, [None, 36 * mm, 14 * mm, 30 * mm]), 2)
    )
    events: list[list[style.Cell]] = [["When", "Event"]]
    for e in sorted(vignette.timeline, key=lambda e: e.months):
        events.append(
            [e.when, f"{e.notes}" + (f" ({e.symptom_marker})" if e.symptom_marker else "")]
        )
    out.append(style.titled("Timeline", style.data_table(events, [32 * mm, None]), 2))
    return out


def _feedback(feedback: Feedback) -> list[Flowable]:
    st = style.styles()
    out: list[Flowable] = [*style.heading("Feedback")]
    out.append(
        style.plain(
            "Scores count the elements the trainee selected or tagged; free text is for the "
            "supervisor to read.",
            st.small,
        )
    )
    for section in feedback.sections:
        rows: list[list[style.Cell]] = [
            ["", f"{section.title}: {section.points} of {section.max_points}"]
        ]
        rows += [[_mark(f.mark), _finding(f)] for f in section.findings]
        out.append(style.data_table(rows, [26 * mm, None]))
    return out


def _finding(finding: Finding) -> Paragraph:
    parts = [f"<b>{style.esc(finding.label)}</b>"]
    if finding.question:
        parts.append(f"<i>Question: {style.esc(finding.question)}</i>")
    if finding.why:
        parts.append(style.esc(finding.why))
    if finding.manual:
        parts.append(f"<i>The manual ({style.esc(finding.where)}):</i> {style.esc(finding.manual)}")
    elif finding.where and finding.mark is not Mark.IDENTIFIED:
        parts.append(f"<i>Read: {style.esc(finding.where)}</i>")
    return Paragraph("<br/>".join(parts), style.styles().table_cell)


def _mark(mark: Mark) -> Paragraph:
    st = style.styles()
    colour = MARK_COLOURS[mark].hexval()[2:]
    return Paragraph(f'<font color="#{colour}"><b>{MARK_WORDS[mark]}</b></font>', st.table_cell)


def _comment_lines(count: int) -> Table:
    """Ruled, empty lines for handwriting."""
    table = Table([[""]] * count, colWidths=[style.CONTENT_WIDTH], rowHeights=[9 * mm] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, style.RULE)]))
    return table


def _markup(text: str) -> Paragraph:
    return Paragraph(text, style.styles().body)
