"""Tests that build one page or dialog give it a VaultSession over their vault and runner."""

from __future__ import annotations

from ui.session import VaultSession
from ui.tasks import TaskRunner
from workbench.services.vaults import Vault

_made: dict[tuple[int, int], VaultSession] = {}


def session_for(vault: Vault, runner: TaskRunner) -> VaultSession:
    """The session over *vault* whose database worker is *runner* (one per pair)."""
    key = (id(vault), id(runner))
    made = _made.get(key)
    if made is None or made.db is not runner or not made.is_open:
        made = _made[key] = VaultSession(vault, runner, TaskRunner(runner))
    return made
