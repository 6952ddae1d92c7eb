"""The trainee's progress across vignettes as a PDF for the supervisor (fictional cases only)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workbench.practice.progress import Progress
from workbench.practice.text import BANNER
from workbench.reports import style
from workbench.reports.page import FooterInfo, HeaderInfo, PdfMeta, build_pdf

TITLE = "IPT Workbench — practice progress (fictional cases)"
CONFIDENTIALITY = "Training material: attempts on fictional cases, not clinical records."


def _when(at: str) -> str:
    """'2026-03-02T09:00:00Z' → '2026-03-02 09:00 UTC'."""
    if not at:
        return "—"
    return at[:16].replace("T", " ") + " UTC" if at.endswith("Z") else at


def build_progress(report: Progress, generated: datetime) -> bytes:
    """The PDF as bytes; 'PRACTICE — fictional case' is on every page."""
    st = style.styles()
    who = report.trainee or "all attempts on this computer"
    story: list[Flowable] = [
        style.plain("Practice progress", st.title),
        style.plain(f"Trainee: {who}", st.subtitle),
        style.facts(
            [
                ("Attempts", str(report.attempts)),
                (
                    "Vignettes",
                    f"{report.vignettes_tried} of {report.library_size} tried, "
                    f"{report.vignettes_passed} passed at least once",
                ),
                ("Period", f"{_when(report.first_at)} to {_when(report.last_at)}"),
            ]
        ),
        *style.heading("Missed most often"),
    ]
    if report.missed_most:
        rows: list[list[style.Cell]] = [["Element", "Attempts missed", "In vignettes", "Read"]]
        rows += [
            [m.label, str(m.attempts), ", ".join(m.vignettes), m.where] for m in report.missed_most
        ]
        story.append(style.data_table(rows, [None, 28 * mm, 34 * mm, 38 * mm]))
    else:
        story.append(style.plain("Nothing missed in the attempts recorded.", st.body))
    story.append(
        style.plain(
            "Counts are of attempts in which the element was missed, chosen wrongly or left "
            "out (a required step, a risk note). Read: the section of the IPT reference that "
            "teaches it.",
            st.small,
        )
    )
    story += style.heading("By vignette")
    rows = [["Vignette", "Attempts", "Best", "Latest", "Latest result"]]
    rows += [
        [
            f"{v.vignette} · {v.title}",
            str(v.attempts),
            f"{v.best_percent:g}%",
            f"{v.latest_percent:g}%",
            v.latest_result,
        ]
        for v in report.by_vignette
    ]
    story.append(style.data_table(rows, [None, 22 * mm, 16 * mm, 16 * mm, 50 * mm]))
    story += [*style.heading("Supervisor's comments", room=60 * mm)]
    story.append(style.facts([("Supervisor", "______________________________"), ("Date", "")]))
    digest = hashlib.sha256(json.dumps(asdict(report), sort_keys=True).encode()).hexdigest()
    header = HeaderInfo(
        client_label="Practice progress (fictional cases)",
        episode_label=f"Trainee: {who}",
        phase=f"{report.attempts} attempts",
        banner=BANNER,
    )
    footer = FooterInfo(
        generated=generated, signer=None, content_hash=digest, confidentiality=CONFIDENTIALITY
    )
    meta = PdfMeta(
        title=TITLE,
        author=report.trainee,
        subject="Practice progress — fictional cases",
        keywords=("IPT", "practice", "progress", "training"),
    )
    return build_pdf(story, header=header, footer=footer, metadata=meta)
