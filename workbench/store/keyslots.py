"""Key slots: the data key wrapped by Argon2id-derived keys (AES-256-GCM) in keyslots.json."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from workbench.errors import (
    KdfBelowFloor,
    KeySlotsDamaged,
    KeySlotsTampered,
    WrongPassphrase,
    WrongRecoveryCode,
)
from workbench.fileio import atomic_write_bytes

FORMAT = "ipt-workbench-keyslots"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32
MIN_MEMORY_KIB = 64 * 1024
CHECKSUM = "checksum"
TARGET_SECONDS = (0.5, 1.0)
PASSPHRASE = "passphrase"  # noqa: S105 - a slot kind, not a secret
RECOVERY = "recovery"
# Crockford base32: no I, L, O, U, so a handwritten code is hard to misread.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_CHARS = 28  # 28 x 5 bits = 140 bits of randomness
_GROUP = 4


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters, stored with each slot so old slots keep working."""

    iterations: int
    lanes: int
    memory_kib: int

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)


# The weakest cost accepted in a key file or for a new slot: what tune_kdf starts from. A
# correctly wrapped slot below it is refused, so a downgraded key file never unlocks silently.
KDF_FLOOR = KdfParams(iterations=2, lanes=1, memory_kib=MIN_MEMORY_KIB)


def check_floor(params: KdfParams) -> None:
    """Raise KdfBelowFloor when *params* cost less than KDF_FLOOR."""
    if params.iterations < KDF_FLOOR.iterations or params.memory_kib < KDF_FLOOR.memory_kib:
        raise KdfBelowFloor()


def tune_kdf(target: tuple[float, float] = TARGET_SECONDS) -> KdfParams:
    """Pick Argon2id costs (>= 64 MiB) that take about 0.5-1 s on this machine."""
    params = KdfParams(iterations=2, lanes=4, memory_kib=MIN_MEMORY_KIB)
    salt = os.urandom(16)
    for _ in range(6):
        start = time.perf_counter()
        params.derive(b"calibration", salt)
        elapsed = time.perf_counter() - start
        if elapsed >= target[0]:
            return params
        wanted = (target[0] + target[1]) / 2
        scale = wanted / max(elapsed, 1e-3)
        params = KdfParams(
            iterations=max(params.iterations + 1, int(params.iterations * scale)),
            lanes=params.lanes,
            memory_kib=params.memory_kib,
        )
    return params


@dataclass(frozen=True)
class Slot:
    """One wrapping of the data key."""

    kind: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


def _aad(vault_id: str, kind: str) -> bytes:
    return f"{FORMAT}/{vault_id}/{kind}".encode()


def wrap(data_key: bytes, secret: bytes, kind: str, vault_id: str, kdf: KdfParams) -> Slot:
    """Wrap *data_key* under a key derived from *secret* (never below KDF_FLOOR)."""
    check_floor(kdf)
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = kdf.derive(secret, salt)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(vault_id, kind))
    return Slot(kind=kind, kdf=kdf, salt=salt, nonce=nonce, wrapped=wrapped)


def unwrap(slot: Slot, secret: bytes, vault_id: str) -> bytes | None:
    """The data key, or None when *secret* is not the one this slot was made with."""
    kek = slot.kdf.derive(secret, slot.salt)
    try:
        key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _aad(vault_id, slot.kind))
    except InvalidTag:
        return None
    if len(key) != DATA_KEY_BYTES:
        raise KeySlotsDamaged()
    return key


