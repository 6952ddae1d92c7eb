"""What differs between Windows, macOS and Linux: data folder, file lock, owner-only modes."""

from __future__ import annotations

import importlib
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

APP_DIR_NAME = "ipt-workbench"
SYSTEM = sys.platform  # "win32", "darwin", "linux"; tests run the Windows paths by setting it


def user_data_dir(
    system: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """The per-user folder for vaults: %LOCALAPPDATA%, Application Support (macOS) or XDG."""
    system = system or SYSTEM
    environ = os.environ if environ is None else environ
    home = home if home is not None else Path.home()
    if system == "win32":
        # Local, not Roaming: a vault must never follow the user across a domain's network profile.
        base = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif system == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = environ.get("XDG_DATA_HOME", "")
        # The XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored.
        base = Path(xdg) if os.path.isabs(xdg) else home / ".local" / "share"
    return base / APP_DIR_NAME


def _msvcrt() -> ModuleType:
    return importlib.import_module("msvcrt")


def _fcntl() -> ModuleType:
    return importlib.import_module("fcntl")


def lock_exclusive(fd: int) -> None:
    """Take an exclusive lock on the open file *fd* without waiting; OSError if another holds it.

    The OS drops the lock when the process dies, so a crash never leaves a vault locked.
    """
    if SYSTEM == "win32":
        msvcrt = _msvcrt()
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks from the current position: always byte 0
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        fcntl = _fcntl()
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def unlock(fd: int) -> None:
    """Release the lock taken by `lock_exclusive` (before the descriptor is closed)."""
    if SYSTEM == "win32":
        msvcrt = _msvcrt()
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl = _fcntl()
        fcntl.flock(fd, fcntl.LOCK_UN)


def restrict_to_owner(path: Path, mode: int) -> None:
    """Make *path* readable by its owner only (mode 0600 / 0700 on POSIX).

    On Windows a mode bit only toggles "read-only", so nothing is changed there: the folders the
    app writes to (%LOCALAPPDATA%, what the user picks) are already private to the user's account
    by their inherited access-control lists, and the file must stay writable.
    """
    if SYSTEM == "win32":
        return
    os.chmod(path, stat.S_IMODE(mode))
