"""The supervision pack: several clients' supervisor reports in one PDF, de-identified by
default (a distinct pseudonym per case), a cover page listing the cases, optional AES-256."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import InvalidInput
from workbench.reports import pack_pdf
from workbench.reports.output import encrypt, write_atomically
from workbench.services import episodes, inventory, report_supervisor
from workbench.services.export import audit_rules, content_hash
from workbench.services.report_parts import Deidentify, name_words, pseudonym
from workbench.store.vault import Vault

MAX_CASES = 100


@dataclass(frozen=True)
class Pack:
    pdf: bytes
    pseudonyms: dict[int, str]  # client id -> pseudonym in this pack
    rules: dict[int, str] = field(default_factory=dict)  # client id -> rules that ran


def _clients(client_ids: Sequence[int]) -> list[int]:
    chosen = list(dict.fromkeys(client_ids))
    if not chosen:
        raise InvalidInput("Choose at least one client for the pack.")
    if len(chosen) > MAX_CASES:
        raise InvalidInput(f"A pack holds at most {MAX_CASES} cases.")
    return chosen


def _name_words(vault: Vault, client_id: int) -> frozenset[str]:
    episode = episodes.current_episode(vault, client_id)
    return name_words(episodes.get_client(vault, client_id), inventory.people(vault, episode.id))


def build_pack(
    vault: Vault,
    client_ids: Sequence[int],
    *,
    deidentify: bool = True,
    extra_terms: dict[int, tuple[str, ...]] | None = None,
) -> Pack:
    """The pack's bytes (nothing touches the disk)."""
    chosen = _clients(client_ids)
    cases: list[pack_pdf.PackCase] = []
    names: dict[int, str] = {}
    rules: dict[int, str] = {}
    for client_id in chosen:
        how = Deidentify(
            pseudonym=pseudonym(tuple(names.values()), _name_words(vault, client_id)),
            extra_terms=(extra_terms or {}).get(client_id, ()),
        )
        report = report_supervisor.supervisor_report(
            vault, client_id, deidentify=deidentify, how=how
        )
        names[client_id] = report.header.client_label
        rules[client_id] = audit_rules(how) if deidentify else ""
        cases.append(pack_pdf.PackCase(report, content_hash(report)))
    digest = hashlib.sha256("".join(c.content_hash for c in cases).encode()).hexdigest()
    pdf = pack_pdf.build(
        cases,
        deidentified=deidentify,
        generated_at=vault.now(),
        signer=episodes.signer(vault),
        content_hash=digest,
    )
    return Pack(pdf, names, rules)


def export_pack(
    vault: Vault,
    client_ids: Sequence[int],
    out: Path,
    *,
    password: str | None = None,
    deidentify: bool = True,
    extra_terms: dict[int, tuple[str, ...]] | None = None,
) -> Path:
    """Build, optionally encrypt (AES-256), write atomically; each case is audited with the
    de-identification rules that ran for it."""
    pack = build_pack(vault, client_ids, deidentify=deidentify, extra_terms=extra_terms)
    pdf = encrypt(pack.pdf, password) if password else pack.pdf
    path = write_atomically(pdf, out)
    with vault.transaction() as tx:
        vault.audit(tx, "export", "supervision-pack", f"{len(pack.pseudonyms)} cases")
        for client_id in pack.pseudonyms:
            vault.audit(tx, "export", "supervisor-report", client_id)
            if deidentify:
                vault.audit(
                    tx, "export", "deidentification", f"{client_id}:{pack.rules[client_id]}"
                )
    return path
