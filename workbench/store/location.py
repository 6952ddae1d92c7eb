"""Where a vault should not live: cloud-sync folders, network shares (security-bar R5)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SYNC_FOLDER_NAMES = (
    "dropbox",
    "onedrive",
    "icloud drive",
    "iclouddrive",
    "mobile documents",
    "google drive",
    "googledrive",
    "my drive",
    "nextcloud",
    "owncloud",
    "seafile",
    "pcloud",
    "mega",
    "sync.com",
    "box sync",
    "resilio",
)
NETWORK_FS = (
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "davfs",
    "fuse.rclone",
    "fuse.s3fs",
    "glusterfs",
    "ceph",
)
SYNC_WARNING = (
    "This folder looks like a cloud-sync folder. Sync tools can copy a half-written vault or "
    "put an older copy back; keep the vault in a local folder and use backups instead."
)
NETWORK_WARNING = (
    "This folder is on a network drive, where file locks and writes are not reliable enough "
    "for the vault. Keep the vault on this computer's own disk."
)


def _mounts() -> list[tuple[str, str]]:
    """(mount point, filesystem type) pairs from /proc/mounts where it exists."""
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    pairs = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            pairs.append((parts[1].replace("\\040", " "), parts[2]))
    return pairs


def location_warning(folder: Path, mounts: Iterable[tuple[str, str]] | None = None) -> str | None:
    """A plain warning when *folder* is a risky place for a vault, else None."""
    resolved = Path(os.path.abspath(folder))
    lowered = [part.casefold() for part in resolved.parts]
    if any(name in part for part in lowered for name in SYNC_FOLDER_NAMES):
        return SYNC_WARNING
    best, fs_type = "", ""
    for point, kind in mounts if mounts is not None else _mounts():
        inside = resolved == Path(point) or Path(point) in resolved.parents
        if inside and len(point) > len(best):
            best, fs_type = point, kind
    if fs_type in NETWORK_FS or fs_type.startswith("fuse.sshfs"):
        return NETWORK_WARNING
    return None
