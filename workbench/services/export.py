"""Export a PDF: gather (de-identified on request), build in memory, protect, write atomically."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from workbench.errors import InvalidInput
from workbench.reports.output import encrypt, write_atomically
from workbench.services import episodes, report_data, report_supervisor
from workbench.services.report_parts import Deidentify
from workbench.store.vault import Vault

KINDS = ("session-summary", "maintenance-plan", "supervisor-report")


def content_hash(doc: Any) -> str:
    """A hash of exactly what the PDF shows, printed (shortened) in its footer."""
    text = json.dumps(asdict(doc), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Gathered:
    """What one report shows, read from the vault; rendering it needs no database."""

    kind: str
    doc: Any
    how: Deidentify | None = None  # the de-identification that ran, when it did


def gather(
    vault: Vault,
    client_id: int,
    kind: str,
    *,
    session: int | None = None,
    deidentify: bool = False,
    how: Deidentify | None = None,
) -> Gathered:
    """Read (and de-identify on request) everything the report of *kind* shows."""
    how = how or Deidentify()
    if kind == "session-summary":
        doc: Any = report_data.session_summary(
            vault, client_id, session, deidentify=deidentify, how=how
        )
    elif kind == "maintenance-plan":
        if deidentify:
            raise InvalidInput("The maintenance plan is for the patient; it is not de-identified.")
        doc = report_data.maintenance_plan(vault, client_id)
    elif kind == "supervisor-report":
        doc = report_supervisor.supervisor_report(vault, client_id, deidentify=deidentify, how=how)
    else:
        raise InvalidInput(f"Choose one of: {', '.join(KINDS)}.")
    return Gathered(kind, doc, how if deidentify else None)


def render(gathered: Gathered, password: str | None = None) -> bytes:
    """The PDF bytes (AES-256 with *password*); CPU work only, nothing touches the disk."""
    # reportlab is imported on the first export, not when the desktop app starts (~40 % of its
    # import time went there through the export dialog).
    from workbench.reports import maintenance_plan_pdf, session_summary_pdf, supervisor_report_pdf

    digest = content_hash(gathered.doc)
    if gathered.kind == "session-summary":
        pdf = session_summary_pdf.build(gathered.doc, digest)
    elif gathered.kind == "maintenance-plan":
        pdf = maintenance_plan_pdf.build(gathered.doc, digest)
    else:
        pdf = supervisor_report_pdf.build(gathered.doc, digest)
    return encrypt(pdf, password) if password else pdf


def build(
    vault: Vault,
    client_id: int,
    kind: str,
    *,
    session: int | None = None,
    deidentify: bool = False,
    how: Deidentify | None = None,
) -> bytes:
    """The PDF bytes of one report (nothing touches the disk)."""
    return render(gather(vault, client_id, kind, session=session, deidentify=deidentify, how=how))


def audit_rules(how: Deidentify) -> str:
    """The de-identification rules that ran, as the audit log records them (no terms)."""
    if how.redactor is None:
        return ""
    return ",".join(how.redactor.deid.rules_ran)


def record_export(vault: Vault, client_id: int, gathered: Gathered) -> None:
    """The audit log's lines for a written export (and the de-identification rules that ran).

    A damaged vault is open read-only and never written, not even its audit log: exporting what
    can still be read is the way out, so the export stands unrecorded there.
    """
    if vault.read_only:
        return
    with vault.transaction() as tx:
        vault.audit(tx, "export", gathered.kind, client_id)
        if gathered.how is not None:
            rules = audit_rules(gathered.how)
            vault.audit(tx, "export", "deidentification", f"{client_id}:{rules}")


def export(
    vault: Vault,
    client_id: int,
    kind: str,
    out: Path,
    *,
    session: int | None = None,
    deidentify: bool = False,
    password: str | None = None,
    extra_terms: tuple[str, ...] = (),
    pseudonym: str = "",
) -> Path:
    """Build, optionally encrypt (AES-256), write atomically; recorded in the audit log, with
    the de-identification rules that ran."""
    how = Deidentify(pseudonym=pseudonym, extra_terms=extra_terms)
    gathered = gather(vault, client_id, kind, session=session, deidentify=deidentify, how=how)
    path = write_atomically(render(gathered, password), out)
    record_export(vault, client_id, gathered)
    return path


def default_filename(vault: Vault, client_id: int, kind: str) -> str:
    """An opaque name (client code and date), never the client's name."""
    code = episodes.get_client(vault, client_id).code
    return f"{kind}-{code}-{vault.now()[:10]}.pdf"
