"""The three PDFs built from a recorded course and read back: text, fonts, structure, secrecy."""

from __future__ import annotations

import contextlib
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.reports.course import CLIENT, DOB, FRIEND, PHONE, SISTER, record_course
from workbench.errors import InvalidInput, NotFound
from workbench.services import episodes, export
from workbench.store import audit
from workbench.store.vault import Vault

PASSWORD = "amber-basil-cedar-delta-ember"


@pytest.fixture
def course(vault: Vault) -> int:
    return record_course(vault)


def _text(path: Path, password: str | None = None) -> str:
    args = ["pdftotext", "-layout", *(["-upw", password] if password else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _checks_pass(path: Path) -> None:
    subprocess.run(["qpdf", "--check", str(path)], capture_output=True, check=True)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts  # every font embedded


def _all_streams(path: Path) -> bytes:
    """Every byte of the file, with compressed streams inflated."""
    raw = path.read_bytes()
    out = [raw]
    for chunk in raw.split(b"stream")[1:]:
        body = chunk.split(b"endstream")[0].strip(b"\r\n")
        with contextlib.suppress(zlib.error):
            out.append(zlib.decompress(body))
    return b"\n".join(out)


def test_session_summary(vault: Vault, course: int, tmp_path: Path) -> None:
    path = export.export(vault, course, "session-summary", tmp_path / "s.pdf", session=4)
    _checks_pass(path)
    text = _text(path)
    assert "session 4 of 20" in text and "Session summary" in text
    assert "PHQ-9" in text and "13" in text and "moderate" in text
    assert "Risk — 1 open risk flag" in text
    assert "OPEN — PHQ-9 item 9" in text  # the later open flag is never dropped
    assert "Signed" in text and "Dr Ada Example" in text
    assert " ".join(CLIENT) in text  # Greek and Cyrillic names round-trip
    assert "process" not in text.lower()
    reader = PdfReader(path)
    assert reader.metadata is not None and CLIENT[0] not in str(reader.metadata.title)
    assert [e.action for e in audit.entries(vault.conn, limit=1)] == ["export"]


def test_maintenance_plan(vault: Vault, course: int, tmp_path: Path) -> None:
    path = export.export(vault, course, "maintenance-plan", tmp_path / "m")
    assert path.name == "m.pdf"
    _checks_pass(path)
    text = _text(path)
    for expected in (
        "My plan for staying well",
        "saying what I need directly",
        "waking at 4am",
        FRIEND,
        "12 months",
        "2026-12-01",
    ):
        assert expected in text, expected
    with pytest.raises(InvalidInput):
        export.build(vault, course, "maintenance-plan", deidentify=True)


def test_supervisor_report_shows_the_whole_course(
    vault: Vault, course: int, tmp_path: Path
) -> None:
    path = export.export(vault, course, "supervisor-report", tmp_path / "r.pdf")
    _checks_pass(path)
    text = _text(path)
    for expected in (
        "Supervisor report",
        "Risk flags and notes",
        "Symptom measures",
        "Interpersonal circle",
        "Timeline",
        "Formulation",
        "Sessions",
        "Questions for supervision",
        "impasse rather than renegotiation",
        "Response (by definition",
        "Remission (by definition",
        "a role dispute",
    ):
        assert expected in text, expected
    assert SISTER in text


def test_deidentified_report_leaks_no_identifier(vault: Vault, course: int, tmp_path: Path) -> None:
    path = export.export(vault, course, "supervisor-report", tmp_path / "d.pdf", deidentify=True)
    _checks_pass(path)
    text = _text(path)
    data = _all_streams(path)
    secrets = [
        *CLIENT,
        " ".join(CLIENT),
        DOB,
        PHONE,
        SISTER,
        FRIEND,
        "Zsófia",
        "Brennan",
        "Orlov",
        "2026-01-05",
    ]
    for secret in secrets:
        assert secret not in text, secret
        for encoding in ("utf-8", "utf-16-be", "latin-1"):
            try:
                needle = secret.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert needle not in data, (secret, encoding)
    code = episodes.get_client(vault, course).code
    assert code not in text and "Case " in text  # the code becomes a pseudonym
    assert "week 1" in text and "sibling" in text and "Z. B." not in text
    assert "OPEN — PHQ-9 item 9" in text  # de-identified, risk still shown


def test_password_protection_is_aes_256(vault: Vault, course: int, tmp_path: Path) -> None:
    path = export.export(vault, course, "session-summary", tmp_path / "p.pdf", password=PASSWORD)
    info = subprocess.run(
        ["pdfinfo", "-upw", PASSWORD, str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "AES-256" in info
    assert "session 20 of 20" in _text(path, PASSWORD)
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True)
    assert refused.returncode != 0
    reader = PdfReader(path)
    assert reader.is_encrypted and reader.decrypt("wrong password") == 0
    assert reader.decrypt(PASSWORD) != 0
    assert reader.trailer["/Encrypt"]["/R"] == 6
    assert CLIENT[0].encode("utf-16-be") not in path.read_bytes()


def test_a_failed_write_leaves_the_previous_file_intact(
    vault: Vault, course: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"%PDF-previous")
    import workbench.fileio as fileio

    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full)
    from workbench.errors import DiskFull

    with pytest.raises(DiskFull):
        export.export(vault, course, "session-summary", target)
    assert target.read_bytes() == b"%PDF-previous"
    left = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert left == ["keep.pdf"]  # no half-written temp file left behind


def test_clear_errors_for_missing_things(vault: Vault, course: int) -> None:
    with pytest.raises(NotFound):
        export.build(vault, course, "session-summary", session=99)
    with pytest.raises(NotFound):
        export.build(vault, 4242, "supervisor-report")
    with pytest.raises(InvalidInput):
        export.build(vault, course, "letter")


def test_default_names_carry_no_client_name(vault: Vault, course: int) -> None:
    name = export.default_filename(vault, course, "supervisor-report")
    assert name.startswith("supervisor-report-C-") and CLIENT[0] not in name
