"""One process per vault: an OS file lock on VAULT/.lock, taken before the database is opened."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from workbench.errors import VaultInUse
from workbench.platform_os import lock_exclusive, unlock

LOCK_NAME = ".lock"


class InstanceLock:
    """Held while a vault is open; released on close or when the process dies."""

    def __init__(self, vault_dir: Path) -> None:
        self._path = vault_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            lock_exclusive(fd)
        except OSError as exc:
            os.close(fd)
            raise VaultInUse() from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):  # closing the descriptor drops the lock anyway
                unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
