"""Atomic, owner-only file writes: temp file beside the target, fsync, replace, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
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


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write *data* to *target* so that readers see the old file or the new one, never half."""
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)  # mkstemp creates the file 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


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