@dataclass(frozen=True)
class KeySlots:
    """The content of keyslots.json."""

    vault_id: str
    slots: tuple[Slot, ...]
    # True when read from a file written before the checksum existed (re-saved after unlock).
    legacy_file: bool = field(default=False, compare=False)

    def slot(self, kind: str) -> Slot:
        for slot in self.slots:
            if slot.kind == kind:
                return slot
        raise KeySlotsDamaged()

    def replace(self, new: Slot) -> KeySlots:
        others = tuple(s for s in self.slots if s.kind != new.kind)
        return KeySlots(self.vault_id, (*others, new))

    def unlock(self, secret: bytes, kind: str) -> bytes:
        key = unwrap(self.slot(kind), secret, self.vault_id)
        if key is None:
            raise WrongPassphrase() if kind == PASSPHRASE else WrongRecoveryCode()
        return key

    def to_bytes(self) -> bytes:
        def enc(raw: bytes) -> str:
            return base64.b64encode(raw).decode("ascii")

        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "slots": [
                {
                    "kind": s.kind,
                    "kdf": {"name": "argon2id", **asdict(s.kdf)},
                    "salt": enc(s.salt),
                    "nonce": enc(s.nonce),
                    "wrapped_key": enc(s.wrapped),
                }
                for s in self.slots
            ],
        }
        doc[CHECKSUM] = _checksum(doc)
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlots:
        """Parse a key file; refuse a damaged, edited or below-floor one before any KDF runs."""
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc["format"] != FORMAT or doc["version"] != FORMAT_VERSION:
                raise KeySlotsDamaged()
            stored = doc.pop(CHECKSUM, None)
            if stored is not None and str(stored) != _checksum(doc):
                raise KeySlotsTampered()
            slots = tuple(_slot_from_doc(s) for s in doc["slots"])
            vault_id = str(doc["vault_id"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeySlotsDamaged() from exc
        if not slots or len({s.kind for s in slots}) != len(slots):
            raise KeySlotsDamaged()
        for slot in slots:
            check_floor(slot.kdf)
        return cls(vault_id, slots, legacy_file=stored is None)

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise KeySlotsDamaged() from exc
        return cls.from_bytes(raw)


def _checksum(doc: dict[str, Any]) -> str:
    """SHA-256 of the file's content without its checksum: an edited byte is not a wrong passphrase.

    It is not a secret MAC (anyone can recompute it); it tells damage and hand edits apart from
    a mistyped passphrase, so those are reported as such and never count toward throttling.
    """
    body = {key: value for key, value in doc.items() if key != CHECKSUM}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _slot_from_doc(doc: dict[str, Any]) -> Slot:
    kdf = doc["kdf"]
    if kdf["name"] != "argon2id":
        raise KeySlotsDamaged()
    params = KdfParams(int(kdf["iterations"]), int(kdf["lanes"]), int(kdf["memory_kib"]))
    if not (1 <= params.iterations <= 1000 and 1 <= params.lanes <= 64):
        raise KeySlotsDamaged()
    if not (8 * params.lanes <= params.memory_kib <= 4 * 1024 * 1024):
        raise KeySlotsDamaged()
    salt = base64.b64decode(doc["salt"], validate=True)
    nonce = base64.b64decode(doc["nonce"], validate=True)
    wrapped = base64.b64decode(doc["wrapped_key"], validate=True)
    if len(salt) != 16 or len(nonce) != 12 or len(wrapped) != DATA_KEY_BYTES + 16:
        raise KeySlotsDamaged()
    return Slot(str(doc["kind"]), params, salt, nonce, wrapped)


def new_recovery_code() -> str:
    """A fresh recovery code: 140 random bits shown as seven groups of four characters."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(_RECOVERY_CHARS))
    return "-".join(chars[i : i + _GROUP] for i in range(0, _RECOVERY_CHARS, _GROUP))


def normalise_recovery_code(code: str) -> bytes:
    """Canonical bytes of a typed recovery code (case, spaces, dashes, O/I/L misreads forgiven)."""
    cleaned = code.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    chars = [c for c in cleaned if c not in " -\t\r\n"]
    if len(chars) != _RECOVERY_CHARS or any(c not in _ALPHABET for c in chars):
        raise WrongRecoveryCode(
            f"A recovery code has {_RECOVERY_CHARS} letters and digits in groups of {_GROUP}; "
            "check what you typed."
        )
    return "".join(chars).encode("ascii")
