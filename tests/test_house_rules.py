"""Layering and key hygiene rules, checked over the source (DESIGN.md, security-bar R11/R22)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_core_never_imports_qt_or_ui() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|ui)\b", re.MULTILINE)
    offenders = [p.name for p in _sources("workbench") if pattern.search(p.read_text())]
    assert offenders == []


def test_only_the_store_runs_sql() -> None:
    pattern = re.compile(r"\.execute(many|script)?\(")
    offenders = [
        str(p.relative_to(ROOT))
        for p in _sources("workbench") + _sources("ui")
        if pattern.search(p.read_text()) and "workbench/store/" not in p.as_posix()
    ]
    assert offenders == []


def test_ui_never_touches_the_database_driver() -> None:
    offenders = [p.name for p in _sources("ui") if re.search(r"sqlcipher3|sqlite3", p.read_text())]
    assert offenders == []


def test_ui_reaches_the_core_through_services_domain_and_errors_only() -> None:
    """DESIGN.md: ui/ calls workbench/services/ (plus domain types and errors), never the store."""
    allowed = (
        "workbench.services",
        "workbench.domain",
        "workbench.errors",
        "workbench.protocol",  # the IPT frame as data: labels, phases, checklist items
        "workbench.measures",  # instrument definitions and scoring rules (pure)
        "workbench.paths",
        "workbench.demo.quickstart",
        "workbench.practice",
        "workbench.reports.output",  # write_atomically, generated_password
        "workbench.clock",  # the clock is an edge tests replace
        "workbench.version",
    )
    pattern = re.compile(r"^\s*(?:from|import)\s+(workbench(?:\.\w+)*)", re.MULTILINE)
    offenders = sorted(
        f"{p.relative_to(ROOT)}: {module}"
        for p in _sources("ui")
        for module in pattern.findall(p.read_text())
        if module != "workbench" and not module.startswith(allowed)  # bare: __version__
    )
    assert offenders == []


def test_keys_never_travel_as_sql_text() -> None:
    pattern = re.compile(r"PRAGMA\s+(re)?key\b", re.IGNORECASE)
    offenders = [
        p.name for p in _sources("workbench") + _sources("ui") if pattern.search(p.read_text())
    ]
    assert offenders == []


def test_nobody_opens_the_live_database_file_directly() -> None:
    # The built-in open() or Path reads on the database (zip members named caseload.db are fine).
    pattern = re.compile(
        r"(?<![\w.])open\(\s*[^)]*(db_path|DB_NAME|caseload\.db)"
        r"|(db_path|DB_NAME\))\.(open|read_bytes|write_bytes)\("
    )
    offenders = [
        p.name for p in _sources("workbench") + _sources("ui") if pattern.search(p.read_text())
    ]
    assert offenders == []


def test_core_works_with_pyside6_absent(tmp_path: Path) -> None:
    script = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'ui'):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
import workbench.cli, workbench.store.vault, workbench.store.backup, workbench.demo.build
from tests.support import FAST_KDF, PASSPHRASE
from workbench.store.vault import Vault
from workbench.demo.build import fill_demo
from workbench.store.clients import list_clients
vault, _ = Vault.create({str(tmp_path / "noqt")!r}, PASSPHRASE, kdf=FAST_KDF)
with vault:
    fill_demo(vault, 5, 1)
    assert len(list_clients(vault.conn)) == 5
assert 'PySide6' not in sys.modules
print('core ok without Qt')
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "core ok without Qt" in result.stdout
