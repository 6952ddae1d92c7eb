"""Atomic, owner-only file writes: temp file beside the target, fsync, replace, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path

from workbench.errors import DiskFull, WorkbenchError
from workbench.platform_os import restrict_to_owner

OWNER_FILE = 0o600
OWNER_DIR = 0o700


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in *folder* durable (no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


PART_PREFIX = ".tmp-ipt-workbench-"
PART_SUFFIX = ".part"


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write *data* to *target* so that readers see the old file or the new one, never half.

    The temp file is locked while it is written; one left by a killed writer is removed by the
    next write into the same folder.
    """
    target = Path(target)
    remove_stale_parts(target.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=PART_PREFIX, suffix=PART_SUFFIX, dir=target.parent)
    tmp = Path(tmp_name)  # mkstemp creates the file 0600
    try:
        _lock(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if sys.platform != "win32":  # keep the lock until the name is taken
                os.replace(tmp, target)
        if sys.platform == "win32":  # pragma: no cover - an open file cannot be renamed there
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


def remove_stale_parts(folder: Path) -> None:
    """Delete temp files of this app's atomic writes that no live writer holds (kill -9)."""
    with contextlib.suppress(OSError):
        for part in Path(folder).glob(f"{PART_PREFIX}*{PART_SUFFIX}"):
            with contextlib.suppress(OSError):
                fd = os.open(part, os.O_RDWR)
                try:
                    _lock(fd)  # raises while the writer is alive
                finally:
                    os.close(fd)
                part.unlink()


if sys.platform == "win32":  # pragma: no cover - Windows refuses to delete an open file anyway

    def _lock(fd: int) -> None:
        return None

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def make_private_dir(folder: Path) -> None:
    """Create *folder* (and parents) readable by the owner only."""
    folder.mkdir(parents=True, exist_ok=True)
    restrict_to_owner(folder, OWNER_DIR)


def write_error(exc: OSError, what: str) -> WorkbenchError:
    """A plain message for a failed write of *what* (e.g. "the PDF"); nothing was changed."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"The disk is full, so {what} was not written; any earlier file is "
            "unchanged. Free some space and try again."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return WorkbenchError(
            f"That folder cannot be written to, so {what} was not written; choose another one."
        )
    return WorkbenchError(
        f"{what[:1].upper() + what[1:]} could not be written there; nothing "
        "was changed. Choose another folder."
    )
