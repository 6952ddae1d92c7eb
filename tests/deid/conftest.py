"""The planted corpus vault, built once per test module (planting 32 clients takes seconds)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.deid.corpus import Planted, plant_corpus
from tests.support import FAST_KDF, PASSPHRASE
from workbench.store.vault import Vault


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, list[Planted]]]:
    vault, _ = Vault.create(tmp_path_factory.mktemp("corpus") / "c", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        yield vault, plant_corpus(vault)
