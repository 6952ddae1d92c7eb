"""The supervision pack: a cover page listing the cases by pseudonym, then each case's
supervisor report, merged into one PDF."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from pypdf import PdfReader, PdfWriter
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workbench.reports import style
from workbench.reports.page import FooterInfo, HeaderInfo, PdfMeta, build_pdf

PSEUDONYMISED = (
    "Names, places, contact details and dates have been removed or replaced and each case "
    "carries a pseudonym. The reports keep clinical free text: under the GDPR they are "
    "pseudonymised, not anonymised, and remain personal data. Store and send them securely."
)


@dataclass(frozen=True)
class PackCase:
    """One case as the cover page lists it."""

    label: str  # the pseudonym (or the name when not de-identified)
    episode: str  # "Acute IPT (WMK)"
    progress: str  # "session 6 of 16 · Middle phase"
    open_flags: int
    first_page: int  # in the pack
    pages: int


def cover(
    cases: list[PackCase],
    *,
    deidentified: bool,
    generated_at: str,
    signer: str,
    content_hash: str,
) -> bytes:
    st = style.styles()
    title = "Supervision pack" + (" (de-identified)" if deidentified else "")
    rows = [
        [
            c.label,
            c.episode,
            c.progress,
            f"{c.open_flags} open" if c.open_flags else "none open",
            f"{c.first_page}–{c.first_page + c.pages - 1}",
        ]
        for c in cases
    ]
    story: list[Flowable] = [
        style.plain(title, st.title),
        style.plain(
            f"{len(cases)} case{'s' if len(cases) != 1 else ''} · prepared by {signer}",
            st.subtitle,
        ),
        style.data_table(
            [["Case", "Episode", "Where the course stands", "Risk flags", "Pages"], *rows],
            [30 * mm, 38 * mm, None, 22 * mm, 18 * mm],
        ),
        style.plain(
            "Each case is a complete supervisor report: risk first, then the case summary, "
            "course, measures, fidelity record and a page for the supervisor.",
            st.small,
        ),
    ]
    if deidentified:
        story.append(style.plain(PSEUDONYMISED, st.small))
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


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def merge(parts: list[tuple[str, bytes]], *, title: str, author: str) -> bytes:
    """One PDF of (bookmark label, pdf) *parts* in order; metadata names no client."""
    writer = PdfWriter()
    for label, pdf in parts:
        writer.append(PdfReader(io.BytesIO(pdf)), outline_item=label)
    writer.add_metadata(
        {
            "/Title": title,
            "/Author": author,
            "/Creator": "IPT Workbench",
            "/Producer": "IPT Workbench",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
