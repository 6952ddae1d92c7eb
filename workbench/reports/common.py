"""Pieces the three reports share: page chrome from the model, measures, outcomes, risk."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from workbench.domain.risk import open_flags_text
from workbench.reports import style
from workbench.reports.model import Header, MeasureRow, OutcomeLine, RiskSection
from workbench.reports.page import FooterInfo, HeaderInfo, PdfMeta

NO_ADVICE = (
    "The app records and shows; it gives no advice and does not rate risk. Flags are seen only by "
    "the clinician; local emergency procedures apply."
)


def chrome(
    header: Header, content_hash: str, banner: str | None = None
) -> tuple[HeaderInfo, FooterInfo, PdfMeta]:
    """Header, footer and metadata for every page (metadata never names the client)."""
    if banner is None and header.open_risk_flags:
        banner = f"{open_flags_text(header.open_risk_flags).upper()} — CLINICIAN REVIEW REQUIRED"
    info = HeaderInfo(
        client_label=header.client_label,
        episode_label=header.episode_label,
        session=header.session_number,
        total_sessions=header.contracted,
        phase=header.phase_label,
        banner=banner,
    )
    footer = FooterInfo(
        generated=datetime.fromisoformat(header.generated_at.replace("Z", "+00:00")),
        signer=header.signer,
        content_hash=content_hash,
    )
    meta = PdfMeta(
        title=f"IPT Workbench — {header.kind}",
        author=header.signer,
        subject=header.kind + (" (de-identified)" if header.deidentified else ""),
        keywords=("IPT", "interpersonal psychotherapy"),
    )
    return info, footer, meta


def measures_table(rows: Sequence[MeasureRow], *, with_session: bool = True) -> Flowable:
    head = [
        "Measure",
        "When",
        *(["Session"] if with_session else []),
        "Total",
        "Band",
        "Change",
        "Risk item",
    ]
    body = [
        [
            r.instrument,
            r.when,
            *([str(r.session_number or "—")] if with_session else []),
            "incomplete" if r.total is None else str(r.total),
            r.band or "—",
            "baseline"
            if r.is_baseline
            else "—"
            if r.change_from_baseline is None
            else f"{r.change_from_baseline:+d}",
            r.risk_item or "—",
        ]
        for r in rows
    ]
    return style.data_table([head, *body])


def markup(text: str) -> Paragraph:
    """A body paragraph whose *text* is already markup (escape user parts with style.esc)."""
    return Paragraph(text, style.styles().body)


def outcome_lines(outcomes: Sequence[OutcomeLine]) -> list[Flowable]:
    if not outcomes:
        return [style.plain("Change is shown once a measure has been given twice.")]
    return [
        markup(
            f"<b>{style.esc(o.instrument)}</b> {o.baseline} → {o.latest}: {style.esc(o.caption)}"
        )
        for o in outcomes
    ]


def risk_flowables(risk: RiskSection, *, title: str = "Risk") -> list[Flowable]:
    """Always present: open flags first; a zero or an absence is never called safe."""
    lines: list[style.Cell] = []
    if not risk.flags:
        lines.append(
            "No suicide item has been endorsed on a recorded measure for this client. "
            "This is not an assessment of risk."
        )
    for flag in sorted(risk.flags, key=lambda f: not f.open):
        if flag.open:
            lines.append(f"OPEN — {flag.source}, {flag.raised}: clinician review required")
        else:
            lines.append(f"Noted — {flag.source}, {flag.raised}: {flag.state}")
    for note in risk.notes:
        lines.append(f"Risk note ({note.written}, signed by {note.signer}):")
        lines.extend(f"    {label}: {text}" for label, text in note.fields)
    lines.append(NO_ADVICE)
    heading = f"{title} — {open_flags_text(risk.open_count)}"
    return [style.risk_block(heading, lines), Spacer(1, 4 * mm)]


def bullet_list(items: Sequence[str], empty: str = "—") -> list[Flowable]:
    if not items:
        return [style.plain(style.esc(empty))]
    return [style.plain(f"•  {item}") for item in items]
