"""The clinician profile kept inside the vault: read it, save it (audited), sign PDFs with it."""

from __future__ import annotations

import json

from workbench.domain.clinician import ClinicianProfile
from workbench.errors import InvalidInput
from workbench.store import meta
from workbench.store.connection import Connection
from workbench.store.vault import Vault

NOT_SET = "clinician profile not set"


def get_profile(vault: Vault) -> ClinicianProfile | None:
    """The saved profile, or None before the clinician has set one."""
    with vault.reading() as conn:
        return read_profile(conn)


def read_profile(conn: Connection) -> ClinicianProfile | None:
    raw = meta.get(conn, meta.CLINICIAN_PROFILE)
    return None if raw is None else ClinicianProfile.from_json(json.loads(raw))


def save_profile(vault: Vault, profile: ClinicianProfile) -> None:
    """Store the profile; its name also becomes the name that signs notes."""
    problems = profile.problems()
    if problems:
        raise InvalidInput(" ".join(problems))
    doc = profile.to_json()
    doc["name"] = profile.name.strip()
    with vault.transaction() as tx:
        meta.put(tx, meta.CLINICIAN_PROFILE, json.dumps(doc, ensure_ascii=False, sort_keys=True))
        meta.put(tx, meta.CLINICIAN_NAME, profile.name.strip())
        vault.audit(tx, "edit", "clinician-profile")


def pdf_signer(vault: Vault) -> str:
    """Who a PDF names as signer: the profile (or the name set for notes), never the OS login."""
    with vault.reading() as conn:
        profile = read_profile(conn)
        name = meta.get(conn, meta.CLINICIAN_NAME)
    if profile is not None:
        return profile.signature
    return name or NOT_SET
