"""The app's own words never call a client or a score safe, never rate risk, never advise.

Scanned: string literals in ui/ (docstrings aside), the protocol data, and the text of every PDF
kind. Text the clinician wrote is theirs: it is removed from the PDF text before the scan.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.reports.course import record_course
from tests.services.test_risk_follows_client import pdf_text
from tests.support import complete_risk_note
from workbench.domain.clinician import ClinicianProfile
from workbench.services import clinician, episodes, export, risk
from workbench.store.export_json import caseload_document
from workbench.store.vault import Vault

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = re.compile(
    r"\b(?:un)?safe\b"
    r"|\b(?:low|no|minimal) risk\b(?! notes?\b)"
    r"|\byou should\b|\bwe (?:recommend|advise|suggest)\b|\b(?:is|are) (?:recommended|advised)\b"
    r"|\bseek (?:urgent |immediate )?help\b|\bcall (?:999|911|112|emergency)",
    re.IGNORECASE,
)
# "Safe" about a thing, never a client or a score: where to keep the recovery code, saved data.
ABOUT_THINGS = re.compile(
    r"somewhere safe|keep (?:it |the paper )?safe|you keep safe|already saved is safe", re.I
)
CLINICIAN_WORDS = "She says she feels safe at her sister's; low risk in my view, no plan."


def judgement_words(text: str) -> list[str]:
    return FORBIDDEN.findall(ABOUT_THINGS.sub("", text))


def _literals(tree: ast.Module) -> Iterator[str]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield from () if id(node) in docstrings else (node.value,)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_scan_catches_what_it_must() -> None:
    for bad in ("PHQ-9 0: safe", "Low risk", "no risk of harm", "You should call 999"):
        assert judgement_words(bad), bad
    for fine in ("no risk note was written", "safety plan reviewed", "store it safely"):
        assert not judgement_words(fine), fine


def test_ui_strings_say_no_judgement() -> None:
    found = [
        (str(path.relative_to(ROOT)), text[:80])
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for text in _literals(ast.parse(path.read_text(encoding="utf-8")))
        if judgement_words(text)
    ]
    assert found == []


def test_protocol_data_says_no_judgement() -> None:
    found = [
        (path.name, text[:80])
        for path in sorted((ROOT / "resources" / "protocol").glob("*.toml"))
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8")))
        if judgement_words(text)
    ]
    assert found == []


def test_every_pdf_kind_says_no_judgement_beyond_the_clinicians_words(vault: Vault) -> None:
    client = record_course(vault)
    clinician.save_profile(vault, ClinicianProfile(name="Dr Ada Example"))
    episode = episodes.current_episode(vault, client).id
    risk.write_risk_note(vault, episode, complete_risk_note(risk_formulation=CLINICIAN_WORDS))
    with vault.reading() as conn:
        written = sorted(set(_strings(caseload_document(conn, vault.now())["clients"])), key=len)
    for kind in export.KINDS:
        for deidentify in (False, True) if kind != "maintenance-plan" else (False,):
            text = " ".join(
                pdf_text(export.build(vault, client, kind, deidentify=deidentify)).split()
            )
            if kind != "maintenance-plan":
                assert judgement_words(text), "the clinician's own words are shown as written"
            for theirs in reversed(written):
                text = text.replace(" ".join(theirs.split()), " ")
            assert judgement_words(text) == [], kind
    assert risk.open_flags(vault, episode)  # the open flag is shown in the scanned PDFs
