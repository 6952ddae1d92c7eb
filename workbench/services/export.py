"""Export a PDF: gather (de-identified on request), build in memory, protect, write atomically."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from workbench.errors import InvalidInput
from workbench.reports.output import encrypt, write_atomically
from workbench.services import episodes, report_data, report_supervisor
from workbench.store.vault import Vault

KINDS = ("session-summary", "maintenance-plan", "supervisor-report")


def content_hash(doc: Any) -> str:
    """A hash of exactly what the PDF shows, printed (shortened) in its footer."""
    text = json.dumps(asdict(doc), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(
    vault: Vault, client_id: int, kind: str, *, session: int | None = None, deidentify: bool = False
) -> bytes:
    """The PDF bytes of one report (nothing touches the disk)."""
    # reportlab is imported on the first export, not when the desktop app starts (~40 % of its
    # import time went there through the export dialog).
    from workbench.reports import maintenance_plan_pdf, session_summary_pdf, supervisor_report_pdf

    if kind == "session-summary":
        summary = report_data.session_summary(vault, client_id, session, deidentify=deidentify)
        return session_summary_pdf.build(summary, content_hash(summary))
    if kind == "maintenance-plan":
        if deidentify:
            raise InvalidInput("The maintenance plan is for the patient; it is not de-identified.")
        plan = report_data.maintenance_plan(vault, client_id)
        return maintenance_plan_pdf.build(plan, content_hash(plan))
    if kind == "supervisor-report":
        report = report_supervisor.supervisor_report(vault, client_id, deidentify=deidentify)
        return supervisor_report_pdf.build(report, content_hash(report))
    raise InvalidInput(f"Choose one of: {', '.join(KINDS)}.")


def export(
    vault: Vault,
    client_id: int,
    kind: str,
    out: Path,
    *,
    session: int | None = None,
    deidentify: bool = False,
    password: str | None = None,
) -> Path:
    """Build, optionally encrypt (AES-256), write atomically; recorded in the audit log."""
    pdf = build(vault, client_id, kind, session=session, deidentify=deidentify)
    if password:
        pdf = encrypt(pdf, password)
    path = write_atomically(pdf, out)
    with vault.transaction() as tx:
        vault.audit(tx, "export", kind, client_id)
    return path


def default_filename(vault: Vault, client_id: int, kind: str) -> str:
    """An opaque name (client code and date), never the client's name."""
    code = episodes.get_client(vault, client_id).code
    return f"{kind}-{code}-{vault.now()[:10]}.pdf"
