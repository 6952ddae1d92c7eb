"""For the pages shown while locked: unlock wait, recovery-code checks and file, backup summary."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench.fileio import OWNER_FILE, atomic_write_bytes, write_error
from workbench.store.backup import verify_backup_file
from workbench.store.throttle import UnlockThrottle
from workbench.store.vault import vault_path

RECOVERY_FILE_NAME = "ipt-workbench-recovery-code.txt"
CLIENTS_TABLE = "clients"


@dataclass(frozen=True)
class BackupSummary:
    """What a backup's manifest says about it (no patient data: a date, versions, a count)."""

    path: Path
    created_at: str  # ISO 8601 UTC, as stored
    app_version: str
    clients: int | None  # None when the manifest does not say


def unlock_wait_seconds(folder: Path, now: float) -> float:
    """Seconds left before the vault at *folder* accepts another unlock attempt (0 when free)."""
    return UnlockThrottle(vault_path(folder)).wait_seconds(now)


def describe_backup(path: Path) -> BackupSummary:
    """Verify *path* as a backup file (no key needed) and summarise its manifest."""
    manifest = verify_backup_file(Path(path))
    tables = manifest.get("tables")
    clients: int | None = None
    if isinstance(tables, dict):
        entry = tables.get(CLIENTS_TABLE)
        rows = entry.get("rows") if isinstance(entry, dict) else None
        if isinstance(rows, int) and not isinstance(rows, bool) and rows >= 0:
            clients = rows
    return BackupSummary(
        Path(path),
        str(manifest.get("created_at") or ""),
        str(manifest.get("app_version") or ""),
        clients,
    )


def recovery_tail(code: str, groups: int = 2) -> str:
    """The last *groups* dash-separated groups of a recovery code, as shown (e.g. "AB12-CD34")."""
    return "-".join(code.split("-")[-groups:])


def recovery_tail_matches(code: str, typed: str, groups: int = 2) -> bool:
    """Whether *typed* is the code's last *groups* groups (case, spaces, dashes, O/I/L forgiven)."""
    return _canonical(typed) == _canonical(recovery_tail(code, groups)) != ""


def _canonical(text: str) -> str:
    """The same forgiving reading as normalise_recovery_code, without its length rule."""
    cleaned = text.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    return "".join(c for c in cleaned if c not in " -\t\r\n")


def save_private_text(path: Path, text: str) -> None:
    """Write *text* to *path* atomically, readable by the owner only (0600)."""
    try:
        atomic_write_bytes(Path(path), text.encode("utf-8"))
        os.chmod(path, OWNER_FILE)
    except OSError as exc:
        raise write_error(exc, "the file") from exc
