"""The demo vault the quick start opens: fictional clients, a passphrase shown on screen."""

from __future__ import annotations

from pathlib import Path

from workbench.demo.build import fill_demo
from workbench.store.vault import DB_NAME, Vault, vault_path

# Printed on screen on purpose: this vault holds only invented people and exists to explore.
DEMO_PASSPHRASE = "demo vault with invented clients only"  # noqa: S105
DEMO_CLIENTS = 60
DEMO_SEED = 2026


def ensure_demo_vault(path: Path) -> bool:
    """Create the demo vault at *path* unless one is there; True when it was created now."""
    if (vault_path(path) / DB_NAME).exists():
        return False
    vault, _ = Vault.create(path, DEMO_PASSPHRASE)
    with vault:
        fill_demo(vault, DEMO_CLIENTS, DEMO_SEED)
    return True
