"""A caseload JSON export (docs/export-json.md) read into a new vault: validated, all or nothing.

Every error names the place in the file, e.g. `clients[3].episodes[0].sessions[2].held_on`.
Validation runs before the vault is created; the rows then go in with one transaction, and a
refusal by the database (a reference to a record not in the file) removes the new vault.
"""

from __future__ import annotations

import functools
import json
import math
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from workbench.errors import InvalidInput
from workbench.store import migrations
from workbench.store.clients import name_key
from workbench.store.export_json import FORMAT, FORMAT_VERSION
from workbench.store.notes import content_hash, note_text
from workbench.store.vault import Vault

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_TEXT_CHARS = 1024 * 1024
# (key in an episode, table) in an order that inserts what is referred to first.
EPISODE_LISTS = (
    ("contract_changes", "contract_changes"),
    ("sessions", "sessions"),
    ("notes", "notes"),
    ("process_notes", "process_notes"),
    ("inventory", "inventory_people"),
    ("circle_snapshots", "circle_snapshots"),
    ("timeline", "timeline_events"),
    ("goals", "goals"),
    ("measures", "measure_administrations"),
    ("risk_flags", "risk_flags"),
    ("checklist", "checklist_state"),
    ("records", "episode_records"),
    ("fidelity_ratings", "fidelity_ratings"),
)
EPISODE_SINGLES = (
    ("formulation", "formulations"),
    ("maintenance_plan", "maintenance_plans"),
    ("case_summary", "case_summaries"),
)
DERIVED = {"name_key", "body_text"}  # recomputed, never read from the file


class ImportRefused(InvalidInput):
    message = "The file cannot be imported; nothing was written."


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # INTEGER, TEXT, REAL
    required: bool
    nullable: bool


@functools.cache
def _schema() -> dict[str, tuple[Column, ...]]:
    """Column facts of every table, read from the current schema built in memory."""
    probe = sqlcipher3.connect(":memory:")
    try:
        for step in migrations.STEPS:
            for statement in migrations._split(step()):
                probe.execute(statement)
        tables = [r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        schema = {}
        for table in tables:
            rows = probe.execute(f"PRAGMA table_info({table})").fetchall()
            schema[table] = tuple(
                Column(
                    name,
                    kind.upper(),
                    required=bool(notnull) and default is None and not (pk and kind == "INTEGER"),
                    nullable=not notnull,
                )
                for _, name, kind, notnull, default, pk in rows
            )
        return schema
    finally:
        probe.close()


def _field(column: str) -> str:
    return column.removesuffix("_json")


def _shown(key: str) -> str:
    """A key from the file as shown in a message: only if it looks like a field name."""
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,40}", key) else "(a key)"


def _refuse(path: str, problem: str) -> ImportRefused:
    return ImportRefused(f"{path}: {problem}; nothing was written.")


def _check_value(path: str, column: Column, value: Any) -> None:
    if value is None:
        if not column.nullable:
            raise _refuse(path, "must not be empty")
        return
    if column.name.endswith("_json"):
        _check_json(path, value)
    elif column.kind == "INTEGER":
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
            raise _refuse(path, "expected a whole number")
    elif column.kind == "REAL":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _refuse(path, "expected a number")
        if not math.isfinite(value):
            raise _refuse(path, "not a finite number")
    else:
        _check_text(path, value)


def _check_text(path: str, value: Any) -> None:
    if not isinstance(value, str):
        raise _refuse(path, "expected text")
    if len(value) > MAX_TEXT_CHARS:
        raise _refuse(path, "text longer than 1 MiB")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(path, "text with an invalid character (lone surrogate)") from None


def _check_json(path: str, value: Any) -> None:
    if isinstance(value, str):
        _check_text(path, value)
    elif isinstance(value, float) and not math.isfinite(value):
        raise _refuse(path, "not a finite number")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(f"{path}.{_shown(str(key))}", item)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _check_json(f"{path}[{n}]", item)


