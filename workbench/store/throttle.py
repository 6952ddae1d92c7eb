"""Unlock throttling: after five wrong passphrases, an exponential wait that survives restarts."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from workbench.errors import TooManyAttempts
from workbench.fileio import atomic_write_bytes

FREE_ATTEMPTS = 5
MAX_WAIT_S = 300.0
ATTEMPTS_NAME = "attempts.json"


class UnlockThrottle:
    """Counts consecutive failures in VAULT/attempts.json (no secrets, no patient data)."""

    def __init__(self, vault_dir: Path) -> None:
        self._path = vault_dir / ATTEMPTS_NAME

    def _read(self) -> tuple[int, float]:
        try:
            doc = json.loads(self._path.read_text(encoding="utf-8"))
            return int(doc["failures"]), float(doc["last_failure"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def wait_seconds(self, now: float) -> float:
        failures, last = self._read()
        if failures < FREE_ATTEMPTS:
            return 0.0
        wait = min(MAX_WAIT_S, 2.0 ** (failures - FREE_ATTEMPTS + 1))
        return max(0.0, last + wait - now)

    def check(self, now: float) -> None:
        wait = self.wait_seconds(now)
        if wait > 0:
            raise TooManyAttempts(
                f"Too many wrong attempts. Wait {int(wait) + 1} seconds before trying again."
            )

    def failed(self, now: float) -> None:
        failures, _ = self._read()
        doc = {"failures": failures + 1, "last_failure": now}
        # Throttling is a courtesy: a read-only folder must not block unlocking.
        with contextlib.suppress(OSError):
            atomic_write_bytes(self._path, json.dumps(doc).encode("ascii"))

    def succeeded(self) -> None:
        if self._path.exists():
            with contextlib.suppress(OSError):
                self._path.unlink()
