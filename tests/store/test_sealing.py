"""Sealed blobs open only in the vault that sealed them, only while it is unlocked."""

from __future__ import annotations

import pytest

from tests.conftest import NewVault
from tests.support import PASSPHRASE
from workbench.errors import VaultLocked
from workbench.store.sealing import SealBroken
from workbench.store.vault import Vault

CANARY = "QZXSEAL invented words, Zoë's Tuesday".encode()


def test_a_sealed_blob_opens_again_and_does_not_show_its_text(new_vault: NewVault) -> None:
    vault, _ = new_vault("one")
    blob = vault.seal(CANARY)
    assert CANARY not in blob
    assert b"QZXSEAL" not in blob
    assert vault.unseal(blob) == CANARY
    assert vault.seal(CANARY) != blob  # a fresh nonce every time


def test_a_blob_survives_locking_and_unlocking_the_same_vault(new_vault: NewVault) -> None:
    vault, _ = new_vault("one")
    blob = vault.seal(CANARY)
    vault.close()
    again = Vault.unlock(vault.folder, PASSPHRASE)
    try:
        assert again.unseal(blob) == CANARY
    finally:
        again.close()


def test_another_vault_refuses_the_blob_with_a_plain_message(new_vault: NewVault) -> None:
    one, _ = new_vault("one")
    other, _ = new_vault("other")
    with pytest.raises(SealBroken) as caught:
        other.unseal(one.seal(CANARY))
    assert "another vault" in caught.value.user_message
    assert "QZXSEAL" not in caught.value.user_message


@pytest.mark.parametrize("where", [0, 5, 20, -1])
def test_a_tampered_blob_is_refused(new_vault: NewVault, where: int) -> None:
    vault, _ = new_vault("one")
    blob = bytearray(vault.seal(CANARY))
    blob[where] ^= 0x01
    with pytest.raises(SealBroken):
        vault.unseal(bytes(blob))


@pytest.mark.parametrize("blob", [b"", b"\x01", b"not a sealed blob at all, just bytes"])
def test_short_or_foreign_bytes_are_refused(new_vault: NewVault, blob: bytes) -> None:
    vault, _ = new_vault("one")
    with pytest.raises(SealBroken):
        vault.unseal(blob)


def test_a_closed_vault_neither_seals_nor_unseals(new_vault: NewVault) -> None:
    vault, _ = new_vault("one")
    blob = vault.seal(CANARY)
    vault.close()
    with pytest.raises(VaultLocked):
        vault.seal(CANARY)
    with pytest.raises(VaultLocked):
        vault.unseal(blob)
