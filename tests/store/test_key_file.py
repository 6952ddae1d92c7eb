"""The key file: a KDF floor on load and on making a slot; damage is not a wrong passphrase."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from tests.conftest import NewVault
from tests.support import APP_KDF_FLOOR, FAST_KDF, PASSPHRASE
from workbench.errors import KdfBelowFloor, KeySlotsTampered, WrongPassphrase
from workbench.store import connection, keyslots
from workbench.store.keyslots import CHECKSUM, KdfParams, KeySlots
from workbench.store.throttle import ATTEMPTS_NAME, FREE_ATTEMPTS
from workbench.store.vault import SLOTS_NAME, Vault


def _closed(new_vault: NewVault) -> Path:
    vault, _ = new_vault()
    vault.close()
    return vault.folder


def _edit(folder: Path, change: object, *, fix_checksum: bool) -> None:
    path = folder / SLOTS_NAME
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)  # type: ignore[operator]
    if fix_checksum:  # what a deliberate forger would do
        doc.pop(CHECKSUM)
        doc[CHECKSUM] = keyslots._checksum(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _flip_wrapped_key(doc: dict) -> None:  # type: ignore[type-arg]
    raw = bytearray(base64.b64decode(doc["slots"][0]["wrapped_key"]))
    raw[3] ^= 0x01
    doc["slots"][0]["wrapped_key"] = base64.b64encode(bytes(raw)).decode("ascii")


def test_a_slot_below_the_floor_is_refused_on_load_and_not_counted(
    new_vault: NewVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _closed(new_vault)  # made with FAST_KDF: 1 pass over 8 MiB
    monkeypatch.setattr(keyslots, "KDF_FLOOR", APP_KDF_FLOOR)
    for _ in range(FREE_ATTEMPTS + 2):
        with pytest.raises(KdfBelowFloor):
            Vault.unlock(folder, PASSPHRASE)
    assert not (folder / ATTEMPTS_NAME).exists()


def test_a_downgraded_slot_with_a_valid_checksum_is_refused(new_vault: NewVault) -> None:
    folder = _closed(new_vault)

    def downgrade(doc: dict) -> None:  # type: ignore[type-arg]
        doc["slots"][0]["kdf"]["memory_kib"] = 16  # the 8 KiB-class slot of the audit
        doc["slots"][0]["kdf"]["lanes"] = 1

    _edit(folder, downgrade, fix_checksum=True)
    with pytest.raises(KdfBelowFloor):
        Vault.unlock(folder, PASSPHRASE)


def test_no_slot_below_the_floor_is_ever_made(
    tmp_path: Path, new_vault: NewVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = new_vault()
    monkeypatch.setattr(keyslots, "KDF_FLOOR", APP_KDF_FLOOR)
    with pytest.raises(KdfBelowFloor):
        Vault.create(tmp_path / "weak", PASSPHRASE, kdf=FAST_KDF)
    assert not (tmp_path / "weak.iptvault").exists()
    weak = KdfParams(iterations=1, lanes=1, memory_kib=APP_KDF_FLOOR.memory_kib)
    with pytest.raises(KdfBelowFloor):
        vault.change_passphrase("gravel tangerine lighthouse accordion", kdf=weak)
    assert vault.check_passphrase(PASSPHRASE)


@pytest.mark.parametrize("fix_checksum", [False, True], ids=["damaged", "forged-checksum"])
def test_a_tampered_key_file_has_its_own_message_and_is_not_counted(
    new_vault: NewVault, fix_checksum: bool
) -> None:
    folder = _closed(new_vault)
    original = (folder / SLOTS_NAME).read_bytes()
    _edit(folder, _flip_wrapped_key, fix_checksum=fix_checksum)
    if fix_checksum:
        # A forger who recomputes the checksum is indistinguishable from a wrong passphrase
        # for the slot itself (no secret is needed to write the file); the recovery slot,
        # untouched, still opens the vault.
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, PASSPHRASE)
        return
    for _ in range(FREE_ATTEMPTS + 2):
        with pytest.raises(KeySlotsTampered) as caught:
            Vault.unlock(folder, PASSPHRASE)
        assert "not counted as a wrong passphrase" in caught.value.user_message
    assert not (folder / ATTEMPTS_NAME).exists()
    (folder / SLOTS_NAME).write_bytes(original)
    Vault.unlock(folder, PASSPHRASE).close()


def test_a_key_file_from_before_the_checksum_opens_and_gains_one(new_vault: NewVault) -> None:
    folder = _closed(new_vault)
    doc = json.loads((folder / SLOTS_NAME).read_text(encoding="utf-8"))
    doc.pop(CHECKSUM)
    (folder / SLOTS_NAME).write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert KeySlots.load(folder / SLOTS_NAME).legacy_file
    Vault.unlock(folder, PASSPHRASE).close()
    rewritten = KeySlots.load(folder / SLOTS_NAME)
    assert not rewritten.legacy_file
    assert rewritten == KeySlots(doc["vault_id"], rewritten.slots)


def test_memory_wiping_follows_the_measured_decision(new_vault: NewVault) -> None:
    vault, _ = new_vault()
    state = str(vault.conn.execute("PRAGMA cipher_memory_security").fetchone()[0])
    assert state == ("1" if connection.MEMORY_SECURITY else "0")
