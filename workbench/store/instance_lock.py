"""One process per vault: an OS file lock on VAULT/.lock, taken before the database is opened."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workbench.errors import VaultInUse

LOCK_NAME = ".lock"


class InstanceLock:
    """Held while a vault is open; released on close or when the process dies."""

    def __init__(self, vault_dir: Path) -> None:
        self._path = vault_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _try_lock(fd)
        except OSError as exc:
            os.close(fd)
            raise VaultInUse() from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
