"""Seal small blobs with a key derived from the vault's data key (AES-256-GCM, HKDF-SHA256)."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workbench.errors import WorkbenchError

INFO = b"ipt-workbench held drafts v1"
VERSION = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32


class SealBroken(WorkbenchError):
    message = (
        "The text held since the lock could not be opened: it belongs to another vault or "
        "was damaged. It is still held; nothing in the vault was changed."
    )


def _key(data_key: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=INFO)
    return AESGCM(derived.derive(data_key))


def _aad(vault_id: str) -> bytes:
    return VERSION + vault_id.encode("utf-8")


def seal(data_key: bytes, vault_id: str, data: bytes) -> bytes:
    """version byte + random 96-bit nonce + ciphertext and tag, bound to *vault_id*."""
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + _key(data_key).encrypt(nonce, data, _aad(vault_id))


def unseal(data_key: bytes, vault_id: str, blob: bytes) -> bytes:
    """The sealed bytes; SealBroken for another vault's blob, a damaged one or a foreign one."""
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != VERSION:
        raise SealBroken()
    nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return _key(data_key).decrypt(nonce, sealed, _aad(vault_id))
    except InvalidTag:
        raise SealBroken() from None