class _Reader:
    """Walks the document, checking every row and collecting (path, table, values) to insert."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, dict[str, Any]]] = []
        self._ids: dict[str, set[Any]] = {}

    def row(self, path: str, table: str, doc: Any, parent: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(doc, dict):
            raise _refuse(path, "expected an object")
        columns = {c.name: c for c in _schema()[table] if c.name not in DERIVED | set(parent)}
        by_field = {_field(name): column for name, column in columns.items()}
        extra = set(doc) - set(by_field)
        if extra:
            raise _refuse(f"{path}.{_shown(sorted(extra)[0])}", "unknown field")
        values = dict(parent)
        for field, column in by_field.items():
            if field not in doc:
                if column.required:
                    raise _refuse(f"{path}.{field}", "missing")
                continue
            _check_value(f"{path}.{field}", column, doc[field])
            value = doc[field]
            if column.name.endswith("_json"):
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            values[column.name] = value
        if "id" in values:
            seen = self._ids.setdefault(table, set())
            if values["id"] in seen:
                raise _refuse(f"{path}.id", f"the id {values['id']} appears twice")
            seen.add(values["id"])
        self._derive(path, table, values)
        self.rows.append((path, table, values))
        return values

    def _derive(self, path: str, table: str, values: dict[str, Any]) -> None:
        if table == "clients":
            given, family, preferred = (
                values.get(k) or "" for k in ("given_name", "family_name", "preferred_name")
            )
            values["name_key"] = name_key(given, family, preferred, values["code"])
        if table == "notes":
            body = json.loads(values["body_json"])
            values["body_text"] = note_text(body) if isinstance(body, dict) else ""
            if values.get("status") == "signed":
                signer, signed_at = values.get("signed_by") or "", values.get("signed_at") or ""
                if values.get("content_hash") != content_hash(
                    values["body_json"], signer, signed_at
                ):
                    raise _refuse(f"{path}.content_hash", "does not match the signed note")

    def items(self, path: str, doc: Any) -> list[Any]:
        if not isinstance(doc, list):
            raise _refuse(path, "expected a list")
        return doc


def read_document(raw: bytes) -> list[tuple[str, str, dict[str, Any]]]:
    """The rows to insert, in order; ImportRefused naming the first problem's path."""
    if len(raw) > MAX_FILE_BYTES:
        raise ImportRefused("The file is larger than 512 MiB; nothing was written.")

    try:  # NaN and Infinity parse, then fail the value checks with their path
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ImportRefused("The file is not valid JSON; nothing was written.") from exc
    if not isinstance(doc, dict):
        raise _refuse("(document)", "expected an object")
    if doc.get("format") != FORMAT:
        raise _refuse("format", f"expected {FORMAT!r}")
    if doc.get("version") != FORMAT_VERSION:
        raise _refuse("version", f"this app reads version {FORMAT_VERSION}")
    reader = _Reader()
    for c, client in enumerate(reader.items("clients", doc.get("clients"))):
        cpath = f"clients[{c}]"
        row = reader.row(cpath, "clients", _without(client, "episodes"), {})
        episodes = client.get("episodes", []) if isinstance(client, dict) else []
        for e, episode in enumerate(reader.items(f"{cpath}.episodes", episodes)):
            _episode(reader, f"{cpath}.episodes[{e}]", episode, row["id"])
    meetings = doc.get("supervision_meetings", [])
    for m, meeting in enumerate(reader.items("supervision_meetings", meetings)):
        mpath = f"supervision_meetings[{m}]"
        held = reader.row(mpath, "supervision_meetings", _without(meeting, "cases"), {})
        cases = meeting.get("cases", []) if isinstance(meeting, dict) else []
        for n, client in enumerate(reader.items(f"{mpath}.cases", cases)):
            reader.row(
                f"{mpath}.cases[{n}]",
                "supervision_meeting_cases",
                {"client_id": client},
                {"meeting_id": held["id"]},
            )
    return reader.rows


def _without(doc: Any, *keys: str) -> Any:
    return {k: v for k, v in doc.items() if k not in keys} if isinstance(doc, dict) else doc


def _episode(reader: _Reader, path: str, doc: Any, client_id: Any) -> None:
    if not isinstance(doc, dict):
        raise _refuse(path, "expected an object")
    nested = {key for key, _ in EPISODE_LISTS + EPISODE_SINGLES}
    episode = reader.row(path, "episodes", _without(doc, *nested), {"client_id": client_id})
    owner = {"episode_id": episode["id"]}
    for key, table in EPISODE_LISTS:
        for n, item in enumerate(reader.items(f"{path}.{key}", doc.get(key, []))):
            where = f"{path}.{key}[{n}]"
            row = reader.row(
                where, table, _without(item, "placements", "people", "responses"), owner
            )
            _children(reader, where, table, item, row)
    for key, table in EPISODE_SINGLES:
        if doc.get(key) is not None:
            reader.row(f"{path}.{key}", table, doc[key], owner)


def _children(
    reader: _Reader, path: str, table: str, doc: dict[str, Any], row: dict[str, Any]
) -> None:
    if table == "circle_snapshots":
        for n, placement in enumerate(
            reader.items(f"{path}.placements", doc.get("placements", []))
        ):
            reader.row(
                f"{path}.placements[{n}]",
                "circle_placements",
                placement,
                {"snapshot_id": row["id"]},
            )
    elif table == "timeline_events":
        for n, person in enumerate(reader.items(f"{path}.people", doc.get("people", []))):
            reader.row(
                f"{path}.people[{n}]",
                "timeline_event_people",
                {"person_id": person},
                {"event_id": row["id"]},
            )
    elif table == "measure_administrations":
        responses = doc.get("responses", {})
        if not isinstance(responses, dict):
            raise _refuse(f"{path}.responses", "expected an object")
        for item, value in responses.items():
            if not item.isdigit():
                raise _refuse(f"{path}.responses.{_shown(item)}", "item numbers are whole numbers")
            values = {"item": int(item), "value": value}
            reader.row(
                f"{path}.responses.{item}",
                "measure_responses",
                values,
                {"administration_id": row["id"]},
            )


def import_into_new_vault(
    vault_factory: Callable[[], tuple[Vault, str]], raw: bytes
) -> tuple[Vault, str, int]:
    """Validate *raw*, then create the vault (vault_factory() -> (vault, code)) and fill it."""
    rows = read_document(raw)
    vault, code = vault_factory()
    try:
        with vault.transaction() as tx:
            for path, table, values in rows:
                names = list(values)
                marks = ", ".join("?" * len(names))
                sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"
                try:
                    tx.execute(sql, [values[n] for n in names])
                except sqlcipher3.IntegrityError as exc:
                    raise _refuse(path, f"refused by the vault ({exc})") from None
            vault.audit(tx, "import", "caseload-json")
    except BaseException:
        folder = vault.folder
        vault.close(record_freshness=False)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return vault, code, sum(1 for _, table, _ in rows if table == "clients")


def read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportRefused("The file is larger than 512 MiB; nothing was written.")
        return path.read_bytes()
    except OSError as exc:
        raise ImportRefused("The file could not be read; nothing was written.") from exc
