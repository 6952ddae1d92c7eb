"""An episode ready for clinical work: a fictional client with a 12-session WMK contract."""

from __future__ import annotations

import pytest

from workbench.domain.episode import Contract
from workbench.services import episodes
from workbench.store.vault import Vault


@pytest.fixture
def episode(vault: Vault) -> int:
    episodes.set_clinician_name(vault, "Dr Ada Example")
    client = episodes.add_client(vault, "Imogen", "Quayle")
    return episodes.open_episode(vault, client, Contract("WMK", 12), "2026-03-02")
