"""Schema ladder on PRAGMA user_version: one transaction per step, a snapshot before migrating."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from workbench.errors import NewerSchema, VaultDamaged
from workbench.store import connection
from workbench.store.connection import Connection, translated_errors


def _script(name: str) -> str:
    return resources.files("workbench.store").joinpath(name).read_text(encoding="utf-8")


# Step N turns a version N-1 database into version N. Never edit a released step; add one.
STEPS: tuple[Callable[[], str], ...] = (
    lambda: _script("schema_v1.sql"),
    lambda: _script("schema_v2.sql"),
    lambda: _script("schema_v3.sql"),
    lambda: _script("schema_v3_completion.sql"),
    lambda: _script("schema_course.sql"),
    lambda: _script("schema_supervision.sql"),
    lambda: _script("schema_erasure.sql"),
    lambda: _script("schema_measure_void.sql"),
    lambda: _script("schema_caseload_summary.sql"),
)
SCHEMA_VERSION = len(STEPS)


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, snapshot: Callable[[int], None]) -> int:
    """Bring the database to SCHEMA_VERSION; *snapshot(v)* copies the file before touching it."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise NewerSchema()
    if current == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise VaultDamaged("The vault has tables but no schema version; it was not opened.")
    if 0 < current < SCHEMA_VERSION:
        snapshot(current)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        with translated_errors():
            _apply(conn, version)
    return SCHEMA_VERSION


def _apply(conn: Connection, version: int) -> None:
    statements = _split(STEPS[version - 1]())
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _split(script: str) -> list[str]:
    """Split a schema script into statements (triggers hold ';' inside BEGIN ... END)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if connection.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError("schema script ends inside a statement")
    return statements
