"""The app's version, read from the installed package's metadata (one source: pyproject.toml)."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "ipt-workbench"


def app_version() -> str:
    """'0.1.0' when installed (pip, pipx, the bundle); says so when run from bare sources."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown (not installed as a package)"
