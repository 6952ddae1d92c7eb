"""Session summary PDF (ipt-reference §14.2): one session; process notes are never included."""

from __future__ import annotations

from reportlab.platypus import Flowable

from workbench.reports import style
from workbench.reports.common import (
    bullet_list,
    chrome,
    measures_table,
    outcome_lines,
    risk_flowables,
)
from workbench.reports.model import SessionSummary
from workbench.reports.page import build_pdf


def build(doc: SessionSummary, content_hash: str) -> bytes:
    st = style.styles()
    h = doc.header
    story: list[Flowable] = [
        style.plain("Session summary", st.title),
        style.plain(
            f"{h.client_label} · session {h.session_number} of {h.contracted} · {h.phase_label}",
            st.subtitle,
        ),
        style.facts(
            [
                ("Client", h.client_label),
                ("Episode", h.episode_label),
                (
                    "Session",
                    f"{h.session_number} of {h.contracted}, {doc.held_on}, {doc.attendance}",
                ),
                ("Format", f"{doc.format}, {doc.duration_min} minutes"),
                ("Clinician", h.signer),
                ("Sessions left", "—" if doc.sessions_left is None else str(doc.sessions_left)),
            ]
        ),
        *risk_flowables(doc.risk),
        *style.heading("Measures this session"),
        measures_table(doc.measures, with_session=False)
        if doc.measures
        else style.plain("No measure was given in this session."),
        *outcome_lines(doc.outcomes),
        *style.heading("Session note"),
    ]
    if doc.sections:
        story.append(style.facts(list(doc.sections)))
    else:
        story.append(style.plain("The note for this session is empty."))
    story += [style.plain("Techniques used", st.h2), *bullet_list(doc.techniques, "None recorded.")]
    story += [
        *style.heading("Phase tasks"),
        style.plain("Done in this episode", st.h2),
        *bullet_list(doc.tasks_done, "None ticked yet."),
        style.plain("Still open", st.h2),
        *bullet_list(doc.tasks_open, "Nothing open in this phase."),
    ]
    if doc.reminders:
        story += [style.plain("Reminders (advice only)", st.h2), *bullet_list(doc.reminders)]
    sig = doc.signature
    story += style.heading("Signature")
    rows = [("State", sig.state)]
    if sig.signed_by:
        rows += [
            ("Signed by", sig.signed_by),
            ("Signed at", sig.signed_at or "—"),
            ("Note hash", sig.content_hash or "—"),
        ]
    story.append(style.facts(rows))
    for when, who, text in sig.addenda:
        story.append(style.plain(f"Addendum, {when}, signed by {who}: {text}"))
    header, footer, meta = chrome(h, content_hash)
    return build_pdf(story, header=header, footer=footer, metadata=meta)
