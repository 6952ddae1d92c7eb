"""Where the app keeps its files: one place, overridable (IPT_WORKBENCH_HOME) for tests."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.platform_os import user_data_dir


def data_dir() -> Path:
    """The per-user folder for vaults (XDG on Linux, the platform's usual place elsewhere)."""
    override = os.environ.get("IPT_WORKBENCH_HOME")
    if override:
        return Path(override)
    return user_data_dir()


def default_vault() -> Path:
    return data_dir() / "caseload.iptvault"


def demo_vault() -> Path:
    return data_dir() / "demo.iptvault"
