"""Freshness sentinel: notice when the vault file is older than the last one this app closed."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

from workbench.fileio import atomic_write_bytes

FRESHNESS_NAME = "freshness.json"
STALE_WARNING = (
    "This vault file is older than the last one IPT Workbench saved here: recent changes may be "
    "missing (a sync tool or a copied file can cause this). Check recent notes, and restore "
    "from your latest backup if something is gone."
)


def _mac(data_key: bytes, vault_id: str, change_seq: int) -> str:
    mac_key = hashlib.sha256(b"ipt-workbench freshness\x00" + data_key).digest()
    message = f"{vault_id}:{change_seq}".encode("ascii")
    return hmac.new(mac_key, message, hashlib.sha256).hexdigest()


def record(vault_dir: Path, data_key: bytes, vault_id: str, change_seq: int) -> None:
    """Remember the change counter the database had when it was closed."""
    doc = {"change_seq": change_seq, "mac": _mac(data_key, vault_id, change_seq)}
    atomic_write_bytes(vault_dir / FRESHNESS_NAME, json.dumps(doc).encode("ascii"))


def is_stale(vault_dir: Path, data_key: bytes, vault_id: str, change_seq: int) -> bool:
    """True when the database's counter is behind an authentic recorded one."""
    try:
        doc = json.loads((vault_dir / FRESHNESS_NAME).read_text(encoding="utf-8"))
        recorded = int(doc["change_seq"])
        mac = str(doc["mac"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not hmac.compare_digest(mac, _mac(data_key, vault_id, recorded)):
        return False
    return change_seq < recorded
