"""The clinician profile lives in the vault, signs the PDFs, and carries their crisis wording."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reports.course import record_course
from tests.services.test_risk_follows_client import pdf_text
from tests.support import FAST_KDF, PASSPHRASE
from workbench.domain.clinician import NO_CRISIS_CONTACTS, ClinicianProfile, CrisisContact
from workbench.errors import InvalidInput
from workbench.services import clinician, export
from workbench.store import audit, meta
from workbench.store.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ClinicianProfile(
    name="Dr Wren Halloway",
    credentials="DClinPsy, IPT practitioner",
    organisation="Fennick Lane Practice",
    contact="01632 960 111 (Mon–Fri)",
    crisis_text="Out of hours, call one of these services; they know our practice.",
    crisis_contacts=(CrisisContact("Fennick night line", "01632 960 999"),),
)


def flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_without_a_profile_the_plan_says_so_and_no_os_login_signs(vault: Vault) -> None:
    client = record_course(vault)
    with vault.transaction() as tx:  # as in a vault where nobody has set a name yet
        tx.execute("DELETE FROM meta WHERE key = ?", (meta.CLINICIAN_NAME,))
    plan = flat(export.build(vault, client, "maintenance-plan"))
    assert NO_CRISIS_CONTACTS in plan
    assert "unsafe" not in plan and "crisis contacts your clinician gave you" not in plan
    assert f"Signed by {clinician.NOT_SET}" in plan
    assert vault.actor not in plan.replace(clinician.NOT_SET, "")


def test_the_profile_signs_every_pdf_and_fills_the_plan(vault: Vault) -> None:
    client = record_course(vault)
    clinician.save_profile(vault, PROFILE)
    assert clinician.get_profile(vault) == PROFILE
    assert [e.entity for e in audit.entries(vault.conn, limit=1)] == ["clinician-profile"]
    for kind in export.KINDS:
        text = flat(export.build(vault, client, kind))
        assert f"Signed by {PROFILE.signature}" in text, kind
    plan = flat(export.build(vault, client, "maintenance-plan"))
    for expected in (PROFILE.crisis_text, "Fennick night line", "01632 960 999", PROFILE.contact):
        assert expected in plan, expected
    assert NO_CRISIS_CONTACTS not in plan


def test_an_incomplete_profile_is_refused_with_the_reason(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="Enter your name"):
        clinician.save_profile(vault, ClinicianProfile(name="  "))
    with pytest.raises(InvalidInput, match="Crisis contact 1 needs both"):
        clinician.save_profile(
            vault, ClinicianProfile(name="Dr Wren", crisis_contacts=(CrisisContact("Line", ""),))
        )
    assert clinician.get_profile(vault) is None


def test_the_cli_sets_and_shows_the_profile(tmp_path: Path) -> None:
    Vault.create(tmp_path / "mine", PASSPHRASE, kdf=FAST_KDF)[0].close()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        vault = str(tmp_path / "mine.iptvault")
        return subprocess.run(
            [sys.executable, "-m", "workbench.cli", "profile", vault, *args, "--passphrase-stdin"],
            input=PASSPHRASE + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
            env={
                **os.environ,
                "PYTHONPATH": os.pathsep.join([os.environ["PYTHONPATH"], str(ROOT)]),
            },
            start_new_session=True,  # no controlling terminal: getpass never opens /dev/tty
        )

    done = cli("--name", "Dr Wren Halloway", "--crisis-contact", "Night line=01632 960 999")
    assert done.returncode == 0, done.stderr
    shown = cli().stdout
    assert "name: Dr Wren Halloway" in shown and "Night line = 01632 960 999" in shown
    refused = cli("--name", " ")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
