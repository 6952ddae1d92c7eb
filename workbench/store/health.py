"""Vault health: a fast check at unlock, the full integrity check, and what a damaged vault is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.store import audit
from workbench.store.connection import Connection, translated_errors

PAGE_SIZE = 4096


@dataclass(frozen=True)
class IntegrityReport:
    """Result of a full check; `ok` only when every list is empty."""

    cipher_problems: list[str]
    structure_problems: list[str]
    audit_problems: list[str]

    @property
    def ok(self) -> bool:
        return not (self.cipher_problems or self.structure_problems or self.audit_problems)

    @property
    def damaged(self) -> bool:
        """Pages or structure are bad: the file must not be written to any more."""
        return bool(self.cipher_problems or self.structure_problems)


def _collect(check: Callable[[], list[str]]) -> list[str]:
    try:
        with translated_errors():
            return check()
    except WorkbenchError as exc:  # e.g. a damaged page stops the check itself
        return [exc.user_message]


def fast_check(conn: Connection, db_path: Path) -> list[str]:
    """Cheap signs of damage, for every unlock: the file's size and every table's root page."""

    def check() -> list[str]:
        problems = []
        size = db_path.stat().st_size
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        if size % PAGE_SIZE or size != pages * PAGE_SIZE:
            problems.append("the file's size does not match its pages")
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0"
        ).fetchall()
        for (name,) in tables:
            quoted = '"' + str(name).replace('"', '""') + '"'
            conn.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchall()
        return problems

    return _collect(check)


def full_check(conn: Connection) -> IntegrityReport:
    """Every page's MAC, the b-tree structure and the audit chain (reads every result row)."""
    cipher = _collect(lambda: [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")])
    structure = _collect(lambda: [str(r[0]) for r in conn.execute("PRAGMA integrity_check")])
    chain = _collect(lambda: audit.verify_chain(conn))
    return IntegrityReport(cipher, [] if structure == ["ok"] else structure, chain)
