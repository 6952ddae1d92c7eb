"""Where the app keeps its files: one place, overridable (IPT_WORKBENCH_HOME) for tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "ipt-workbench"


def data_dir() -> Path:
    """The per-user folder for vaults (XDG on Linux, the platform's usual place elsewhere)."""
    override = os.environ.get("IPT_WORKBENCH_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_vault() -> Path:
    return data_dir() / "caseload.iptvault"


def demo_vault() -> Path:
    return data_dir() / "demo.iptvault"
