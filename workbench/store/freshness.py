"""Freshness records outside the database: a rolled-back vault or a cut audit log is noticed.

The database counts every committed change (meta.change_seq, inside the encrypted file) and its
audit log is a hash chain. The last counter and chain head (count and hash) this app saw are
kept, authenticated with a key derived from the data key, in two places: the vault folder and
the app's own data folder (one file per vault id, so rolling back the whole vault folder is
noticed too). Backups carry the same head. A problem found is remembered in the app's copy and
reported at every unlock until the clinician accepts it (`verify --accept-rollback` or the app).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.fileio import atomic_write_bytes, make_private_dir
from workbench.paths import data_dir
from workbench.store.connection import Connection

FRESHNESS_NAME = "freshness.json"
RECORDS_DIR = "vault-records"
ROLLBACK = "rollback"
AUDIT = "audit"
STALE_WARNING = (
    "This vault is older than the last one IPT Workbench saw: recent changes may be missing "
    "(a sync tool, a copied file or a restored folder can cause this). Check recent notes and "
    "restore from your latest backup if something is gone. This warning stays until you accept "
    "the vault as it is (ipt-workbench verify --accept-rollback, or in the app)."
)
AUDIT_WARNING = (
    "The vault's audit log is shorter than, or differs from, the one IPT Workbench last saw: "
    "entries were removed or rewritten. Restore from a backup if you did not expect this. This "
    "warning stays until you accept the vault as it is (ipt-workbench verify --accept-rollback)."
)
_VAULT_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Head:
    """Where the database stands: its change counter and its audit chain's length and last hash."""

    change_seq: int
    audit_count: int | None  # None: recorded before audit heads were kept
    audit_hash: str = ""


@dataclass(frozen=True)
class Record:
    """One authenticated freshness record."""

    head: Head
    problem: str | None = None  # ROLLBACK or AUDIT while it stands (head is then the one expected)
    last_backup_at: str | None = None


def head_of(conn: Connection) -> Head:
    seq = conn.execute("SELECT value FROM meta WHERE key = 'change_seq'").fetchone()
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    count, digest = (int(last[0]), str(last[1])) if last else (0, "")
    return Head(int(seq[0]) if seq else 0, count, digest)


def mac_key(data_key: bytes) -> bytes:
    return hmac.new(data_key, b"ipt-workbench freshness v2", hashlib.sha256).digest()


def head_mac(data_key: bytes, vault_id: str, head: Head) -> str:
    message = json.dumps([vault_id, head.change_seq, head.audit_count, head.audit_hash])
    return hmac.new(mac_key(data_key), message.encode("ascii"), hashlib.sha256).hexdigest()


def _body(vault_id: str, record: Record) -> dict[str, Any]:
    return {
        "version": 2,
        "vault_id": vault_id,
        "change_seq": record.head.change_seq,
        "audit_count": record.head.audit_count,
        "audit_hash": record.head.audit_hash,
        "problem": record.problem,
        "last_backup_at": record.last_backup_at,
    }


def _mac(data_key: bytes, body: dict[str, Any]) -> str:
    message = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(mac_key(data_key), message, hashlib.sha256).hexdigest()


def _legacy_mac(data_key: bytes, vault_id: str, change_seq: int) -> str:
    key = hashlib.sha256(b"ipt-workbench freshness\x00" + data_key).digest()
    return hmac.new(key, f"{vault_id}:{change_seq}".encode("ascii"), hashlib.sha256).hexdigest()


def _paths(vault_dir: Path, vault_id: str) -> list[Path]:
    paths = [vault_dir / FRESHNESS_NAME]
    if _VAULT_ID.fullmatch(vault_id):  # the id names a file: never a path from a forged key file
        paths.append(data_dir() / RECORDS_DIR / f"{vault_id}.json")
    return paths


