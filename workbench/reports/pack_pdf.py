"""The supervision pack: a cover page listing the cases by pseudonym, then each case's
supervisor report, laid out as one document (each case with its own page chrome)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from workbench.reports import style, supervisor_report_pdf
from workbench.reports.common import chrome
from workbench.reports.model import SupervisorReport
from workbench.reports.page import FooterInfo, HeaderInfo, PdfMeta, Section, build_pdf

PSEUDONYMISED = (
    "Names, places, contact details and dates have been removed or replaced and each case "
    "carries a pseudonym. The reports keep clinical free text: under the GDPR they are "
    "pseudonymised, not anonymised, and remain personal data. Store and send them securely."
)


@dataclass(frozen=True)
class PackCase:
    """One case of the pack: its report and the hash of what the report shows."""

    report: SupervisorReport
    content_hash: str


def _cover(cases: list[PackCase], *, deidentified: bool, signer: str) -> list[Flowable]:
    st = style.styles()
    title = "Supervision pack" + (" (de-identified)" if deidentified else "")
    rows = [
        [
            h.client_label,
            h.episode_label.split(", from")[0],
            f"session {h.session_number} of {h.contracted} · {h.phase_label}",
            f"{c.report.risk.open_count} open" if c.report.risk.open_count else "none open",
        ]
        for c in cases
        for h in (c.report.header,)
    ]
    story: list[Flowable] = [
        style.plain(title, st.title),
        style.plain(
            f"{len(cases)} case{'s' if len(cases) != 1 else ''} · prepared by {signer}",
            st.subtitle,
        ),
        style.data_table(
            [["Case", "Episode", "Where the course stands", "Risk flags"], *rows],
            [32 * mm, 42 * mm, None, 24 * mm],
        ),
        style.plain(
            "Each case is a complete supervisor report, in this order, with its own page "
            "numbers and a bookmark: risk first, then the case summary, course, measures, "
            "fidelity record and a page for the supervisor.",
            st.small,
        ),
    ]
    if deidentified:
        story.append(style.plain(PSEUDONYMISED, st.small))
    return story


def build(
    cases: list[PackCase],
    *,
    deidentified: bool,
    generated_at: str,
    signer: str,
    content_hash: str,
) -> bytes:
    """The whole pack as one PDF."""
    title = "Supervision pack" + (" (de-identified)" if deidentified else "")
    story = _cover(cases, deidentified=deidentified, signer=signer)
    for case in cases:
        header, footer, _ = chrome(case.report.header, case.content_hash)
        story += [
            PageBreak(),
            Section(header, footer, case.report.header.client_label),
            *supervisor_report_pdf.flowables(case.report),
        ]
    return build_pdf(
        story,
        header=HeaderInfo(client_label=title, episode_label=f"{len(cases)} cases"),
        footer=FooterInfo(
            generated=datetime.fromisoformat(generated_at.replace("Z", "+00:00")),
            signer=signer,
            content_hash=content_hash,
        ),
        metadata=PdfMeta(
            title="IPT Workbench — Supervision pack",
            author=signer,
            subject=title,
            keywords=("IPT", "interpersonal psychotherapy", "supervision"),
        ),
    )
