"""Shared fixtures: real SQLCipher vaults in tmp_path, cheap key derivation, no real home dir."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

# Qt aborts without a display unless this is set before any Qt import (stack-notes).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.support import FAST_KDF, PASSPHRASE
from workbench.store.vault import Vault

__all__ = ["FAST_KDF", "PASSPHRASE"]

NewVault = Callable[..., tuple[Vault, str]]


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the app's data dir at a temp folder so no test touches the real home."""
    monkeypatch.setenv("IPT_WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def new_vault(tmp_path: Path) -> Iterator[NewVault]:
    """Factory: (fresh unlocked vault with a fast KDF, its recovery code); closed at teardown."""
    made: list[Vault] = []

    def factory(name: str = "test", passphrase: str = PASSPHRASE) -> tuple[Vault, str]:
        vault, code = Vault.create(tmp_path / name, passphrase, kdf=FAST_KDF)
        made.append(vault)
        return vault, code

    yield factory
    for vault in made:
        vault.close()


@pytest.fixture
def vault(new_vault: NewVault) -> Vault:
    return new_vault()[0]