def _read(path: Path, data_key: bytes, vault_id: str) -> Record | None:
    """The record at *path*, or None when missing, unreadable or not authentic."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        mac = str(doc.pop("mac"))
        if "version" not in doc:  # written by earlier versions: the counter only
            seq = int(doc["change_seq"])
            ok = hmac.compare_digest(mac, _legacy_mac(data_key, vault_id, seq))
            return Record(Head(seq, None)) if ok else None
        if doc.get("vault_id") != vault_id or not hmac.compare_digest(mac, _mac(data_key, doc)):
            return None
        count = doc["audit_count"]
        head = Head(
            int(doc["change_seq"]), None if count is None else int(count), doc["audit_hash"]
        )
        problem = doc["problem"] if doc["problem"] in (ROLLBACK, AUDIT) else None
        return Record(head, problem, doc["last_backup_at"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def records(vault_dir: Path, data_key: bytes, vault_id: str) -> list[Record]:
    """The authentic records, the app's own copy last."""
    found = (_read(path, data_key, vault_id) for path in _paths(vault_dir, vault_id))
    return [r for r in found if r is not None]


def save(vault_dir: Path, data_key: bytes, vault_id: str, record: Record) -> None:
    """Write *record* in both places (best effort for the vault folder, which may be read-only)."""
    body = _body(vault_id, record)
    data = json.dumps({**body, "mac": _mac(data_key, body)}).encode("ascii")
    for path in _paths(vault_dir, vault_id):
        with contextlib.suppress(OSError):
            if path.parent != vault_dir:
                make_private_dir(path.parent)
            atomic_write_bytes(path, data)


def check_at_open(
    vault_dir: Path, data_key: bytes, vault_id: str, conn: Connection, *, remember: bool
) -> Record | None:
    """The standing problem for a vault just opened; a new one is remembered when *remember*."""
    found = records(vault_dir, data_key, vault_id)
    problem = assess(conn, found, head_of(conn))
    if problem is not None and problem not in found[-1:] and remember:
        save(vault_dir, data_key, vault_id, problem)
    return problem


def record_now(
    vault_dir: Path,
    data_key: bytes,
    vault_id: str,
    conn: Connection,
    problem: Record | None,
    backup_at: str | None = None,
) -> None:
    """Save where the database stands now; while *problem* stands its expected head is kept."""
    backed_up = backup_at or last_backup_at(records(vault_dir, data_key, vault_id))
    if problem is not None:
        record = Record(problem.head, problem.problem, backed_up)
    else:
        record = Record(head_of(conn), None, backed_up)
    save(vault_dir, data_key, vault_id, record)


def assess(conn: Connection, found: list[Record], head: Head) -> Record | None:
    """The problem record to keep (a rollback or a cut audit log), or None when all is well."""
    standing = next((r for r in reversed(found) if r.problem), None)
    if standing is not None:
        return standing
    newest = max(found, key=lambda r: r.head.change_seq, default=None)
    if newest is None:
        return None
    if head.change_seq < newest.head.change_seq:
        return replace(newest, problem=ROLLBACK)
    for record in found:
        if audit_problems(conn, record.head, head):
            return replace(record, problem=AUDIT)
    return None


def audit_problems(conn: Connection, expected: Head, head: Head) -> list[str]:
    """How the audit chain falls short of a recorded head (empty when it extends it)."""
    if expected.audit_count is None or expected.audit_count == 0:
        return []
    if head.audit_count is None or head.audit_count < expected.audit_count:
        missing = expected.audit_count - (head.audit_count or 0)
        return [f"the audit log lost its last {missing} entries (it had {expected.audit_count})"]
    row = conn.execute(
        "SELECT hash FROM audit_log WHERE seq = ?", (expected.audit_count,)
    ).fetchone()
    if row is None or str(row[0]) != expected.audit_hash:
        return [f"audit entry {expected.audit_count} differs from the one last recorded"]
    return []


def last_backup_at(found: list[Record]) -> str | None:
    stamps = [r.last_backup_at for r in found if r.last_backup_at]
    return max(stamps) if stamps else None
